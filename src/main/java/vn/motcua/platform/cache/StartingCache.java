package vn.motcua.platform.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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

    private final Consumer<Cache<K, V>> onStart;

    StartingCache(Supplier<EmbeddedCacheManager> manager, String name) {
        this(manager, name, c -> {
        });
    }

    /** {@code onStart} runs once the cache is up, before anyone is given it. */
    StartingCache(Supplier<EmbeddedCacheManager> manager, String name, Consumer<Cache<K, V>> onStart) {
        this.manager = manager;
        this.name = name;
        this.onStart = onStart;
    }

    /** The cache once it is up, else {@code null} (and its start is under way). */
    Cache<K, V> ifStarted() {
        if (started.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    Cache<K, V> c = manager.get().getCache(name);
                    onStart.accept(c);
                    cache.complete(c);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "The cache '%s' did not start", name);
                    cache.completeExceptionally(e);
                }
            });
        }
        return cache.isDone() && !cache.isCompletedExceptionally() ? cache.getNow(null) : null;
    }
}
