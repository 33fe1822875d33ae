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
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.notification.Notifications;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * Opening the console of a tenant (mở bàn làm việc của đơn vị): the use case behind the console's home page. It
 * authorizes ({@link Permission#OPEN_CONSOLE}), records the opening in the audit log, and returns what the page
 * shows; the page only renders it.
 */
@ApplicationScoped
public class ConsoleHome {

    /**
     * What the console's home shows an officer for one tenant. {@code roles} are the service's own staff roles the
     * officer holds, in the realm's order; Keycloak's built-in ones ({@code default-roles-staff}, {@code offline_access},
     * {@code uma_authorization}) mean nothing to an officer and are left out.
     */
    @TemplateData
    public record View(TenantAccess access, List<String> roles, boolean manageStaff, boolean manageSettings, boolean confirmPostal,
            boolean printBook, String bookFrom, String bookTo, List<Tenant> ancestors, List<Tenant> children, List<Tenant> own,
            Notifications.Banner banner, boolean readReports) {

        /** Whether the home warns of anything: nearly-late dossiers, or notices no channel delivered. */
        public boolean warns() {
            return !banner.nearlyLate().isEmpty() || banner.deadLetters() > 0;
        }
    }

    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final AuditService audit;
    private final Notifications notifications;

    ConsoleHome(AccessPolicy policy, TenantDirectory tenants, AuditService audit, Notifications notifications) {
        this.notifications = notifications;
        this.policy = policy;
        this.tenants = tenants;
        this.audit = audit;
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(vn.motcua.calendar.VietnameseLunarCalendar.VIETNAM);
    }

    /** The service's own roles that {@code actor} holds, in the realm's order (the order of the staff page). */
    static List<String> staffRoles(Actor actor) {
        return RealmGenerator.STAFF_ROLES.stream().filter(actor.roles()::contains).toList();
    }

    /** The officer's first tenant (by code) that the tree knows, if their account has any. */
    public Uni<Optional<String>> firstTenant(Actor actor) {
        return tenants.tree().map(tree -> actor.tenants().stream().filter(t -> tree.find(t).isPresent()).sorted().findFirst());
    }

    /** The console of {@code tenant}, for an officer of it or of a tenant above it. */
    public Uni<View> open(Actor actor, String tenant, String remoteAddress) {
        return policy.authorize(actor, Permission.OPEN_CONSOLE, tenant)
                .call(access -> audit.record(actor, tenant, "console.open", null, remoteAddress))
                .chain(access -> Uni.combine().all().unis(tenants.tree(), notifications.banner(actor, tenant)).asTuple().map(both -> {
                    vn.motcua.tenant.TenantTree tree = both.getItem1();
                    return new View(access, staffRoles(actor),
                        Permission.MANAGE_STAFF.grantedTo(actor), Permission.TENANT_SETTINGS.grantedTo(actor),
                        Permission.POSTAL_CONFIRM.grantedTo(actor) && actor.tenants().contains(tenant), Permission.PRINT_TRACKING_BOOK.grantedTo(actor),
                        today().withDayOfMonth(1).toString(), today().toString(), tree.ancestors(tenant), tree.children(tenant),
                        actor.tenants().stream().sorted().map(tree::find).flatMap(Optional::stream).toList(), both.getItem2(),
                        Permission.REPORT_READ.grantedTo(actor));
                }));
    }
}
