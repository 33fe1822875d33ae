package vn.motcua.platform.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedded Infinispan cache: alone in one replica, or clustered across replicas. */
@ConfigMapping(prefix = "motcua.cache")
public interface CacheConfig {

    /**
     * {@code local}: this replica only. {@code cluster}: replicas of the same database form a JGroups cluster
     * (discovered through JDBC_PING2), invalidate each other's read-mostly caches and share the rate limits' counts
     * ({@link RateWindows}). Variable {@code MOTCUA_CACHE_MODE}.
     */
    @WithDefault("local")
    Mode mode();

    /** Replicas with the same cluster name and database join one cluster. */
    @WithDefault("motcua")
    String clusterName();

    /** Address the cluster transport binds to: the pod IP on Kubernetes. Variable {@code MOTCUA_CACHE_BIND_ADDR}. */
    @WithDefault("127.0.0.1")
    String bindAddress();

    /** First TCP port the cluster transport tries; the next 20 are tried when it is taken. */
    @WithDefault("7800")
    int bindPort();

    enum Mode {
        LOCAL,
        CLUSTER
    }
}
