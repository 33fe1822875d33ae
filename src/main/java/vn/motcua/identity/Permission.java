package vn.motcua.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The role matrix (ma trận phân quyền): every guarded operation of the service, the roles that may perform it and
 * how far it reaches. {@link AccessPolicy} enforces it; the README's table and the attack-matrix tests are generated
 * from it, so a change here changes all three.
 *
 * <p>Each API operation names its permission in the OpenAPI document ({@code x-permission}), which is how the attack
 * matrix finds every endpoint and the cases it owes.
 */
public enum Permission {
    // A citizen (công dân), for themselves or a family member.
    SUBMIT_ONLINE("dossier.submit-online", Reach.SELF, Roles.CITIZEN),
    READ_OWN("dossier.read-own", Reach.SELF, Roles.CITIZEN),
    SUPPLEMENT_OWN("dossier.supplement", Reach.SELF, Roles.CITIZEN),
    ATTACH_OWN("dossier.attach-own", Reach.SELF, Roles.CITIZEN),
    /** Rate the service once the result is returned (đánh giá mức độ hài lòng), once per dossier. */
    RATE_OWN("dossier.rate", Reach.SELF, Roles.CITIZEN),
    /** Pay a dossier's fee online through the payment gateway (thanh toán trực tuyến). */
    PAY_OWN("payment.pay", Reach.SELF, Roles.CITIZEN),
    /** Who read my data, and why: the audit log's entries about the citizen. */
    READ_OWN_ACCESS_LOG("audit.read-own", Reach.SELF, Roles.CITIZEN),

    // The one-stop desk and the post office take dossiers in.
    SUBMIT_AT_COUNTER("dossier.submit-counter", Reach.OWN_TENANT, Roles.RECEIVER),
    SUBMIT_BY_POST("dossier.submit-postal", Reach.POSTAL_OFFICE, Roles.POSTAL_CLERK),

    // Reading a tenant's work: its own staff, and those of the tenants above it (supervision, read only).
    READ_DOSSIER("dossier.read", Reach.TENANT_AND_BELOW, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER, Roles.TENANT_ADMIN,
            Roles.CITY_ADMIN, Roles.AUDITOR),
    READ_QUEUE("queue.read", Reach.TENANT_AND_BELOW, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER, Roles.TENANT_ADMIN,
            Roles.CITY_ADMIN, Roles.AUDITOR),
    /** Print a desk's tracking book (sổ theo dõi hồ sơ) for a period: every dossier it received, with its applicant. */
    PRINT_TRACKING_BOOK("tracking-book.print", Reach.TENANT_AND_BELOW, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER,
            Roles.TENANT_ADMIN, Roles.CITY_ADMIN, Roles.AUDITOR),

    /**
     * Read the service index's figures of a tenant and those below it (báo cáo, chỉ số phục vụ): the report, its CSV and
     * PDF, the weekly reports and the console's dashboard. Leaders, administrators and auditors.
     */
    REPORT_READ("report.read", Reach.TENANT_AND_BELOW, Roles.APPROVER, Roles.TENANT_ADMIN, Roles.CITY_ADMIN, Roles.AUDITOR),

    // Acting on a dossier: only in a tenant of one's own, never in one merely supervised.
    RECEIVE("dossier.receive", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR),
    REFUSE("dossier.refuse", Reach.OWN_TENANT, Roles.RECEIVER),
    ASSIGN("dossier.assign", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER),
    REQUEST_SUPPLEMENT("dossier.request-supplement", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER),
    FORWARD("dossier.forward", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER),
    PROPOSE("dossier.propose", Reach.OWN_TENANT, Roles.PROCESSOR),
    APPROVE("dossier.approve", Reach.OWN_TENANT, Roles.APPROVER),
    REJECT("dossier.reject", Reach.OWN_TENANT, Roles.APPROVER),
    MARK_RESULT_READY("dossier.mark-result-ready", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR),
    RETURN("dossier.return", Reach.OWN_TENANT, Roles.RECEIVER),
    APOLOGIZE("dossier.apologize", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER),
    SUPPLEMENT_AT_DESK("dossier.supplement-at-desk", Reach.OWN_TENANT, Roles.RECEIVER),
    ATTACH("dossier.attach", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR),
    /** "Once only": read the applicant's earlier dossiers, at any office, when the applicant consented for this one. */
    REUSE_PRIOR_DATA("dossier.reuse", Reach.OWN_TENANT, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER),

