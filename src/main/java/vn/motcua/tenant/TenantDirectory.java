package vn.motcua.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.cache.CacheManagerProducer;
import vn.motcua.platform.error.Problems;

/**
 * The tenant tree as the rest of the service sees it: served from the Infinispan cache, reloaded from PostgreSQL
 * when another replica's sync has invalidated it. Other features ask this service, never the tenant tables.
 */
@ApplicationScoped
public class TenantDirectory {

    private static final String TREE = "tree";

    private final Cache<String, TenantTree> cache;
    private final TenantRepository repository;

    TenantDirectory(EmbeddedCacheManager caches, TenantRepository repository) {
        this.cache = caches.getCache(CacheManagerProducer.TENANTS);
        this.repository = repository;
    }

    public Uni<TenantTree> tree() {
        TenantTree tree = cache.get(TREE);
        if (tree != null) {
            return Uni.createFrom().item(tree);
        }
        return repository.loadTree().invoke(loaded -> cache.putForExternalRead(TREE, loaded));
    }

    /** The tenant with this code, or a 404 problem ({@code tenant-not-found}). */
    public Uni<Tenant> require(String code) {
        return tree().map(t -> t.find(code).orElseThrow(() -> Problems.tenantNotFound(code)));
    }

    /** Publishes a freshly synced tree: here directly, on the other replicas by invalidation. */
    void publish(TenantTree tree) {
        cache.put(TREE, tree);
    }
}
