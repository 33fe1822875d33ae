package vn.motcua.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service as one replica of a cluster: the cache clustered over JGroups TCP (discovery through JDBC_PING2 on the
 * suite's PostgreSQL), and small API quotas on two tenants no other test uses, in a short window, so that the quota's
 * answers and its reset can be seen in seconds. One profile for every test of the cluster, so Quarkus starts once for
 * them ({@code ClusteredCacheTest}, {@code ClusterReplicasTest}, {@code ApiQuotaTest}); a second replica started by a
 * test gets the same settings ({@link #replicaSettings()}).
 */
public class ClusteredProfile implements QuarkusTestProfile {

    public static final String CLUSTER = "motcua-test";
    /** The first port the cluster transport tries; a second replica on the same machine takes the next free one. */
    public static final int PORT = 7900;
    /** A tenant whose quota is {@link #QUOTA} requests per {@link #QUOTA_WINDOW}. */
    public static final String QUOTA_TENANT = "ha-dong-mo-lao";
    public static final int QUOTA = 3;
    /** A tenant whose quota ({@link #SHARED_QUOTA}) two replicas share. */
    public static final String SHARED_QUOTA_TENANT = "gia-lam-trau-quy";
    public static final int SHARED_QUOTA = 4;
    public static final Duration QUOTA_WINDOW = Duration.ofSeconds(4);

    /** The settings a replica of this cluster runs with, as configuration properties. */
    public static Map<String, String> replicaSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("motcua.cache.mode", "cluster");
        m.put("motcua.cache.cluster-name", CLUSTER);
        m.put("motcua.cache.bind-port", Integer.toString(PORT));
        m.put("motcua.api-quota.window", QUOTA_WINDOW.toString());
        m.put("motcua.api-quota.tenants." + QUOTA_TENANT, Integer.toString(QUOTA));
        m.put("motcua.api-quota.tenants." + SHARED_QUOTA_TENANT, Integer.toString(SHARED_QUOTA));
        return m;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return replicaSettings();
    }

    /** Sleeps until a new quota window has just begun, so that a test's few requests fall in one window. */
    public static void awaitWindowStart() throws InterruptedException {
        long size = QUOTA_WINDOW.toMillis();
        Thread.sleep(size - System.currentTimeMillis() % size + 50);
    }
}
