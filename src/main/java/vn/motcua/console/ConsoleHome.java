package vn.motcua.console;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import vn.motcua.audit.AuditService;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.identity.TenantAccess;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * Opening the console of a tenant (mở bàn làm việc của đơn vị): the use case behind the console's home page. It
 * authorizes ({@link Permission#OPEN_CONSOLE}), records the opening in the audit log, and returns what the page
 * shows; the page only renders it.
 */
@ApplicationScoped
public class ConsoleHome {

    /** What the console's home shows an officer for one tenant. */
    @TemplateData
    public record View(TenantAccess access, List<String> roles, boolean manageStaff, boolean manageSettings, boolean confirmPostal,
            boolean printBook, String bookFrom, String bookTo, List<Tenant> ancestors, List<Tenant> children, List<Tenant> own,
            boolean readReports) {
    }

    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final AuditService audit;

    ConsoleHome(AccessPolicy policy, TenantDirectory tenants, AuditService audit) {
        this.policy = policy;
        this.tenants = tenants;
        this.audit = audit;
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(vn.motcua.calendar.VietnameseLunarCalendar.VIETNAM);
    }

    /** The officer's first tenant (by code) that the tree knows, if their account has any. */
    public Uni<Optional<String>> firstTenant(Actor actor) {
        return tenants.tree().map(tree -> actor.tenants().stream().filter(t -> tree.find(t).isPresent()).sorted().findFirst());
    }

    /** The console of {@code tenant}, for an officer of it or of a tenant above it. */
    public Uni<View> open(Actor actor, String tenant, String remoteAddress) {
        return policy.authorize(actor, Permission.OPEN_CONSOLE, tenant)
                .call(access -> audit.record(actor, tenant, "console.open", null, remoteAddress))
                .chain(access -> tenants.tree().map(tree -> new View(access, actor.roles().stream().sorted().toList(),
                        Permission.MANAGE_STAFF.grantedTo(actor), Permission.TENANT_SETTINGS.grantedTo(actor),
                        Permission.POSTAL_CONFIRM.grantedTo(actor) && actor.tenants().contains(tenant), Permission.PRINT_TRACKING_BOOK.grantedTo(actor),
                        today().withDayOfMonth(1).toString(), today().toString(), tree.ancestors(tenant), tree.children(tenant),
                        actor.tenants().stream().sorted().map(tree::find).flatMap(Optional::stream).toList(),
                        Permission.REPORT_READ.grantedTo(actor))));
    }
}
