package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * An officer's action on a dossier their tenant holds (xử lý hồ sơ): receive, refuse, assign, request a supplement,
 * forward, propose, approve, reject, mark the result ready, return it, apologize, or take a supplement at the desk.
 * Supervisors, who only read below them, may not act; an unknown or invisible dossier is a 404, whether it exists
 * elsewhere or not.
 */
@ApplicationScoped
public class ActOnDossier {

    private final ScopedTransactions transactions;
    private final CalendarService calendars;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final DossierWork work;
    private final StaffService staff;
    private final Digitization digitization;

    ActOnDossier(ScopedTransactions transactions, CalendarService calendars, TenantDirectory tenants, AccessPolicy policy,
            DossierWork work, StaffService staff, Digitization digitization) {
        this.staff = staff;
        this.digitization = digitization;
        this.transactions = transactions;
        this.calendars = calendars;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
    }

    /** What the action needs besides the dossier: the tenant's calendar and tree, and the colleague it names, if any. */
    private record Context(WorkingCalendar calendar, TenantTree tree, StaffDirectory.Member assignee) {
    }

    public Uni<DossierRead> act(Actor actor, String tenant, String receiptCode, DossierAction action, DossierRequests.Action request,
            String remoteAddr) {
        DossierRequests.Action r = request == null ? new DossierRequests.Action(null, null, null, null, null, null, null) : request;
        return policy.authorize(actor, action.permission(), tenant)
                .chain(access -> Uni.combine().all().unis(calendars.of(tenant), tenants.tree(), colleague(actor, tenant, action, r))
                        .with((calendar, tree, colleague) -> new Context(calendar, tree, colleague.orElse(null))))
                .chain(c -> {
                    OffsetDateTime now = work.now();
                    DossierWork.By by = DossierWork.By.of(actor, tenant, remoteAddr);
                    if (action == DossierAction.FORWARD && r.to() != null && !r.to().isBlank() && c.tree().find(r.to().strip()).isEmpty()) {
                        throw DossierCommands.validation("to", FieldIssue.NOT_A_TENANT);
                    }
                    return transactions.onConnection(policy.actScope(actor).as(by.key()), conn -> work.load(conn, receiptCode)
                            .map(d -> DossierWork.seenThrough(d, tenant))
                            .chain(d -> {
                                if (!actsAt(d, tenant, action)) {
                                    // Visible here (it was forwarded from here) but held elsewhere: nothing to do here.
                                    throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), action.wire(), "—")
                                            .with("state", d.status.wire()).with("allowedActions", List.of()).with("heldBy", d.tenantId);
                                }
                                if (r.version() != null && r.version() != d.version) {
                                    // Changed since the officer looked: they see what happened before acting again.
                                    throw new ProblemException(ProblemType.CONCURRENT_CHANGE, d.receiptCode).with("state", d.status.wire())
                                            .with("version", d.version);
                                }
                                if (action == DossierAction.FORWARD && r.to() != null && !r.to().isBlank()) {
                                    // Only to an office competent for the procedure (its levels) or one above the
                                    // office holding it (the supervising chain): not to any office of the city.
                                    String to = r.to().strip();
                                    boolean competent = c.tree().find(to).map(t -> work.version(d).offeredAt(t)).orElse(false);
                                    if (!competent && !c.tree().isSelfOrAncestor(to, d.tenantId)) {
                                        throw DossierCommands.validation("to", FieldIssue.NOT_COMPETENT);
                                    }
                                }
                                if (c.assignee() != null && d.current().map(s -> s.role != null && !c.assignee().roles().contains(s.role))
                                        .orElse(false)) {
                                    // A colleague of this office, but not one whose role holds the current step.
                                    throw DossierCommands.validation("assignee", FieldIssue.NOT_STAFF_HERE);
                                }
                                JsonObject form = action == DossierAction.SUPPLEMENT && r.form() != null
                                        ? work.validForm(r.form(), work.version(d), now)
                                        : null;
                                // The holder recorded is the directory's account and name, never what the client typed.
                                // (The account's id, so the holder is keyed like the officer's own actions: staff:<subject>.)
                                DossierCommands.Input in = new DossierCommands.Input(r.reason(),
                                        c.assignee() == null ? null : c.assignee().id(),
                                        c.assignee() == null ? null : fullName(c.assignee()), r.to() == null ? null : r.to().strip(),
                                        r.channel(), r.appointment(), form);
                                // A dossier handed in on paper is received once each required component is scanned or exempt.
                                Uni<Void> digitized = action == DossierAction.RECEIVE ? digitization.requireComplete(conn, d)
                                        : Uni.createFrom().voidItem();
                                return digitized.chain(() -> work.command(conn, d, action, in, by, now, c.calendar(), c.tree()));
                            }));
                })
                .map(d -> DossierRead.brief(d, true, work.now()));
    }

    /**
     * Whether an officer of {@code tenant} may take {@code action} on {@code d} there: the office holding it may take
     * any; the desk that received it for another office (Decree 118/2025/NĐ-CP) follows it and may hand the result
     * back once it is ready, at its own counter or by post, so that the applicant need not travel to the competent
     * office.
     */
    public static boolean actsAt(Dossier d, String tenant, DossierAction action) {
        return d.tenantId.equals(tenant) || action == DossierAction.RETURN && tenant.equals(d.receivedBy)
                && d.status == vn.motcua.dossier.domain.DossierStatus.RESULT_READY;
    }

    /**
     * The colleague an assignment names: a member of this tenant in the staff directory, or a field error. Assigning to
     * oneself (no assignee, or one's own username) names nobody.
     */
    private Uni<Optional<StaffDirectory.Member>> colleague(Actor actor, String tenant, DossierAction action, DossierRequests.Action r) {
        if (action != DossierAction.ASSIGN || r.assignee() == null || r.assignee().isBlank()
                || r.assignee().strip().equalsIgnoreCase(actor.username())) {
            return Uni.createFrom().item(Optional.empty());
        }
        return staff.member(tenant, r.assignee()).invoke(found -> {
            if (found.isEmpty()) {
                throw DossierCommands.validation("assignee", FieldIssue.NOT_STAFF_HERE);
            }
        });
    }

    private static String fullName(StaffDirectory.Member m) {
        String family = m.lastName() == null ? "" : m.lastName().strip();
        String given = m.firstName() == null ? "" : m.firstName().strip();
        String name = (family + " " + given).strip();
        return name.isEmpty() ? m.username() : name;
    }
}
