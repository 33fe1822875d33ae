package vn.motcua.platform.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

/**
 * The embedded Infinispan cache manager, Keycloak's shape: read-mostly data (tenants, catalog, calendars) lives in
 * local caches; when clustered, a write on one replica invalidates the key on the others, which then reload it from
 * PostgreSQL. Nothing lives only in the cache.
 */
@ApplicationScoped
public class CacheManagerProducer {

    private static final Logger LOG = Logger.getLogger(CacheManagerProducer.class);

    /** The cache names; each holds read-mostly data whose truth is in PostgreSQL. */
    public static final String TENANTS = "tenants";
    /** Tenants' own settings from the console (calendar days, procedure overrides): see {@link SharedValues}. */
    public static final String SETTINGS = "settings";
    /**
     * Request counts per time window ({@link RateWindows}): distributed when clustered, each count owned by one replica
     * that every replica counts through; entries expire with their window.
     */
    public static final String LIMITS = "limits";

    @Produces
    @Singleton
    EmbeddedCacheManager cacheManager(CacheConfig config) {
        boolean clustered = config.mode() == CacheConfig.Mode.CLUSTER;
        GlobalConfigurationBuilder global = clustered
                ? GlobalConfigurationBuilder.defaultClusteredBuilder()
                : new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheContainer().statistics(false);
        global.jmx().disable();
        global.globalState().disable();
        if (clustered) {
            var c = ConfigProvider.getConfig();
            System.setProperty("motcua.jgroups.bind_addr", config.bindAddress());
            System.setProperty("motcua.jgroups.bind_port", Integer.toString(config.bindPort()));
            System.setProperty("motcua.jgroups.jdbc_url", c.getValue("quarkus.datasource.jdbc.url", String.class));
            System.setProperty("motcua.jgroups.jdbc_user", c.getValue("quarkus.datasource.username", String.class));
            System.setProperty("motcua.jgroups.jdbc_password", c.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
            global.transport().clusterName(config.clusterName()).addProperty("configurationFile", "jgroups-motcua.xml");
        }
        DefaultCacheManager manager = start(global, clustered);
        LOG.infof("Cache started (%s)", clustered ? "cluster '" + config.clusterName() + "'" : "local");
        return manager;
    }

    /**
     * A manager with the service's caches, started: alone, or clustered over the transport {@code global} configures
     * (the service's stack above; tests use a stack on loopback with a {@code DISCARD} to split the cluster).
     */
    public static DefaultCacheManager start(GlobalConfigurationBuilder global, boolean clustered) {
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        ConfigurationBuilder readMostly = new ConfigurationBuilder();
        readMostly.clustering().cacheMode(clustered ? CacheMode.INVALIDATION_SYNC : CacheMode.LOCAL);
        readMostly.encoding().mediaType(MediaType.APPLICATION_OBJECT_TYPE);
        readMostly.memory().maxCount(10_000);
        manager.defineConfiguration(TENANTS, readMostly.build());
        manager.defineConfiguration(SETTINGS, readMostly.build());
        ConfigurationBuilder counts = new ConfigurationBuilder();
        counts.clustering().cacheMode(clustered ? CacheMode.DIST_SYNC : CacheMode.LOCAL);
        if (clustered) {
            // One owner: a count lost with its replica gives one window's allowance again, which a limit tolerates;
            // a backup copy would double every increment's messages.
            counts.clustering().hash().numOwners(1);
        }
        counts.encoding().mediaType(MediaType.APPLICATION_OBJECT_TYPE);
        counts.memory().maxCount(200_000);
        manager.defineConfiguration(LIMITS, counts.build());
        manager.start();
        return manager;
    }

    void close(@Disposes EmbeddedCacheManager manager) {
        manager.stop();
    }
}
