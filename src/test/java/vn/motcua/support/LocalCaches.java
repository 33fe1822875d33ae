package vn.motcua.support;

import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/** A real Infinispan cache manager, local (no cluster), for tests of what stands on the caches without Quarkus. */
public final class LocalCaches {

    private LocalCaches() {
    }

    /** Started, with these caches defined as the service defines them (objects stored as they are). */
    public static DefaultCacheManager start(String... caches) {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.jmx().disable();
        global.globalState().disable();
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        ConfigurationBuilder c = new ConfigurationBuilder();
        c.encoding().mediaType(MediaType.APPLICATION_OBJECT_TYPE);
        for (String name : caches) {
            manager.defineConfiguration(name, c.build());
        }
        manager.start();
        return manager;
    }
}
