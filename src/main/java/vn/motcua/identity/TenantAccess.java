package vn.motcua.identity;

import vn.motcua.tenant.Tenant;

/**
 * What a staff member may do in one tenant: work its dossiers ({@link Mode#OWN}, a tenant of their own) or read them
 * without acting ({@link Mode#SUPERVISE}, a tenant below one of their own).
 */
public record TenantAccess(Actor actor, Tenant tenant, Mode mode) {

    public enum Mode {
        OWN,
        SUPERVISE
    }

    public boolean mayAct() {
        return mode == Mode.OWN;
    }
}
