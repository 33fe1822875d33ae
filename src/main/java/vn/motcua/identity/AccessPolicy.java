package vn.motcua.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The one place that decides which tenants an actor may reach; resources and pages ask it rather than checking
 * claims themselves. A staff member covers their own tenants and supervises every tenant below them.
 */
@ApplicationScoped
public class AccessPolicy {

    private final TenantDirectory tenants;

    AccessPolicy(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /**
     * The actor's access to {@code tenantCode}: 404 problem when no such tenant, 403 when the actor is not staff or
     * their tenants do not cover it.
     */
    public Uni<TenantAccess> staffAccess(Actor actor, String tenantCode) {
        return tenants.tree().map(tree -> {
            var tenant = tree.find(tenantCode).orElseThrow(() -> Problems.tenantNotFound(tenantCode));
            if (!actor.isStaff()) {
                throw Problems.forbidden();
            }
            if (actor.tenants().contains(tenantCode)) {
                return new TenantAccess(actor, tenant, TenantAccess.Mode.OWN);
            }
            for (String own : actor.tenants()) {
                if (tree.isSelfOrAncestor(own, tenantCode)) {
                    return new TenantAccess(actor, tenant, TenantAccess.Mode.SUPERVISE);
                }
            }
            throw Problems.tenantForbidden(tenantCode);
        });
    }

    /** Every tenant the actor may read: their own and all below them. The scope row-level security enforces. */
    public TenantScope readScope(Actor actor, TenantTree tree) {
        Set<String> all = new LinkedHashSet<>();
        for (String own : actor.tenants()) {
            all.addAll(tree.subtreeCodes(own));
        }
        return new TenantScope(all);
    }
}
