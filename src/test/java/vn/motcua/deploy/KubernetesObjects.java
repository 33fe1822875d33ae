package vn.motcua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Rendered manifests (Helm's or kustomize's) read into fabric8's Kubernetes model, strictly: fabric8's classes keep
 * any field they do not know in {@code additionalProperties}, which would let a misspelt field ({@code readinesProbe},
 * {@code containerport}) through; here that catch-all is removed, so an unknown field anywhere fails the read.
 * Custom resources of operators (CloudNativePG, Keycloak) have no model here: they are read as generic resources and
 * their facts asserted by the tests.
 */
final class KubernetesObjects {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    if (description.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model.")
                            && description.getBeanClass() != GenericKubernetesResource.class) {
                        builder.setAnySetter(null);
                    }
                    return builder;
                }
            }))
            .build();

    /** The kinds of the Kubernetes API that the chart and the manifests may render, by apiVersion and kind. */
    private static final Map<String, Class<? extends HasMetadata>> MODEL = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    /** Operators' kinds, read generically. */
    static final List<String> CUSTOM = List.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "postgresql.cnpg.io/v1/Database", "barmancloud.cnpg.io/v1/ObjectStore", "k8s.keycloak.org/v2beta1/Keycloak");

    private final List<HasMetadata> objects;

    private KubernetesObjects(List<HasMetadata> objects) {
        this.objects = objects;
    }

    /** Every document of a multi-document YAML stream, each read strictly into its model class. */
    static KubernetesObjects parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode node = documents.next();
                if (node == null || node.isNull() || node.isEmpty()) {
                    continue;
                }
                String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
                String name = node.path("metadata").path("name").asText();
                Class<? extends HasMetadata> model = MODEL.get(type);
                if (model == null && !CUSTOM.contains(type)) {
                    fail("no Kubernetes model for " + type + " (" + name + ")");
                }
                try {
                    Class<? extends HasMetadata> readAs = model != null ? model : GenericKubernetesResource.class;
                    objects.add(STRICT.treeToValue(node, readAs));
                } catch (IOException e) {
                    fail(type + " " + name + " does not match the Kubernetes API model: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KubernetesObjects(objects);
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The one object of this kind whose name ends with {@code suffix} (names carry the release's or a prefix). */
    <T extends HasMetadata> T one(Class<T> kind, String suffix) {
        List<T> found = all(kind).stream().filter(o -> o.getMetadata().getName().endsWith(suffix)).toList();
        assertEquals(1, found.size(), kind.getSimpleName() + " named *" + suffix + ": " + found.size());
        return found.get(0);
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String suffix) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().endsWith(suffix)).findFirst();
    }

    GenericKubernetesResource custom(String kind) {
        List<GenericKubernetesResource> found = all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals(kind)).toList();
        assertEquals(1, found.size(), kind + ": " + found.size());
        return found.get(0);
    }

    boolean hasCustom(String kind) {
        return all(GenericKubernetesResource.class).stream().anyMatch(o -> o.getKind().equals(kind));
    }

    /** A value of a generic resource at a path of keys, e.g. {@code at(cluster, "spec", "postgresql", "synchronous")}. */
    @SuppressWarnings("unchecked")
    static Object at(GenericKubernetesResource resource, String... path) {
        Object value = resource.getAdditionalProperties();
        for (String key : path) {
            assertTrue(value instanceof Map, "no " + String.join(".", path) + " in " + resource.getKind());
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }
}
