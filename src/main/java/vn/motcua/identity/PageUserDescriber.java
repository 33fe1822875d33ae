package vn.motcua.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import vn.motcua.platform.web.PageUser;
import vn.motcua.platform.web.PageUsers;

/**
 * The page header's signed-in person (người dùng trên trang): an officer's page is the console and their sign-out
 * the staff realm's, a citizen's page is "my page" and their sign-out the citizens realm's. Also lists the identity
 * types that templates read, so the domain records carry no template annotation.
 */
@ApplicationScoped
@TemplateData(target = Actor.class)
@TemplateData(target = TenantAccess.class)
public class PageUserDescriber implements PageUsers {

    @Override
    public PageUser describe(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Actor actor = Actor.from(identity);
        if (actor.isStaff() && actor.hasRole(Permission.Roles.POSTAL_CLERK) && actor.tenants().isEmpty()) {
            // A postal clerk works at a post office, not in a tenant's console.
            return new PageUser(actor.displayName(), "/postal", "/console/logout");
        }
        return actor.isStaff() ? new PageUser(actor.displayName(), "/console", "/console/logout")
                : new PageUser(actor.displayName(), "/me", "/logout");
    }
}
