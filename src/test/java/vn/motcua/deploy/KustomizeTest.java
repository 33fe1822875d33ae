package vn.motcua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.deploy.ServiceFacts.value;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/**
 * The kustomize manifests ({@code k8s/}): each overlay rendered by {@code kubectl kustomize}, every object read strictly
 * into fabric8's Kubernetes model, the facts of {@link ServiceFacts}, what tells dev from prod, and the same probes,
 * ports and security as the Helm chart. Both kustomize 5 (kubectl 1.27+) and Debian 12's kubectl 1.20 (kustomize
 * 2.0.3) render them; the test uses the {@code kubectl} on the PATH.
 */
class KustomizeTest {

    @Test
    void rendersTheDevOverlay() {
        KubernetesObjects dev = KubernetesObjects.parse(kustomize("k8s/overlays/dev"));
        Deployment deployment = ServiceFacts.check(dev, Set.of());
        assertEquals(1, deployment.getSpec().getReplicas());
        assertTrue(dev.all(HorizontalPodAutoscaler.class).isEmpty(), "no autoscaler in dev");
        assertEquals("640Mi", app(deployment).getResources().getLimits().get("memory").toString());
        assertEquals("/var/lib/motcua/attachments", value(ServiceFacts.env(deployment), "MOTCUA_ATTACHMENTS_DIR"));
        assertTrue(dev.all().stream().allMatch(o -> "motcua-dev".equals(o.getMetadata().getNamespace())));
    }

    @Test
    void rendersTheProdOverlay() {
        KubernetesObjects prod = KubernetesObjects.parse(kustomize("k8s/overlays/prod"));
        Deployment deployment = ServiceFacts.check(prod, Set.of("motcua-secrets"));
        assertNull(deployment.getSpec().getReplicas(), "the autoscaler sets the replicas");
        HorizontalPodAutoscaler hpa = prod.one(HorizontalPodAutoscaler.class, "motcua");
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertEquals(12, hpa.getSpec().getMaxReplicas());
        Container app = app(deployment);
        assertEquals("1Gi", app.getResources().getLimits().get("memory").toString());
        assertEquals("1", app.getResources().getRequests().get("cpu").toString());
        assertTrue(app.getImage().startsWith("registry.hanoi.gov.vn/"), app.getImage());
        var env = ServiceFacts.env(deployment);
        assertEquals("https://s3.hanoi.gov.vn", value(env, "MOTCUA_ATTACHMENTS_S3_ENDPOINT"));
        assertFalse(env.containsKey("MOTCUA_ATTACHMENTS_DIR"));
        assertEquals("true", value(env, "MOTCUA_SECURE_COOKIES"));
    }

    @Test
    void dependsOnTheSameProbesPortsAndSecurityAsTheChart() {
        Deployment chart = HelmChartTest.render(t -> t).all(Deployment.class).get(0);
        for (String overlay : new String[] {"k8s/overlays/dev", "k8s/overlays/prod"}) {
            Deployment manifests = KubernetesObjects.parse(kustomize(overlay)).all(Deployment.class).get(0);
            Container fromChart = app(chart);
            Container fromManifests = app(manifests);
            assertEquals(fromChart.getStartupProbe(), fromManifests.getStartupProbe(), overlay);
            assertEquals(fromChart.getReadinessProbe(), fromManifests.getReadinessProbe(), overlay);
            assertEquals(fromChart.getLivenessProbe(), fromManifests.getLivenessProbe(), overlay);
            assertEquals(fromChart.getPorts(), fromManifests.getPorts(), overlay);
            assertEquals(fromChart.getSecurityContext(), fromManifests.getSecurityContext(), overlay);
            assertEquals(chart.getSpec().getTemplate().getSpec().getSecurityContext(),
                    manifests.getSpec().getTemplate().getSpec().getSecurityContext(), overlay);
            assertEquals(chart.getSpec().getStrategy(), manifests.getSpec().getStrategy(), overlay);
        }
    }

    private static Container app(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** {@code kubectl kustomize DIR}'s output; the test is skipped, saying why, where there is no kubectl. */
    private static String kustomize(String dir) {
        Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "kubectl")).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: the kustomize manifests are not checked (Debian: apt-get install kubernetes-client; .ci/run installs it)");
        try {
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", dir).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // kustomize 5 warns here that "bases" and "patchesStrategicMerge" are deprecated: kept for kustomize 2.
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + dir + " did not finish");
            assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + " failed: " + err);
            return out;
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
