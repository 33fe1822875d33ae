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
 * before the commit, the drop is repeated {@link #REPEAT_INVALIDATION} later (their bound).
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
    /** Bumped by every change; read and written under {@code this}, with the cache's entry. */
    private long generation;
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
                cache.complete(caches.get().getCache(CacheManagerProducer.TENANTS));
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
        Cache<String, TenantTree> c = cacheIfUp();
        TenantTree tree = c == null ? local : c.get(TREE);
        if (tree != null) {
            return Uni.createFrom().item(tree);
        }
        return load();
    }

    /** The tenant with this code, or a 404 problem ({@code tenant-not-found}). */
    public Uni<Tenant> require(String code) {
        return tree().map(t -> t.find(code).orElseThrow(() -> Problems.tenantNotFound(code)));
    }

    private Uni<TenantTree> load() {
        long gen;
        synchronized (this) {
            gen = generation;
        }
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
            install(gen, tree);
            loading.compareAndSet(mine, null);
            mine.result().complete(tree);
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
            localOnly(c).put(TREE, tree);
        }
    }

    /**
     * After a tenant's own settings changed (its desk hours, committed by the caller): the tree is dropped here and on
     * the other replicas, then this replica reloads it from PostgreSQL at once (the next read here joins that reload,
     * begun after the commit); the others reload on their next read. Their drop is repeated a moment later, so that a
     * replica whose reload began before the commit does not keep what it read.
     */
    public Uni<Void> invalidate() {
        change(null);
        Uni.createFrom().voidItem().onItem().delayIt().by(REPEAT_INVALIDATION).chain(this::dropEverywhere)
                .subscribe().with(x -> {
                }, failure -> LOG.warn("The tenant tree was not dropped again", failure));
        // load() starts at once; a failure reaches whoever reads next, who loads again.
        return dropEverywhere().invoke(() -> load());
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
        dropEverywhere().subscribe().with(x -> install(gen, tree), failure -> LOG.warn("The other replicas' tenant tree was not dropped", failure));
    }

    /** A change on this replica: a new generation (returned), whose tree is {@code tree} (or none, to be reloaded). */
    private synchronized long change(TenantTree tree) {
        generation++;
        local = tree;
        Cache<String, TenantTree> c = cacheIfUp();
        if (c != null) {
            if (tree == null) {
                localOnly(c).remove(TREE);
            } else {
                localOnly(c).put(TREE, tree);
            }
        }
        return generation;
    }

    /**
     * Removes the tree on the other replicas (the cache's invalidation), and here, where a reload of the current
     * generation then puts it back.
     */
    private Uni<Void> dropEverywhere() {
        Cache<String, TenantTree> c = cacheIfUp();
        return c == null ? Uni.createFrom().voidItem()
                : Uni.createFrom().completionStage(c.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES).removeAsync(TREE)).replaceWithVoid();
    }

    private Cache<String, TenantTree> cacheIfUp() {
        return cache.isDone() && !cache.isCompletedExceptionally() ? cache.getNow(null) : null;
    }

    /** This replica's entry only: storing cluster-wide would drop the other replicas' trees each time. */
    private static Cache<String, TenantTree> localOnly(Cache<String, TenantTree> c) {
        return c.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL, Flag.IGNORE_RETURN_VALUES);
    }
}