    /** Record a fee paid at the desk (cash or card terminal) and issue its electronic receipt (biên lai điện tử). */
    RECORD_PAYMENT("payment.record-counter", Reach.OWN_TENANT, Roles.RECEIVER),

    // Post offices: what they took in or must deliver, with only the fields needed for that.
    POSTAL_LIST("postal.list", Reach.POSTAL_OFFICE, Roles.POSTAL_CLERK),
    POSTAL_DELIVER("postal.deliver", Reach.POSTAL_OFFICE, Roles.POSTAL_CLERK),
    /** The desk confirms a post office's hand-over manifest: what arrived, and what is missing. */
    POSTAL_CONFIRM("postal.confirm", Reach.OWN_TENANT, Roles.RECEIVER),

    // Staff provisioning (through Keycloak's admin API): a tenant's administrators, for it and the tenants below.
    MANAGE_STAFF("staff.manage", Reach.TENANT_AND_BELOW, Roles.TENANT_ADMIN, Roles.CITY_ADMIN),
    /**
     * A tenant's own settings (cấu hình của đơn vị): desk hours, the year's calendar days, procedure overrides within the
     * catalog's bounds; read and changed by its administrators and those of the tenants above it (a ward often has none
     * of its own), as for its staff. Each change is written in the tenant's own scope, and to the audit log.
     */
    TENANT_SETTINGS("tenant.settings", Reach.TENANT_AND_BELOW, Roles.TENANT_ADMIN, Roles.CITY_ADMIN),
    /**
     * The notices no channel could deliver (thư không gửi được, the dead letters): listed for a tenant's administrators,
     * who may send one again once the provider is back.
     */
    MANAGE_NOTIFICATIONS("notification.manage", Reach.TENANT_AND_BELOW, Roles.TENANT_ADMIN, Roles.CITY_ADMIN),

    // Oversight.
    READ_AUDIT("audit.read", Reach.TENANT_AND_BELOW, Roles.TENANT_ADMIN, Roles.CITY_ADMIN, Roles.AUDITOR),
    READ_ACCESS("access.read", Reach.TENANT_AND_BELOW, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER, Roles.TENANT_ADMIN,
            Roles.CITY_ADMIN, Roles.AUDITOR),
    OPEN_CONSOLE("console.open", Reach.TENANT_AND_BELOW, Roles.RECEIVER, Roles.PROCESSOR, Roles.APPROVER, Roles.TENANT_ADMIN,
            Roles.CITY_ADMIN, Roles.AUDITOR);

    /** How far an operation reaches from the actor. */
    public enum Reach {
        /** The actor's own records (a citizen's dossiers: submitted by them or naming them). */
        SELF,
        /** A tenant whose group the staff member belongs to. */
        OWN_TENANT,
        /** A tenant of one's own or any tenant below it (supervision). */
        TENANT_AND_BELOW,
        /** The post office a postal clerk works at. */
        POSTAL_OFFICE
    }

    /** The realm roles (vai trò). Citizens have one role, held by every account of the citizens realm. */
    public static final class Roles {
        public static final String CITIZEN = "citizen";
        public static final String RECEIVER = "receiver";
        public static final String PROCESSOR = "processor";
        public static final String APPROVER = "approver";
        public static final String TENANT_ADMIN = "tenant-admin";
        public static final String CITY_ADMIN = "city-admin";
        public static final String POSTAL_CLERK = "postal-clerk";
        public static final String AUDITOR = "auditor";

        private Roles() {
        }
    }

    /**
     * The OpenAPI extension on each operation naming what guards it: permission ids separated by commas (any one
     * suffices, e.g. a citizen's or an officer's read), {@code dossier.{action}} for the officers' action endpoint,
     * {@code signed-in} for what any signed-in caller may do for themselves, {@code public} for what needs no
     * sign-in.
     */
    public static final String OPENAPI_EXTENSION = vn.motcua.platform.web.RoutePermission.EXTENSION;

    private final String id;
    private final Reach reach;
    private final Set<String> roles;

    Permission(String id, Reach reach, String... roles) {
        this.id = id;
        this.reach = reach;
        this.roles = Set.of(roles);
    }

    /** The stable name, as in the OpenAPI document's {@code x-permission} and in the README. */
    public String id() {
        return id;
    }

    public Reach reach() {
        return reach;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Whether one of the actor's roles grants it (scope aside). */
    public boolean grantedTo(Actor actor) {
        return actor.roles().stream().anyMatch(roles::contains);
    }

    public static Optional<Permission> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
