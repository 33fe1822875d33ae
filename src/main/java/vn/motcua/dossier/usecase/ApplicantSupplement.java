package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.tenant.TenantDirectory;

/**
 * The applicant's (or their submitter's) answer to a supplement request (bổ sung hồ sơ): the clock starts again.
 * Their own scope finds the dossier; the write runs in the dossier's tenants, widened inside the same transaction.
 */
@ApplicationScoped
public class ApplicantSupplement {

    private final ScopedTransactions transactions;
    private final CalendarService calendars;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final DossierWork work;

    ApplicantSupplement(ScopedTransactions transactions, CalendarService calendars, TenantDirectory tenants, AccessPolicy policy,
            DossierWork work) {
        this.transactions = transactions;
        this.calendars = calendars;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
    }

    public Uni<DossierRead> supplement(Actor actor, String receiptCode, DossierRequests.Supplement request, String remoteAddr) {
        policy.authorizeSelf(actor, Permission.SUPPLEMENT_OWN);
        DossierWork.By by = DossierWork.By.of(actor, null, remoteAddr);
        return tenants.tree().chain(tree -> transactions.onConnection(TenantScope.none().as(by.key()), conn -> work.load(conn, receiptCode)
                .map(d -> DossierWork.ownedBy(d, by.key())).chain(d -> {
                    OffsetDateTime now = work.now();
                    Procedure.Version version = work.version(d);
                    JsonObject form = request != null && request.form() != null ? work.validForm(request.form(), version, now) : null;
                    String note = request == null ? null : request.note();
                    return ScopedTransactions.widen(conn, TenantScope.of(d.tenants.toArray(String[]::new)))
                            .chain(() -> calendars.of(d.tenantId)).chain(calendar -> {
                                DossierCommands.Input in = new DossierCommands.Input(note, null, null, null, null, null, form);
                                if (work.hasParts(d, version) && d.status == DossierStatus.SUPPLEMENT_REQUESTED) {
                                    return work.resumeParts(conn, d, in, by, now, calendar, tree).replaceWith(d)
                                            .chain(() -> work.load(conn, receiptCode));
                                }
                                return work.command(conn, d, DossierAction.SUPPLEMENT, in, by, now, calendar, tree);
                            });
                })))
                .map(d -> DossierRead.brief(d, false, work.now()));
    }
}
