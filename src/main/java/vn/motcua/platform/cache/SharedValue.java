package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * One read-mostly value shared by every request of every replica (see {@link SharedValues}). The rules, simple on
 * purpose:
 * <ul>
 * <li><b>Explicit invalidation on change.</b> The replica that changes the truth calls {@link #invalidate()} after its
 * transaction committed: the entry is removed on every replica (the cache's invalidation mode), each of which loads it
 * again from PostgreSQL on its next read, the writer included. The removal is repeated once a few seconds later, so
 * that a replica whose load began before the commit and ended after the first removal does not keep what it read.</li>
 * <li><b>Short age as a safety net.</b> A value older than its maximum age (a lost invalidation: a replica cut off
 * from the cluster for a while) is refreshed in the background; the request that noticed is served the value at hand,
 * so no request waits for it.</li>
 * <li><b>Single flight.</b> However many requests miss at once, one load runs and all share its result; a load begun
 * before an invalidation on this replica is neither shared with later readers nor kept.</li>
 * <li><b>Everything dropped when the cluster's view grows</b> ({@link Rejoins}): a replica that was cut off missed
 * the others' invalidations, and they missed its.</li>
 * </ul>
 * A refreshed value is stored on this replica only ({@link Flag#CACHE_MODE_LOCAL}): storing it cluster-wide would
 * invalidate the other replicas' copies, which would reload and invalidate this one in turn.
 */
public final class SharedValue<T> {

    /** How long after a change its removal is repeated. */
    static final Duration REPEAT_INVALIDATION = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(SharedValue.class);

    private record Stamped(Object value, long loadedAt) {
    }

    private record Loading<T>(long generation, CompletableFuture<T> result) {
    }

    private final SharedValues values;
    private final String key;
    private final long maxAgeNanos;
    private final Supplier<Uni<T>> loader;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Loading<T>> loading = new AtomicReference<>();
    /** This replica's newest value: what is served until the cache is up. */
    private volatile Stamped last;

    SharedValue(SharedValues values, String key, Duration maxAge, Supplier<Uni<T>> loader) {
        this.values = values;
        this.key = key;
        this.maxAgeNanos = maxAge.toNanos();
        this.loader = loader;
    }

    /** The value: from memory when it is there, else loaded (once, whoever asks meanwhile). */
    @SuppressWarnings("unchecked")
    public Uni<T> get() {
        Cache<String, Object> c = values.cacheIfStarted();
        Stamped s = c == null ? last : (Stamped) c.get(key);
        if (s == null) {
            return load();
        }
        if (System.nanoTime() - s.loadedAt() > maxAgeNanos) {
            load();
        }
        return Uni.createFrom().item((T) s.value());
    }

    /**
     * Drops the value on every replica (after a change was committed). Completes once this replica's copy is gone; the
     * other replicas' drop is sent in the background and repeated {@link #REPEAT_INVALIDATION} later: the change is in
     * PostgreSQL, so a replica out of reach must not fail it (see {@link #dropElsewhere}).
     */
    public Uni<Void> invalidate() {
        dropHere();
        dropElsewhere();
        Uni.createFrom().voidItem().onItem().delayIt().by(REPEAT_INVALIDATION).subscribe().with(x -> dropElsewhere());
        return Uni.createFrom().voidItem();
    }

    /**
     * Drops this replica's copy: a load begun before is neither kept nor shared with later readers. The new generation
     * and the removal happen under the lock that {@link #keep} checks and puts under, so no load can slip in between.
     */
    synchronized void dropHere() {
        generation.incrementAndGet();
        last = null;
        Cache<String, Object> c = values.cacheIfStarted();
        if (c != null) {
            c.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.IGNORE_RETURN_VALUES).remove(key);
        }
    }

    /**
     * Removes the key on the other replicas (the cache's invalidation), without waiting for them and without holding the
     * key's lock meanwhile ({@link Flag#SKIP_LOCKING}): a member cut off but not yet excluded from the view makes the
     * removal wait for Infinispan's remote timeout (15 s), and a lock held that long made this replica's own loads wait
     * for it, then fail. A failure is logged: the member either gets the message once it is reachable again (JGroups
     * retransmits it) or is excluded from the view, and then drops everything when it rejoins ({@link Rejoins}).
     */
    private void dropElsewhere() {
        Cache<String, Object> c = values.cacheIfStarted();
        if (c != null) {
            c.getAdvancedCache().withFlags(Flag.SKIP_LOCKING, Flag.IGNORE_RETURN_VALUES).removeAsync(key).whenComplete((x, failure) -> {
                if (failure != null && c.getStatus().allowInvocations()) { // not when the cache is stopping
                    LOG.warnf("The other replicas' copy of '%s' was not dropped (%s); a replica out of reach drops it when it rejoins",
                            key, failure.toString());
                }
            });
        }
    }

    private Uni<T> load() {
        long gen = generation.get();
        Loading<T> mine = new Loading<>(gen, new CompletableFuture<>());
        while (true) {
            Loading<T> running = loading.get();
            if (running != null && running.generation() == gen) {
                return Uni.createFrom().completionStage(running.result());
            }
            // None running, or one begun before an invalidation: this one replaces it for later readers.
            if (loading.compareAndSet(running, mine)) {
                break;
            }
        }
        loader.get().subscribe().with(value -> {
            try {
                keep(gen, value);
            } finally {
                // Whatever keeping did, the readers get their value and the next reader may load again.
                loading.compareAndSet(mine, null);
                mine.result().complete(value);
            }
        }, failure -> {
            loading.compareAndSet(mine, null);
            mine.result().completeExceptionally(failure);
        });
        return Uni.createFrom().completionStage(mine.result());
    }

    /**
     * Keeps {@code value}, loaded in generation {@code gen}, unless this replica dropped the value since. The put never
     * waits for the key's lock (it runs on an event loop): when the lock is taken, the value is not kept in the cache
     * and the next read loads again.
     */
    private synchronized void keep(long gen, T value) {
        if (generation.get() != gen) {
            return;
        }
        Stamped s = new Stamped(value, System.nanoTime());
        last = s;
        Cache<String, Object> c = values.cacheIfStarted();
        if (c != null) {
            try {
                c.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.IGNORE_RETURN_VALUES, Flag.ZERO_LOCK_ACQUISITION_TIMEOUT,
                        Flag.FAIL_SILENTLY).put(key, s);
            } catch (RuntimeException e) {
                LOG.debugf("'%s' not kept in the cache (%s)", key, e.toString());
            }
        }
    }
}
