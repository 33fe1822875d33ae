package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;

import io.smallrye.mutiny.Uni;

/**
 * Read-mostly values whose truth is in PostgreSQL, each held once per replica and kept right across replicas (giá trị
 * dùng chung): a tenant administrator's calendar days and procedure overrides. Each value is one entry of the
 * {@value CacheManagerProducer#SETTINGS} cache, whose clustered mode (invalidation) drops it on every replica when one
 * replica removes it; see {@link SharedValue} for the rules.
 *
 * <p>The cache is started on a worker the first time a value is asked for (starting it costs about a second, never
 * on an event-loop thread); until it is up, each replica keeps its own copy, refreshed by age only. When the cluster's
 * view grows (a split healed, a replica joined), every value is dropped on every replica ({@link Rejoins}).
 */
@ApplicationScoped
public class SharedValues {

    private final StartingCache<String, Object> cache;
    private final List<SharedValue<?>> values = new CopyOnWriteArrayList<>();

    @jakarta.inject.Inject
    SharedValues(Instance<EmbeddedCacheManager> manager) {
        this(manager::get);
    }

    /** Over a cache manager at hand (tests). */
    public SharedValues(java.util.function.Supplier<EmbeddedCacheManager> manager) {
        this.cache = new StartingCache<>(manager, CacheManagerProducer.SETTINGS,
                c -> Rejoins.onRejoin(c.getCacheManager(), "tenants' settings", this::dropHere));
    }

    /**
     * A value under {@code key}, loaded by {@code loader} when no replica's change or age made it stale; served as it
     * is for at most {@code maxAge} after it was loaded, then refreshed in the background.
     */
    public <T> SharedValue<T> value(String key, Duration maxAge, Supplier<Uni<T>> loader) {
        SharedValue<T> value = new SharedValue<>(this, key, maxAge, loader);
        values.add(value);
        return value;
    }

    /**
     * Drops every value this replica keeps (the cluster's view grew, see {@link Rejoins}): each value's generation moves
     * on, so that a load begun before is not kept, and the cache's entries go; the next read of each loads it again.
     */
    void dropHere() {
        values.forEach(SharedValue::dropHere);
        Cache<String, Object> c = cacheIfStarted();
        if (c != null) {
            c.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL).clear();
        }
    }

    /** The cache once it is up, else {@code null} (and its start is under way). */
    Cache<String, Object> cacheIfStarted() {
        return cache.ifStarted();
    }
}
