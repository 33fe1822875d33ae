package vn.motcua.tenant;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.infinispan.Cache;
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
 * <p>Reloads are single-flight: however many requests miss at once, one query set runs and all share its result.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);
    private static final String TREE = "tree";

    private final Instance<EmbeddedCacheManager> caches;
    private final TenantRepository repository;
    private final CompletableFuture<Cache<String, TenantTree>> cache = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<TenantTree>> loading = new AtomicReference<>();
    /** The tree this replica synced at start, served until the cache is up: it is what the database holds. */
    private volatile TenantTree synced;

    TenantDirectory(Instance<EmbeddedCacheManager> caches, TenantRepository repository) {
        this.caches = caches;
        this.repository = repository;
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
            }
        });
    }

    /** Whether the cache failed to start (the replica is then not ready). */
    boolean cacheFailed() {
        return cache.isCompletedExceptionally();
    }

    public Uni<TenantTree> tree() {
        Cache<String, TenantTree> c = cache.getNow(null);
        if (c == null && synced != null) {
            return Uni.createFrom().item(synced);
        }
        TenantTree tree = c == null ? null : c.get(TREE);
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
        CompletableFuture<TenantTree> mine = new CompletableFuture<>();
        CompletableFuture<TenantTree> running = loading.compareAndExchange(null, mine);
        if (running != null) {
            return Uni.createFrom().completionStage(running);
        }
        repository.loadTree().subscribe().with(tree -> {
            Cache<String, TenantTree> c = cache.getNow(null);
            if (c != null) {
                c.putForExternalRead(TREE, tree);
            }
            loading.set(null);
            mine.complete(tree);
        }, failure -> {
            loading.set(null);
            mine.completeExceptionally(failure);
        });
        return Uni.createFrom().completionStage(mine);
    }

    /**
     * Drops the tree on every replica after a tenant's own settings changed (its desk hours, committed by the caller):
     * each reloads it from PostgreSQL on its next read. The removal is repeated a moment later, so that a replica whose
     * reload began before the commit does not keep what it read.
     */
    public Uni<Void> invalidate() {
        Uni<Void> now = drop();
        Uni.createFrom().voidItem().onItem().delayIt().by(java.time.Duration.ofSeconds(2)).chain(this::drop)
                .subscribe().with(x -> {
                }, failure -> LOG.warn("The tenant tree was not dropped again", failure));
        return now;
    }

    private Uni<Void> drop() {
        synced = null;
        Cache<String, TenantTree> c = cache.getNow(null);
        return c == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(c.removeAsync(TREE)).replaceWithVoid();
    }

    /** Publishes a freshly synced tree: here once the cache is up, and on the other replicas by invalidation. */
    void publish(TenantTree tree) {
        synced = tree;
        cache.thenAccept(c -> {
            c.put(TREE, tree);
            synced = null;
        });
    }
}
