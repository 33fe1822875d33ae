package vn.motcua.tenant;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.cache.CacheManagerProducer;
import vn.motcua.platform.cache.Rejoins;
import vn.motcua.platform.error.Problems;

/**
 * The tenant tree as the rest of the service sees it: served from the Infinispan cache, reloaded from PostgreSQL when
 * the cache does not hold it (another replica's sync invalidated it, or the cache is still starting). Other features
 * ask this service, never the tenant tables.
 *
 * <p><b>Newer never loses to older.</b> Every change this replica makes or learns of (a sync at start, a tenant's
 * settings committed) bumps a generation. A tree is put in the cache only if no change happened since it began to be
 * read, checked and put under one lock with the bump, so a reload that began before a commit and ends after it, or the
 * start's tree arriving once the cache is up, can never replace a newer tree; and a reader only joins a reload of the
 * current generation. After a change this replica reloads at once, so a read that follows the write on the same replica
 * sees it. Other replicas drop their tree through the cache's invalidation; since one of their reloads may have begun
 * before the commit, the drop is repeated {@link #REPEAT_INVALIDATION} later (their bound). A change never waits for
 * the other replicas, nor fails because one is out of reach; a replica cut off misses the changes made meanwhile, so
 * every replica drops its tree when the cluster's view grows ({@link Rejoins}: a split healed, a replica joined).
 *
 * <p>Reloads are single-flight: however many requests miss at once, one query set runs and all share its result.
 */
@ApplicationScoped
public class TenantDirectory {

