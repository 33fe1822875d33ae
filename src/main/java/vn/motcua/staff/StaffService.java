package vn.motcua.staff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.keycloak.representations.idm.UserRepresentation;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.audit.AuditService;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * Staff provisioning (quản lý tài khoản cán bộ): a tenant's administrators create, disable and re-role the staff of
 * their tenant and of the tenants below it. Keycloak holds the accounts; each change is also written to the audit
 * log.
 */
@ApplicationScoped
public class StaffService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StaffService.class);

    /** What a tenant administrator may grant: the desk's roles and their own. */
    static final Set<String> GRANTED_BY_TENANT_ADMIN = Set.of(Permission.Roles.RECEIVER, Permission.Roles.PROCESSOR,
            Permission.Roles.APPROVER, Permission.Roles.TENANT_ADMIN);
    /** A city administrator may also appoint auditors and other city administrators. */
    static final Set<String> GRANTED_BY_CITY_ADMIN = Set.of(Permission.Roles.RECEIVER, Permission.Roles.PROCESSOR,
            Permission.Roles.APPROVER, Permission.Roles.TENANT_ADMIN, Permission.Roles.AUDITOR, Permission.Roles.CITY_ADMIN);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    /**
     * What the staff realm's profile accepts in a person's name (Keycloak's person-name-prohibited-characters): checked
     * here first, so a refused name is a field error beside the field, not Keycloak's 400 turned into a 500.
     */
    private static final Pattern PERSON_NAME = Pattern.compile("[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}\\p{Cf}]+");

    /** A new staff member. */
    public record NewStaff(String username, String firstName, String lastName, String email, List<String> roles) {
    }

    private final StaffDirectory directory;
    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final AuditService audit;

    StaffService(StaffDirectory directory, AccessPolicy policy, TenantDirectory tenants, AuditService audit) {
        this.directory = directory;
        this.policy = policy;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The roles {@code actor} may grant, sorted. */
    public static List<String> grantable(Actor actor) {
        return (actor.hasRole(Permission.Roles.CITY_ADMIN) ? GRANTED_BY_CITY_ADMIN : GRANTED_BY_TENANT_ADMIN).stream().sorted().toList();
    }

    /** The staff of {@code tenant} (its group's direct members). */
    public Uni<List<StaffDirectory.Member>> list(Actor actor, String tenant) {
        return authorized(actor, tenant).chain(path -> blocking(() -> directory.group(path)
                .map(g -> directory.members(g.getId())).orElse(List.of())));
    }

    public Uni<StaffDirectory.Created> create(Actor actor, String tenant, NewStaff request, String remoteAddr) {
        return authorized(actor, tenant).chain(path -> {
            UserRepresentation user = validated(actor, request);
            return blocking(() -> directory.create(user, path, request.roles()));
        }).invoke(created -> forget(tenant)).call(created -> audit.record(actor, tenant, "staff.create", created.member().username() + " " + created.member().roles(),
                remoteAddr));
    }

    public Uni<StaffDirectory.Member> setEnabled(Actor actor, String tenant, String username, boolean enabled, String remoteAddr) {
        return authorized(actor, tenant).chain(path -> blocking(() -> {
            String id = memberOf(path, username);
            directory.setEnabled(id, enabled);
            return directory.member(id);
        })).invoke(m -> forget(tenant)).call(m -> audit.record(actor, tenant, enabled ? "staff.enable" : "staff.disable", username, remoteAddr));
    }

    public Uni<StaffDirectory.Member> setRoles(Actor actor, String tenant, String username, List<String> roles, String remoteAddr) {
        return authorized(actor, tenant).chain(path -> {
            List<String> valid = validRoles(actor, roles);
            return blocking(() -> {
                String id = memberOf(path, username);
                directory.setRoles(id, valid);
                return directory.member(id);
            });
        }).invoke(m -> forget(tenant)).call(m -> audit.record(actor, tenant, "staff.roles", username + " " + m.roles(), remoteAddr));
    }

    /**
     * An enabled staff member of {@code tenant} (a member of its group), for a use case that has authorized its own
     * action and must name a colleague (assigning a dossier to them): the account as the directory has it, never as
     * the client typed it. Empty when there is no such member. Not an operation of the staff page: no permission of
     * its own, no audit.
     */
    public Uni<Optional<StaffDirectory.Member>> member(String tenant, String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tenants.tree().chain(tree -> tree.find(tenant).isEmpty() ? Uni.createFrom().item(Optional.<StaffDirectory.Member>empty())
                : blocking(() -> directory.user(name)
                        .filter(u -> directory.groupPaths(u.getId()).contains(groupPath(tree, tenant)))
                        .map(u -> directory.member(u.getId()))
                        .filter(StaffDirectory.Member::enabled)));
    }

    /**
     * The e-mail addresses of {@code tenant}'s leaders (lãnh đạo: its enabled approvers), for the service's own mail to
     * them (the nearly-late alerts, the weekly report): no actor, no permission, no audit. Keycloak's admin API
     * blocks: read on a worker thread.
     */
    public Uni<List<String>> leaderAddresses(String tenant) {
        KeptAddresses kept = leaders.get(tenant);
        if (kept != null && kept.until() > System.nanoTime()) {
            return Uni.createFrom().item(kept.addresses());
        }
        return tenants.tree().chain(tree -> blocking(() -> {
            Set<String> out = new LinkedHashSet<>();
            directory.group(groupPath(tree, tenant)).ifPresent(g -> directory.members(g.getId()).stream()
                    .filter(m -> m.enabled() && m.roles().contains(Permission.Roles.APPROVER) && m.email() != null && !m.email().isBlank())
                    .forEach(m -> out.add(m.email().strip())));
            return List.copyOf(out);
        })).invoke(list -> leaders.put(tenant, new KeptAddresses(System.nanoTime() + LEADERS_KEPT.toNanos(), list)));
    }

    /**
     * How long a tenant's leaders' addresses are kept. The nearly-late scan raises alerts by the thousand at the start
     * of a working day, each for a tenant's leaders; read from Keycloak every time (a group, its members, their roles),
     * they kept Keycloak as busy as PostgreSQL in the peak-morning load test (docs/load-test.md). A change made on this
     * replica's staff page drops them at once; one made elsewhere is seen within this time.
     */
    static final java.time.Duration LEADERS_KEPT = java.time.Duration.ofMinutes(5);

    private record KeptAddresses(long until, List<String> addresses) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, KeptAddresses> leaders = new java.util.concurrent.ConcurrentHashMap<>();

    /** Drops what is kept of {@code tenant}'s staff after a change to it. */
    private void forget(String tenant) {
        colleagues.remove(tenant);
        leaders.remove(tenant);
    }

    /** How long the colleagues an assignment offers are kept before the directory is asked again. */
    static final java.time.Duration COLLEAGUES_KEPT = java.time.Duration.ofSeconds(60);

    private record Kept(long until, List<StaffDirectory.Member> members) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Kept> colleagues = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The enabled colleagues of {@code tenant} an officer of it may assign a dossier to (its group's members), sorted
     * by name, for the console's assignment list. Kept a minute per tenant, so that opening dossiers does not ask
     * Keycloak each time; a change made on this replica's staff page is seen at once, one made elsewhere within the
     * minute. Whom an assignment really names is checked again by {@link #member} when it is made.
     * <p>
     * Once read, a page never waits for the directory again: past the minute it gets the list it has while one read
     * in the background renews it. Waiting there made every page served in the seconds after each expiry slow
     * (the queue page's p99 at 1 M dossiers, docs/benchmarks.md).
     */
    public Uni<List<StaffDirectory.Member>> colleagues(Actor actor, String tenant) {
        return policy.authorize(actor, Permission.ASSIGN, tenant).chain(access -> {
            Kept kept = colleagues.get(tenant);
            if (kept != null && kept.until() > System.nanoTime()) {
                return Uni.createFrom().item(kept.members());
            }
            // One read of the directory per tenant at a time, shared by the pages waiting for it; it is not cancelled
            // when a page stops waiting, so that it fills the cache for the next page.
            Uni<List<StaffDirectory.Member>> read = reading.computeIfAbsent(tenant, t -> tenants.tree()
                    .chain(tree -> blocking(() -> directory.group(groupPath(tree, t))
                            .map(g -> directory.members(g.getId())).orElse(List.<StaffDirectory.Member>of()).stream()
                            .filter(StaffDirectory.Member::enabled)
                            .sorted(java.util.Comparator.comparing((StaffDirectory.Member m) -> (m.lastName() + " " + m.firstName()))).toList()))
                    .invoke(list -> colleagues.put(t, new Kept(System.nanoTime() + COLLEAGUES_KEPT.toNanos(), list)))
                    .eventually(() -> reading.remove(t))
                    .memoize().indefinitely());
            if (kept != null) {
                read.subscribe().with(list -> { }, e -> LOG.warnf("Keycloak: the colleagues of %s not renewed (%s); the list kept is used",
                        tenant, e.toString()));
                return Uni.createFrom().item(kept.members());
            }
            // The first read: a queue or a dossier's page never waits long on a slow or busy Keycloak (its group sync
            // at the service's start takes minutes for a large tree): without the list, it offers assigning to oneself.
            return read.ifNoItem().after(COLLEAGUES_WAIT).recoverWithItem(() -> {
                LOG.warnf("Keycloak: the colleagues of %s not read within %s; the page offers none", tenant, COLLEAGUES_WAIT);
                return List.<StaffDirectory.Member>of();
            });
        });
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Uni<List<StaffDirectory.Member>>> reading =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How long a page waits for the colleagues of a tenant before it is shown without them. */
    static final java.time.Duration COLLEAGUES_WAIT = java.time.Duration.ofSeconds(2);

    /** The group path of {@code tenant} once the actor may manage its staff. */
    private Uni<String> authorized(Actor actor, String tenant) {
        return policy.authorize(actor, Permission.MANAGE_STAFF, tenant).chain(access -> tenants.tree())
                .map(tree -> groupPath(tree, tenant));
    }

    /** The Keycloak group of {@code tenant}'s staff: its ancestors' codes and its own, as a path. */
    public static String groupPath(TenantTree tree, String tenant) {
        StringBuilder path = new StringBuilder();
        tree.ancestors(tenant).forEach(a -> path.append('/').append(a.code()));
        return path.append('/').append(tenant).toString();
    }

    /** The account's id, when it is a member of the group: a staff member of another tenant is not found here. */
    private String memberOf(String groupPath, String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            // No account can have such a name: not found, without asking Keycloak (a NUL or a slash would upset it).
            throw new ProblemException(ProblemType.STAFF_NOT_FOUND, username);
        }
        UserRepresentation u = directory.user(name)
                .orElseThrow(() -> new ProblemException(ProblemType.STAFF_NOT_FOUND, username));
        if (!directory.groupPaths(u.getId()).contains(groupPath)) {
            throw new ProblemException(ProblemType.STAFF_NOT_FOUND, username);
        }
        return u.getId();
    }

    private UserRepresentation validated(Actor actor, NewStaff r) {
        if (r == null) {
            throw Problems.invalidField("body", FieldIssue.REQUIRED);
        }
        List<FieldError> errors = new ArrayList<>();
        String username = r.username() == null ? "" : r.username().strip().toLowerCase();
        if (username.isEmpty()) {
            errors.add(FieldError.of("username", FieldIssue.REQUIRED));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", FieldIssue.PATTERN));
        }
        required(errors, "firstName", r.firstName(), 100);
        required(errors, "lastName", r.lastName(), 100);
        if (r.email() != null && !r.email().isBlank() && !EMAIL.matcher(r.email().strip()).matches()) {
            errors.add(FieldError.of("email", FieldIssue.PATTERN));
        }
        try {
            validRoles(actor, r.roles());
        } catch (ProblemException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        UserRepresentation u = new UserRepresentation();
        u.setUsername(username);
        // Composed form (NFC), so the same name typed on two keyboards is the same name.
        u.setFirstName(java.text.Normalizer.normalize(r.firstName().strip(), java.text.Normalizer.Form.NFC));
        u.setLastName(java.text.Normalizer.normalize(r.lastName().strip(), java.text.Normalizer.Form.NFC));
        if (r.email() != null && !r.email().isBlank()) {
            u.setEmail(r.email().strip());
            u.setEmailVerified(false);
        }
        return u;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, FieldIssue.REQUIRED));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, FieldIssue.TOO_LONG, max));
        } else if (!PERSON_NAME.matcher(value).matches()) {
            errors.add(FieldError.of(field, FieldIssue.PATTERN));
        }
    }

    /** The roles, each one the actor may grant; at least one. */
    private static List<String> validRoles(Actor actor, List<String> roles) {
        Set<String> grantable = actor.hasRole(Permission.Roles.CITY_ADMIN) ? GRANTED_BY_CITY_ADMIN : GRANTED_BY_TENANT_ADMIN;
        if (roles == null || roles.isEmpty()) {
            throw Problems.invalidField("roles", FieldIssue.REQUIRED);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String role : roles) {
            if (role == null || !grantable.contains(role.strip())) {
                throw Problems.invalidField("roles", FieldIssue.NOT_AN_OPTION, String.join(", ", grantable.stream().sorted().toList()));
            }
            out.add(role.strip());
        }
        return List.copyOf(out);
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
