package vn.motcua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import vn.motcua.support.ServiceVariables;

/**
 * What must hold of the service's objects however they were rendered (the Helm chart, the kustomize overlays): the
 * probes on the health paths the service serves, the Services and the budget selecting its pods, the autoscaler on
 * its Deployment, the tenant data whole, and only variables the service reads.
 */
final class ServiceFacts {

    /** The health paths of the management port (ManagementPortTest requests each of them). */
    static final String STARTED = "/q/health/started";
    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";

    /** Quarkus's own variables the manifests may set, each a runtime property of Quarkus. */
    static final Set<String> QUARKUS_VARIABLES = Set.of(
            "QUARKUS_HTTP_PORT", // ${QUARKUS_HTTP_PORT:8080} in application.properties
            "QUARKUS_SHUTDOWN_TIMEOUT"); // quarkus.shutdown.timeout: requests in flight may finish after SIGTERM

    private ServiceFacts() {
    }

    /**
     * Checks the facts and returns the service's Deployment.
     *
     * @param externalSecrets Secrets the objects reference without creating them (the operator's own)
     */
    static Deployment check(KubernetesObjects objects, Set<String> externalSecrets) {
        List<Deployment> deployments = objects.all(Deployment.class);
        assertEquals(1, deployments.size(), "one Deployment");
        Deployment deployment = deployments.get(0);
        var pod = deployment.getSpec().getTemplate();
        Map<String, String> podLabels = pod.getMetadata().getLabels();
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), selectedOf(podLabels, deployment.getSpec().getSelector().getMatchLabels()),
                "the Deployment selects its own pods");

        Container app = pod.getSpec().getContainers().stream().filter(c -> c.getName().equals("motcua")).findFirst().orElseThrow();
        assertNotNull(app.getImage(), "image");
        Map<String, EnvVar> env = app.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity(), (a, b) -> {
            throw new AssertionError("variable set twice: " + a.getName());
        }, TreeMap::new));
        for (String name : env.keySet()) {
            if (name.startsWith("MOTCUA_")) {
                assertTrue(ServiceVariables.isRead(name), name + " is not read by the service");
            } else if (name.startsWith("QUARKUS_")) {
                assertTrue(QUARKUS_VARIABLES.contains(name) || ServiceVariables.isRead(name), name + " is not a setting we know");
            } else {
                assertEquals("JDK_JAVA_OPTIONS", name, "a variable neither the service nor the JVM reads");
            }
        }
        // Without these two the service would start an embedded PostgreSQL and Keycloak inside the pod.
        assertTrue(value(env, "MOTCUA_DB_URL").startsWith("postgresql://"), "MOTCUA_DB_URL");
        assertTrue(value(env, "MOTCUA_OIDC_URL").matches("https?://.+"), "MOTCUA_OIDC_URL");
        assertEquals("cluster", value(env, "MOTCUA_CACHE_MODE"));
        assertEquals("status.podIP", env.get("MOTCUA_CACHE_BIND_ADDR").getValueFrom().getFieldRef().getFieldPath(),
                "JGroups binds to the pod's address");

        // Ports: the service's, the management interface's (health, metrics), JGroups'.
        Map<String, Integer> ports = app.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        assertEquals(Integer.valueOf(value(env, "QUARKUS_HTTP_PORT")), ports.get("http"));
        assertEquals(Integer.valueOf(value(env, "MOTCUA_MANAGEMENT_PORT")), ports.get("management"));
        assertEquals(7800, ports.get("jgroups"), "JGroups' TCP port (motcua.cache.bind-port)");

        // Probes: each on a health path the management port serves.
        assertProbe(app.getStartupProbe().getHttpGet(), STARTED, ports);
        assertProbe(app.getReadinessProbe().getHttpGet(), READY, ports);
        assertProbe(app.getLivenessProbe().getHttpGet(), LIVE, ports);
        assertTrue(app.getStartupProbe().getPeriodSeconds() * app.getStartupProbe().getFailureThreshold() >= 60,
                "the first start (migrations, tenant sync) gets at least a minute");
        // A replica slow under load stays in (docs/load-test.md: 1 s checks took busy replicas out, half the requests
        // failed): its readiness, which waits for PostgreSQL with the requests, gets 5 s and 3 misses, and it is not
        // restarted for answering slowly either.
        assertTrue(app.getReadinessProbe().getTimeoutSeconds() >= 5 && app.getReadinessProbe().getFailureThreshold() >= 3,
                "a busy replica is not taken out of the Service by one slow readiness check");
        assertTrue(app.getLivenessProbe().getTimeoutSeconds() >= 5 && app.getLivenessProbe().getFailureThreshold() >= 3,
                "a busy replica is not restarted for one slow liveness check");

        // Services: the headless one for JGroups, the service's port for the rest.
        Service jgroups = objects.one(Service.class, "-jgroups");
        assertEquals("None", jgroups.getSpec().getClusterIP(), "headless");
        assertEquals(Boolean.TRUE, jgroups.getSpec().getPublishNotReadyAddresses(), "members are found before they are ready");
        assertSelects(jgroups.getSpec().getSelector(), podLabels, "the JGroups Service");
        ServicePort jgroupsPort = jgroups.getSpec().getPorts().get(0);
        assertEquals(7800, jgroupsPort.getPort());
        assertEquals(7800, resolve(jgroupsPort.getTargetPort(), ports));
        List<Service> others = objects.all(Service.class).stream().filter(s -> s != jgroups).toList();
        assertEquals(1, others.size(), "one Service for the service's port");
        assertSelects(others.get(0).getSpec().getSelector(), podLabels, "the Service");
        for (ServicePort port : others.get(0).getSpec().getPorts()) {
            assertEquals(ports.get("http"), resolve(port.getTargetPort(), ports), "only the service's port is published");
        }

        // The budget keeps replicas of this Deployment up during drains.
        PodDisruptionBudget pdb = objects.all(PodDisruptionBudget.class).stream().findFirst().orElseThrow(() -> new AssertionError("no PodDisruptionBudget"));
        assertNotNull(pdb.getSpec().getSelector(), "the PodDisruptionBudget has a selector (without one it covers every pod)");
        assertSelects(pdb.getSpec().getSelector().getMatchLabels(), podLabels, "the PodDisruptionBudget");

        for (HorizontalPodAutoscaler hpa : objects.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertEquals("apps/v1", target.getApiVersion());
            assertEquals("Deployment", target.getKind());
            assertEquals(deployment.getMetadata().getName(), target.getName(), "the autoscaler scales the service's Deployment");
            assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
            assertNotNull(app.getResources().getRequests().get("cpu"), "a CPU request: what the autoscaler measures against");
            assertTrue(objects.all(Deployment.class).get(0).getSpec().getReplicas() == null,
                    "with an autoscaler the Deployment leaves the replica count to it");
        }

        // Secrets: each one referenced exists, with the key.
        Map<String, Secret> secrets = objects.all(Secret.class).stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), Function.identity()));
        for (EnvVar var : env.values()) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                if (externalSecrets.contains(ref.getName())) {
                    continue;
                }
                Secret secret = secrets.get(ref.getName());
                assertNotNull(secret, var.getName() + ": no Secret " + ref.getName());
                Map<String, String> data = new TreeMap<>();
                if (secret.getData() != null) {
                    data.putAll(secret.getData());
                }
                if (secret.getStringData() != null) {
                    data.putAll(secret.getStringData());
                }
                assertTrue(data.containsKey(ref.getKey()), var.getName() + ": no key " + ref.getKey() + " in Secret " + ref.getName());
            }
        }

        checkTenants(objects, pod.getSpec().getVolumes(), app.getVolumeMounts(), env);
        return deployment;
    }

    /** The tenants volume holds the repository's tenants/ folder, file for file, where the service looks for it. */
    private static void checkTenants(KubernetesObjects objects, List<Volume> volumes, List<VolumeMount> mounts, Map<String, EnvVar> env) {
        VolumeMount mount = mounts.stream().filter(m -> m.getName().equals("tenants")).findFirst().orElseThrow();
        assertEquals(mount.getMountPath(), value(env, "MOTCUA_TENANTS_DIR"));
        assertEquals(mount.getMountPath() + "/catalog", value(env, "MOTCUA_CATALOG_DIR"));
        assertEquals(mount.getMountPath() + "/calendars", value(env, "MOTCUA_CALENDARS_DIR"));
        Volume volume = volumes.stream().filter(v -> v.getName().equals("tenants")).findFirst().orElseThrow();
        ConfigMap map = objects.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(volume.getConfigMap().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + volume.getConfigMap().getName()));
        Map<String, String> mounted = new TreeMap<>();
        for (KeyToPath item : volume.getConfigMap().getItems()) {
            assertTrue(map.getData().containsKey(item.getKey()), "no key " + item.getKey() + " in " + map.getMetadata().getName());
            mounted.put(item.getPath(), map.getData().get(item.getKey()));
        }
        assertEquals(map.getData().size(), volume.getConfigMap().getItems().size(), "every key is mounted");
        assertEquals(tenantFiles(), mounted, "the mounted tenant files are the repository's tenants/ (*.yaml)");
    }

    /** The repository's tenant data files: relative path → content. */
    static Map<String, String> tenantFiles() {
        Path root = Path.of("tenants");
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> all = new TreeMap<>();
            // tenants/kustomization.yaml is k8s/'s list of these files, not tenant data.
            for (Path file : files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".yaml")
                    && !f.equals(root.resolve("kustomization.yaml"))).toList()) {
                all.put(root.relativize(file).toString(), Files.readString(file));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProbe(HTTPGetAction get, String path, Map<String, Integer> ports) {
        assertEquals(path, get.getPath());
        assertEquals(ports.get("management"), resolve(get.getPort(), ports), path + " on the management port");
    }

    private static int resolve(IntOrString port, Map<String, Integer> ports) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        Integer number = ports.get(port.getStrVal());
        assertNotNull(number, "no container port named " + port.getStrVal());
        return number;
    }

    private static void assertSelects(Map<String, String> selector, Map<String, String> podLabels, String what) {
        assertTrue(selector != null && !selector.isEmpty(), what + " selects something");
        assertEquals(selector, selectedOf(podLabels, selector), what + " selects the service's pods");
    }

    private static Map<String, String> selectedOf(Map<String, String> labels, Map<String, String> selector) {
        return labels.entrySet().stream().filter(e -> selector.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static String value(Map<String, EnvVar> env, String name) {
        EnvVar var = env.get(name);
        assertNotNull(var, name + " is not set");
        assertNotNull(var.getValue(), name + " has no value");
        return var.getValue();
    }

    static Map<String, EnvVar> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