    /** How long after a change the other replicas' drop is repeated. */
    static final Duration REPEAT_INVALIDATION = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);
    private static final String TREE = "tree";

    private record Loading(long generation, CompletableFuture<TenantTree> result) {
    }

    private final Supplier<EmbeddedCacheManager> caches;
    private final Supplier<Uni<TenantTree>> loader;
    private final CompletableFuture<Cache<String, TenantTree>> cache = new CompletableFuture<>();
    private final AtomicReference<Loading> loading = new AtomicReference<>();
    /** Bumped by every change; written under {@code this}, with the cache's entry (read anywhere). */
    private volatile long generation;
    /** This replica's newest tree (or none after a drop): served until the cache is up, then put in it. */
    private volatile TenantTree local;

    @Inject
    TenantDirectory(Instance<EmbeddedCacheManager> caches, TenantRepository repository) {
        this(caches::get, repository::loadTree);
    }

    /** Over a cache manager and a loader at hand (tests). */
    TenantDirectory(Supplier<EmbeddedCacheManager> caches, Supplier<Uni<TenantTree>> loader) {
        this.caches = caches;
        this.loader = loader;
    }

    /**
     * Starts the cache on a worker thread. Starting Infinispan costs about a second, mostly class loading; the
     * service need not wait for it, since the database answers in the meantime.
     */
    void startCache() {
        CompletableFuture.runAsync(() -> {
            try {
                EmbeddedCacheManager manager = caches.get();
                Cache<String, TenantTree> c = manager.getCache(CacheManagerProducer.TENANTS);
                Rejoins.onRejoin(manager, "tenant tree", () -> change(null));
                cache.complete(c);
            } catch (RuntimeException e) {
                LOG.error("The cache did not start", e);
                cache.completeExceptionally(e);
                return;
            }
            // The newest tree at this moment (the start's, unless a change came since): the other replicas drop
            // theirs, then it goes in here if it is still the newest.
            long gen;
            TenantTree tree;
            synchronized (this) {
                gen = generation;
                tree = local;
            }
            if (tree != null) {
                spread(gen, tree);
            }
        });
    }

    /** Whether the cache failed to start (the replica is then not ready). */
    boolean cacheFailed() {
        return cache.isCompletedExceptionally();
    }

    public Uni<TenantTree> tree() {
        TenantTree tree = kept();
        if (tree != null) {
            return Uni.createFrom().item(tree);
        }
        return load();
    }

    /**
     * The tree this replica holds now, or null when it holds none (never loads it): for a read that has a slower path
     * to fall back on ({@link TenantReadRoute}), which then calls {@link #tree()}.
     */
    TenantTree kept() {
        Cache<String, TenantTree> c = cacheIfUp();
        return c == null ? local : c.get(TREE);
    }

    /** The tenant with this code, or a 404 problem ({@code tenant-not-found}). */
    public Uni<Tenant> require(String code) {
        return tree().map(t -> t.find(code).orElseThrow(() -> Problems.tenantNotFound(code)));
    }

    private Uni<TenantTree> load() {
        long gen = generation;
        Loading mine = new Loading(gen, new CompletableFuture<>());
        while (true) {
            Loading running = loading.get();
            if (running != null && running.generation() == gen) {
                return Uni.createFrom().completionStage(running.result());
            }
            // None running, or one begun before a change: this one replaces it for later readers.
            if (loading.compareAndSet(running, mine)) {
                break;
            }
        }
        loader.get().subscribe().with(tree -> {
            try {
                install(gen, tree);
            } finally {
                // Whatever installing did, the readers get their tree and the next reader may load again: before, a put
                // that failed here left this load in place, never completed, and every later read of this generation
                // waited on it for ever.
                loading.compareAndSet(mine, null);
                mine.result().complete(tree);
            }
        }, failure -> {
            loading.compareAndSet(mine, null);
            mine.result().completeExceptionally(failure);
        });
        return Uni.createFrom().completionStage(mine.result());
    }

    /** Keeps {@code tree}, read in generation {@code gen}, unless a change came since (then it may be older). */
    private synchronized void install(long gen, TenantTree tree) {
        if (generation != gen) {
            return;
        }
        local = tree;
        Cache<String, TenantTree> c = cacheIfUp();
        if (c != null) {
            putHere(c, tree);
        }
    }

    /**
     * After a tenant's own settings changed (its desk hours, committed by the caller): the tree is dropped here and on
     * the other replicas, then this replica reloads it from PostgreSQL at once (the next read here joins that reload,
     * begun after the commit); the others reload on their next read. Their drop is repeated a moment later, so that a
     * replica whose reload began before the commit does not keep what it read.
     *
     * <p>Completes once this replica's tree is dropped, without waiting for the others: the change is committed, and a
     * replica out of reach (cut off, not yet excluded from the view: Infinispan waits 15 s for it, then fails) must not
     * turn it into an error; the failure is logged, and that replica drops its tree when it rejoins ({@link Rejoins}).
     */
    public Uni<Void> invalidate() {
        change(null);
        dropElsewhere();
        load();
        Uni.createFrom().voidItem().onItem().delayIt().by(REPEAT_INVALIDATION).subscribe().with(x -> dropElsewhere());
        return Uni.createFrom().voidItem();
    }

    /** Publishes a freshly synced tree: here at once (in the cache once it is up), and on the other replicas by invalidation. */
    void publish(TenantTree tree) {
        long gen = change(tree);
        if (cacheIfUp() != null) {
            spread(gen, tree);
        }
    }

    /** The other replicas drop their tree, then {@code tree} goes in the cache here unless a change came meanwhile. */
    private void spread(long gen, TenantTree tree) {
        dropElsewhere().whenComplete((x, failure) -> install(gen, tree));
    }

    /**
     * A change on this replica, or the cluster's view grew ({@link Rejoins}): a new generation (returned), whose tree
     * is {@code tree} (or none, to be reloaded).
     */
    private synchronized long change(TenantTree tree) {
        long gen = generation + 1;
        generation = gen;
        local = tree;
        Cache<String, TenantTree> c = cacheIfUp();
        if (c != null) {
            if (tree == null) {
                localOnly(c).remove(TREE);
            } else {
                putHere(c, tree);
            }
        }
        return gen;
    }

    /**
     * Removes the tree on the other replicas (the cache's invalidation), and here, where a reload of the current
     * generation then puts it back; never fails. It does not hold the key's lock while it waits for the others
     * ({@link Flag#SKIP_LOCKING}): with a member cut off but still in the view, the wait is Infinispan's remote timeout
     * (15 s), and a lock held that long made this replica's own reload wait for it on an event loop, then fail.
     */
    private CompletableFuture<Void> dropElsewhere() {
        Cache<String, TenantTree> c = cacheIfUp();
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        return c.getAdvancedCache().withFlags(Flag.SKIP_LOCKING, Flag.IGNORE_RETURN_VALUES).removeAsync(TREE)
                .handle((x, failure) -> {
                    if (failure != null && c.getStatus().allowInvocations()) { // not when the cache is stopping
                        LOG.warnf("The other replicas' tenant tree was not dropped (%s); a replica out of reach drops it when it rejoins",
                                failure.toString());
                    }
                    return null;
                });
    }

    /** Puts the tree in this replica's entry without waiting for the key's lock (an event loop may be calling). */
    private static void putHere(Cache<String, TenantTree> c, TenantTree tree) {
        try {
            c.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.IGNORE_RETURN_VALUES, Flag.ZERO_LOCK_ACQUISITION_TIMEOUT,
                    Flag.FAIL_SILENTLY).put(TREE, tree);
        } catch (RuntimeException e) {
            LOG.debugf("The tenant tree was not kept in the cache (%s); the next read loads it", e.toString());
        }
    }

    private Cache<String, TenantTree> cacheIfUp() {
        return cache.isDone() && !cache.isCompletedExceptionally() ? cache.getNow(null) : null;
    }

    /** This replica's entry only: storing cluster-wide would drop the other replicas' trees each time. */
    private static Cache<String, TenantTree> localOnly(Cache<String, TenantTree> c) {
        return c.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.IGNORE_RETURN_VALUES);
    }
}
