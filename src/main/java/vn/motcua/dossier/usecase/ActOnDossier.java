package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;

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

    ActOnDossier(ScopedTransactions transactions, CalendarService calendars, TenantDirectory tenants, AccessPolicy policy,
            DossierWork work) {
        this.transactions = transactions;
        this.calendars = calendars;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
    }

    public Uni<DossierRead> act(Actor actor, String tenant, String receiptCode, DossierAction action, DossierRequests.Action request,
            String remoteAddr) {
        return policy.authorize(actor, action.permission(), tenant)
                .chain(access -> Uni.combine().all().unis(calendars.of(tenant), tenants.tree()).asTuple())
                .chain(ct -> {
                    var calendar = ct.getItem1();
                    var tree = ct.getItem2();
                    DossierRequests.Action r = request == null ? new DossierRequests.Action(null, null, null, null, null, null, null) : request;
                    OffsetDateTime now = work.now();
                    DossierWork.By by = DossierWork.By.of(actor, tenant, remoteAddr);
                    if (action == DossierAction.FORWARD && r.to() != null && !r.to().isBlank() && tree.find(r.to()).isEmpty()) {
                        throw DossierCommands.validation("to", FieldIssue.NOT_A_TENANT);
                    }
                    return transactions.onConnection(policy.actScope(actor).as(by.key()), conn -> work.load(conn, receiptCode)
                            .map(d -> DossierWork.seenThrough(d, tenant))
                            .chain(d -> {
                                if (!d.tenantId.equals(tenant)) {
                                    // Visible here (it was forwarded from here) but held elsewhere: nothing to do here.
                                    throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), action.wire(), "—")
                                            .with("state", d.status.wire()).with("allowedActions", List.of()).with("heldBy", d.tenantId);
                                }
                                JsonObject form = action == DossierAction.SUPPLEMENT && r.form() != null
                                        ? work.validForm(r.form(), work.version(d), now)
                                        : null;
                                DossierCommands.Input in = new DossierCommands.Input(r.reason(), r.assignee(), r.assigneeName(), r.to(),
                                        r.channel(), r.appointment(), form);
                                return work.command(conn, d, action, in, by, now, calendar, tree);
                            }));
                })
                .map(d -> DossierRead.brief(d, true, work.now()));
    }
}
