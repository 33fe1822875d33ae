package vn.motcua.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The one place that decides who may do what where, from the role matrix ({@link Permission}); resources and pages
 * ask it rather than checking claims themselves. Row-level security then enforces the same scope a second time in
 * PostgreSQL ({@link #readScope}).
 *
 * <p>The order of the checks is part of the contract: an unknown tenant is a 404; a citizen is refused any tenant
 * (403); a tenant outside the actor's reach is a 403 before any role is considered, so that a refusal says nothing
 * about a dossier; a supervisor trying to act is a 403; a role that does not grant the operation is a 403 naming
 * the roles that would.
 */
@ApplicationScoped
public class AccessPolicy {

    private final TenantDirectory tenants;

    AccessPolicy(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /** May {@code actor} perform {@code permission} in {@code tenantCode}? The access on success, a problem otherwise. */
    public Uni<TenantAccess> authorize(Actor actor, Permission permission, String tenantCode) {
        return tenants.tree().map(tree -> decide(actor, permission, tenantCode, tree));
    }

    /** The same decision on a tree already at hand. */
    public TenantAccess decide(Actor actor, Permission permission, String tenantCode, TenantTree tree) {
        var tenant = tree.find(tenantCode).orElseThrow(() -> Problems.tenantNotFound(tenantCode));
        if (!actor.isStaff() || permission.reach() == Permission.Reach.SELF || permission.reach() == Permission.Reach.POSTAL_OFFICE) {
            throw Problems.forbidden();
        }
        TenantAccess.Mode mode = modeIn(actor, tenantCode, tree);
        if (mode == null) {
            throw Problems.tenantForbidden(tenantCode);
        }
        if (permission.reach() == Permission.Reach.OWN_TENANT && mode != TenantAccess.Mode.OWN) {
            // Supervision reads; it never acts.
            throw Problems.tenantForbidden(tenantCode);
        }
        if (!permission.grantedTo(actor)) {
            throw refused(permission);
        }
        return new TenantAccess(actor, tenant, mode);
    }

    /** May a postal clerk perform {@code permission} for post office {@code officeCode}? */
    public void authorizeOffice(Actor actor, Permission permission, String officeCode, TenantTree tree) {
        if (tree.postalOffice(officeCode).isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        if (!actor.isStaff() || permission.reach() != Permission.Reach.POSTAL_OFFICE || !actor.postalOffices().contains(officeCode)) {
            throw Problems.forbidden();
        }
        if (!permission.grantedTo(actor)) {
            throw refused(permission);
        }
    }

    /**
     * May a postal clerk take in a dossier for {@code tenant}? Only when their post office serves it
     * ({@link Permission#SUBMIT_BY_POST}).
     */
    public void authorizeIntakeByPost(Actor actor, Tenant tenant) {
        if (!actor.isStaff() || !Permission.SUBMIT_BY_POST.grantedTo(actor)) {
            throw refused(Permission.SUBMIT_BY_POST);
        }
        if (actor.postalOffices().stream().noneMatch(tenant.postalOffices()::contains)) {
            throw Problems.tenantForbidden(tenant.code());
        }
    }

    /** May {@code actor} perform an operation on their own records ({@link Permission.Reach#SELF})? */
    public void authorizeSelf(Actor actor, Permission permission) {
        if (actor.isStaff() || permission.reach() != Permission.Reach.SELF || !permission.grantedTo(actor)) {
            throw Problems.forbidden();
        }
    }

    /**
     * Whether {@code tenantCode} is one of the staff actor's tenants or lies below one of them: the tenants whose work
     * they may at least read, and whose API quota their calls count against ({@link ApiQuota}).
     */
    public Uni<Boolean> reaches(Actor actor, String tenantCode) {
        return actor.isStaff() ? tenants.tree().map(tree -> tree.find(tenantCode).isPresent() && modeIn(actor, tenantCode, tree) != null)
                : Uni.createFrom().item(false);
    }

    /** The actor's access to a tenant with any staff role: what {@code /api/t/{tenant}/access} reports. */
    public Uni<TenantAccess> staffAccess(Actor actor, String tenantCode) {
        return authorize(actor, Permission.READ_ACCESS, tenantCode);
    }

    /**
     * Every tenant the actor may read dossiers of: their own and all below them, or none when no role of theirs
     * grants reading. The scope row-level security enforces.
     */
    public TenantScope readScope(Actor actor, TenantTree tree) {
        if (!actor.isStaff() || !Permission.READ_DOSSIER.grantedTo(actor)) {
            return TenantScope.none();
        }
        Set<String> all = new LinkedHashSet<>();
        for (String own : actor.tenants()) {
            all.addAll(tree.subtreeCodes(own));
        }
        return new TenantScope(all);
    }

    /**
     * Every tenant the actor may act in: their own, never those they supervise. Commands run in this scope, taken
     * from the token rather than from the request's path, so that PostgreSQL refuses a dossier of a tenant the
     * actor does not hold even if a check above were wrong.
     */
    public TenantScope actScope(Actor actor) {
        return actor.isStaff() ? new TenantScope(actor.tenants()) : TenantScope.none();
    }

    private static TenantAccess.Mode modeIn(Actor actor, String tenantCode, TenantTree tree) {
        if (actor.tenants().contains(tenantCode)) {
            return TenantAccess.Mode.OWN;
        }
        for (String own : actor.tenants()) {
            if (tree.isSelfOrAncestor(own, tenantCode)) {
                return TenantAccess.Mode.SUPERVISE;
            }
        }
        return null;
    }

    private static ProblemException refused(Permission permission) {
        return new ProblemException(ProblemType.ACTION_FORBIDDEN, permission.id(),
                String.join(", ", permission.roles().stream().sorted().toList()));
    }
}
