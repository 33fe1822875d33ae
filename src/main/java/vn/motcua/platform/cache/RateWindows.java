package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Counts of requests per key in fixed time windows, the same on every replica (bộ đếm theo khung thời gian): the public
 * look-up's rate limit and the tenants' API quota stand on it. A key gets {@code limit} hits per window; the next one is
 * told how many seconds remain until the window ends.
 *
 * <p><b>Alone</b> ({@code motcua.cache.mode=local}), the counts are this replica's, in memory. <b>Clustered</b>, each
 * window's count is one entry of the {@value CacheManagerProducer#LIMITS} cache, distributed: one replica owns it, every
 * replica counts through it (a compare-and-set on the owner: no lock, no function shipped between replicas), so N
 * replicas behind a balancer give a client the limit once, not N times. The entry expires with its window. A key already
 * refused in this window is refused here again without asking the owner, so a flood costs one round trip per replica
 * and window, not one per request.
 *
 * <p>Why not PostgreSQL: a counter row per request would put a write on the one part every replica shares, for every
 * look-up and every API call, including a flood's; the cache keeps that load on the replicas. What a lost replica takes
 * with it is the counts it owned, for the rest of their window: at most one window's allowance again, which a limit
 * against guessing and a quota against overload both tolerate. Until the cache is up (the first second after a start),
 * or if asking the owner fails, the replica counts alone: the limit then holds per replica, never not at all.
 */
@ApplicationScoped
public class RateWindows {

    private static final Logger LOG = Logger.getLogger(RateWindows.class);

    /** Attempts of the compare-and-set before a hit is let through (only a storm on one key gets near it). */
    static final int MAX_ATTEMPTS = 32;
    /** Local entries kept before old windows are swept. */
    private static final int SWEEP_ABOVE = 100_000;

    private record Window(long end, AtomicInteger count) {
    }

    private final StartingCache<String, Integer> cache;
    private final boolean clustered;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> local = new ConcurrentHashMap<>();
    /** Windows this replica saw refused ({@code key@window} → the window's end): refused again without a round trip. */
    private final ConcurrentHashMap<String, Long> full = new ConcurrentHashMap<>();

    @Inject
    RateWindows(Instance<EmbeddedCacheManager> manager, CacheConfig config) {
        this(manager::get, config.mode() == CacheConfig.Mode.CLUSTER, System::currentTimeMillis);
    }

    RateWindows(Supplier<EmbeddedCacheManager> manager, boolean clustered, LongSupplier clock) {
        this.cache = new StartingCache<>(manager, CacheManagerProducer.LIMITS);
        this.clustered = clustered;
        this.clock = clock;
    }

    /** Counts in this replica's memory only, on {@code clock} (milliseconds): for tests of what stands on the counts. */
    public static RateWindows local(LongSupplier clock) {
        return new RateWindows(() -> null, false, clock);
    }

    /** Clustered, the cache starts with the service (on a worker), so that a replica counts with the others from its start. */
    void start(@Observes StartupEvent event) {
        if (clustered) {
            cacheIfStarted();
        }
    }

    /**
     * Counts a hit of {@code key}: 0 when it is within the {@code limit} of its window, else the seconds until the window
     * ends (at least 1), and then it is not counted. Completes on the caller's Vert.x context when it has one.
     */
    public Uni<Long> hit(String key, int limit, Duration window) {
        long now = clock.getAsLong();
        long size = Math.max(1, window.toMillis());
        long index = Math.floorDiv(now, size);
        long end = (index + 1) * size;
        long wait = Math.max(1, (end - now + 999) / 1000);
        Cache<String, Integer> c = clustered ? cacheIfStarted() : null;
        if (c == null) {
            return Uni.createFrom().item(countHere(key, limit, end, now) ? 0L : wait);
        }
        String entry = key + "@" + index;
        if (full.containsKey(entry)) {
            return Uni.createFrom().item(wait);
        }
        Context context = Vertx.currentContext();
        Uni<Long> counted = Uni.createFrom().completionStage(() -> countShared(c, entry, limit, size * 2, 1)).map(allowed -> {
            if (allowed) {
                return 0L;
            }
            sweep(full, now, full.size());
            full.put(entry, end);
            return wait;
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("The shared count of %s failed (%s); counting on this replica", key, failure.toString());
            return countHere(key, limit, end, now) ? 0L : wait;
        });
        return context == null ? counted : counted.emitOn(task -> context.runOnContext(x -> task.run()));
    }

    /** One compare-and-set on the window's entry: true when the hit is within the limit (and counted). */
    private CompletableFuture<Boolean> countShared(Cache<String, Integer> c, String entry, int limit, long lifespanMillis, int attempt) {
        return c.getAsync(entry).thenCompose(current -> {
            if (current != null && current >= limit) {
                return CompletableFuture.completedFuture(false);
            }
            CompletableFuture<Boolean> written = current == null
                    ? c.putIfAbsentAsync(entry, 1, lifespanMillis, TimeUnit.MILLISECONDS).thenApply(previous -> previous == null)
                    : c.replaceAsync(entry, current, current + 1, lifespanMillis, TimeUnit.MILLISECONDS);
            return written.thenCompose(done -> {
                if (done || attempt >= MAX_ATTEMPTS) {
                    // After many lost races the hit goes through: a storm on one key must not refuse what the limit allows.
                    return CompletableFuture.completedFuture(true);
                }
                return countShared(c, entry, limit, lifespanMillis, attempt + 1);
            });
        }).toCompletableFuture();
    }

    private boolean countHere(String key, int limit, long end, long now) {
        sweep(local, now, local.size());
        Window w = local.compute(key, (k, old) -> old == null || old.end() != end ? new Window(end, new AtomicInteger()) : old);
        return w.count().incrementAndGet() <= limit;
    }

    /** Drops ended windows once a map grows large (many clients, or a scan of addresses). */
    private static void sweep(ConcurrentHashMap<String, ?> map, long now, int size) {
        if (size > SWEEP_ABOVE) {
            map.values().removeIf(v -> (v instanceof Window w ? w.end() : (Long) v) <= now);
        }
    }

    /** The cache once it is up, else {@code null} (and its start is under way). */
    private Cache<String, Integer> cacheIfStarted() {
        return cache.ifStarted();
    }

    /** Whether the shared counts are in use (clustered, and the cache is up). */
    public boolean shared() {
        return clustered && cacheIfStarted() != null;
    }
}
