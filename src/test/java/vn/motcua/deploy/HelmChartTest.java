package vn.motcua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.deploy.KubernetesObjects.at;
import static vn.motcua.deploy.ServiceFacts.value;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The Helm chart ({@code helm/motcua}): {@code helm lint} and {@code helm template} through Helm's own library
 * (helm-java), every rendered object read strictly into fabric8's Kubernetes model, and the facts of
 * {@link ServiceFacts} for the default values, the production example, and the optional CloudNativePG and Keycloak
 * templates.
 *
 * <p>Helm's {@code lookup} (used to keep generated secrets across upgrades) asks a cluster when helm-java renders, so
 * the renders here give every secret value; {@code helm template} on the command line needs none.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/motcua");
    static final Path PRODUCTION = Path.of("helm/examples/production.yaml");
    static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path temp;

    @Test
    void lintsCleanWithTheDefaultValues() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void lintsCleanWithTheProductionValues() throws IOException {
        // helm-java's lint takes no values file: lint a copy of the chart whose defaults are merged with production's.
        Path copy = copyChart(temp.resolve("motcua"));
        ObjectNode values = (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
        merge(values, YAML.readTree(PRODUCTION.toFile()));
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        LintResult lint = new Helm(copy).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void rendersTheDefaultValues() {
        KubernetesObjects objects = render(t -> t);
        Deployment deployment = ServiceFacts.check(objects, Set.of());
        assertEquals(1, deployment.getSpec().getReplicas());
        assertTrue(objects.all(HorizontalPodAutoscaler.class).isEmpty(), "no autoscaler by default");
        var env = ServiceFacts.env(deployment);
        assertEquals("postgresql://motcua-db-rw:5432/motcua", value(env, "MOTCUA_DB_URL"), "CloudNativePG's read-write service");
        assertEquals("http://motcua-keycloak-service:8080", value(env, "MOTCUA_OIDC_URL"), "the Keycloak operator's service");
        assertEquals("/var/lib/motcua/attachments", value(env, "MOTCUA_ATTACHMENTS_DIR"));
        assertFalse(objects.hasCustom("Cluster") || objects.hasCustom("Keycloak"), "the operators' templates are off by default");
        // Sized from docs/benchmarks.md: 315-399 MiB resident; the heap is half the limit.
        var resources = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
        assertEquals("768Mi", resources.getLimits().get("memory").toString());
        assertTrue(value(env, "JDK_JAVA_OPTIONS").contains("-XX:MaxRAMPercentage=50"));
    }

    @Test
    void rendersTheProductionValuesWithTheOperatorsTemplates() {
        KubernetesObjects objects = render(t -> t.withValuesFile(PRODUCTION).set("keycloak.enabled", "true")
                .set("keycloak.hostname", "id.hanoi.gov.vn").set("oidc.url", ""));
        Deployment deployment = ServiceFacts.check(objects, Set.of("motcua-secrets"));
        var env = ServiceFacts.env(deployment);
        assertEquals("https://s3.hanoi.gov.vn", value(env, "MOTCUA_ATTACHMENTS_S3_ENDPOINT"));
        assertFalse(env.containsKey("MOTCUA_ATTACHMENTS_DIR"));
        assertEquals("true", value(env, "MOTCUA_SECURE_COOKIES"));
        // The database passwords come from the basic-auth Secrets that CloudNativePG gives its roles.
        assertEquals("motcua-db-app", env.get("MOTCUA_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        assertEquals("kubernetes.io/basic-auth", objects.one(Secret.class, "-db-app").getType());
        assertTrue(objects.find(Secret.class, "motcua").isEmpty(), "with existingSecret the chart makes no Secret of its own");

        HorizontalPodAutoscaler hpa = objects.one(HorizontalPodAutoscaler.class, "motcua");
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertEquals(70, hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization());
        assertEquals("dichvucong.hanoi.gov.vn", objects.one(Ingress.class, "motcua").getSpec().getRules().get(0).getHost());

        GenericKubernetesResource cluster = objects.custom("Cluster");
        assertEquals("motcua-db", cluster.getMetadata().getName(), "the name MOTCUA_DB_URL's host is made from");
        assertEquals(3, at(cluster, "spec", "instances"));
        assertEquals(Map.of("method", "any", "number", 1, "dataDurability", "required"),
                at(cluster, "spec", "postgresql", "synchronous"), "a synchronous standby");
        assertEquals("motcua_owner", at(cluster, "spec", "bootstrap", "initdb", "owner"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) at(cluster, "spec", "managed", "roles");
        Map<String, Object> app = roles.stream().filter(r -> r.get("name").equals("motcua_app")).findFirst().orElseThrow();
        assertEquals(false, app.get("bypassrls"), "the service's role cannot bypass row-level security");
        assertEquals(false, app.get("superuser"));
        @SuppressWarnings("unchecked")
        Map<String, Object> plugin = ((List<Map<String, Object>>) at(cluster, "spec", "plugins")).get(0);
        assertEquals(true, plugin.get("isWALArchiver"), "WAL archived to object storage");
        GenericKubernetesResource store = objects.custom("ObjectStore");
        assertEquals(store.getMetadata().getName(), ((Map<?, ?>) plugin.get("parameters")).get("barmanObjectName"));
        assertEquals("s3://motcua-backups/db", at(store, "spec", "configuration", "destinationPath"));
        assertEquals("motcua-db", at(objects.custom("ScheduledBackup"), "spec", "cluster", "name"));

        GenericKubernetesResource keycloak = objects.custom("Keycloak");
        assertEquals("motcua-db-rw", at(keycloak, "spec", "db", "host"), "Keycloak's database in the same cluster");
        assertEquals("keycloak", at(objects.custom("Database"), "spec", "name"));
        assertEquals("http://motcua-keycloak-service:8080", value(env, "MOTCUA_OIDC_URL"));
    }

    @Test
    void thePackagedChartCarriesTheTenantFiles() {
        // files/tenants is a link to the repository's tenants/: Helm packages the files it points to.
        Helm packaged = new Helm(CHART).packageIt().withDestination(temp).call();
        String yaml = withSecrets(packaged.template().withName("motcua")).call();
        KubernetesObjects objects = KubernetesObjects.parse(yaml);
        ServiceFacts.check(objects, Set.of());
        ConfigMap tenants = objects.one(ConfigMap.class, "-tenants");
        assertEquals(ServiceFacts.tenantFiles().size(), tenants.getData().size());
    }

    @Test
    void refusesValuesTheSchemaForbids() {
        assertRefused(t -> t.set("replicaCount", "three"), "replicaCount");
        assertRefused(t -> t.set("replicas", "3"), "replicas");
        assertRefused(t -> t.set("database.port", "70000"), "port");
        assertRefused(t -> t.set("extraEnv.JAVA_HOME", "/opt"), "JAVA_HOME");
        assertRefused(t -> t.set("cnpg.synchronous.dataDurability", "sometimes"), "dataDurability");
    }

    @Test
    void refusesReplicasWithoutASharedAttachmentStore() {
        assertRefused(t -> t.set("replicaCount", "3"), "attachment store");
        assertRefused(t -> t.set("autoscaling.enabled", "true"), "attachment store");
        render(t -> t.set("replicaCount", "3").set("attachments.volume.persistentVolumeClaim.claimName", "shared"));
    }

    private void assertRefused(UnaryOperator<TemplateCommand> values, String named) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> render(values));
        assertTrue(refused.getMessage().contains(named), refused.getMessage());
    }

    static KubernetesObjects render(UnaryOperator<TemplateCommand> values) {
        return KubernetesObjects.parse(values.apply(withSecrets(new Helm(CHART).template().withName("motcua"))).call());
    }

    private static TemplateCommand withSecrets(TemplateCommand template) {
        for (String key : List.of("dbPassword", "dbOwnerPassword", "oidcConsoleSecret", "oidcPortalSecret",
                "oidcProvisioningSecret", "csrfSecret", "s3AccessKey", "s3SecretKey", "keycloakDbPassword")) {
            template = template.set("secrets." + key, "test-" + key);
        }
        return template;
    }

    /** A copy of the chart with its links followed (files/tenants becomes the files). */
    private static Path copyChart(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(CHART, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(CHART.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return to;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.properties().forEach(e -> {
            if (e.getValue().isObject() && into.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
