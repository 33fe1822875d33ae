package vn.motcua.platform.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

/**
 * One cache of the manager, started on a worker the first time it is asked for: starting the manager costs about a
 * second (and, clustered, joining the others), never on an event-loop thread. Until it is up, callers get {@code null}
 * and do without.
 */
final class StartingCache<K, V> {

    private static final Logger LOG = Logger.getLogger(StartingCache.class);

    private final Supplier<EmbeddedCacheManager> manager;
    private final String name;
    private final CompletableFuture<Cache<K, V>> cache = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    StartingCache(Supplier<EmbeddedCacheManager> manager, String name) {
        this.manager = manager;
        this.name = name;
    }

    /** The cache once it is up, else {@code null} (and its start is under way). */
    Cache<K, V> ifStarted() {
        if (started.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    cache.complete(manager.get().getCache(name));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "The cache '%s' did not start", name);
                    cache.completeExceptionally(e);
                }
            });
        }
        return cache.isDone() && !cache.isCompletedExceptionally() ? cache.getNow(null) : null;
    }
}
