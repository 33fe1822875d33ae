package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

import io.smallrye.mutiny.Uni;

/**
 * Read-mostly values whose truth is in PostgreSQL, each held once per replica and kept right across replicas (giá trị
 * dùng chung): a tenant administrator's calendar days and procedure overrides. Each value is one entry of the
 * {@value CacheManagerProducer#SETTINGS} cache, whose clustered mode (invalidation) drops it on every replica when one
 * replica removes it; see {@link SharedValue} for the rules.
 *
 * <p>The cache is started on a worker the first time a value is asked for (starting it costs about a second, never
 * on an event-loop thread); until it is up, each replica keeps its own copy, refreshed by age only.
 */
@ApplicationScoped
public class SharedValues {

    private final StartingCache<String, Object> cache;

    @jakarta.inject.Inject
    SharedValues(Instance<EmbeddedCacheManager> manager) {
        this(manager::get);
    }

    /** Over a cache manager at hand (tests). */
    SharedValues(java.util.function.Supplier<EmbeddedCacheManager> manager) {
        this.cache = new StartingCache<>(manager, CacheManagerProducer.SETTINGS);
    }

    /**
     * A value under {@code key}, loaded by {@code loader} when no replica's change or age made it stale; served as it
     * is for at most {@code maxAge} after it was loaded, then refreshed in the background.
     */
    public <T> SharedValue<T> value(String key, Duration maxAge, Supplier<Uni<T>> loader) {
        return new SharedValue<>(this, key, maxAge, loader);
    }

    /** The cache once it is up, else {@code null} (and its start is under way). */
    Cache<String, Object> cacheIfStarted() {
        return cache.ifStarted();
    }
}
