package vn.motcua.dossier.usecase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.store.DraftFiles;
import vn.motcua.dossier.store.SubmissionWriter;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * Submitting a dossier (nộp hồ sơ), online, at the counter or by post. Everything wrong with the request is reported
 * at once ({@link SubmissionCheck}); with an idempotency key, a retry returns the first dossier and a different
 * request under the same key is refused. Online and by post a submission is a new row and nothing else, written with
 * others that arrive meanwhile ({@link SubmissionWriter}); at the counter the desk also receives it (and creates its
 * parts) in the same transaction.
 */
@ApplicationScoped
public class SubmitDossier {

    /** The result of a submission: the dossier, and whether this call created it (not an idempotent replay). */
    public record Submitted(DossierRead dossier, boolean created) {
    }

    private final ScopedTransactions transactions;
    private final DossierRepository repository;
    private final CalendarService calendars;
    private final TenantDirectory tenants;
    private final SubmissionWriter writer;
    private final SubmissionCheck check;
    private final DossierWork work;
    private final ProcedureSettings overrides;

    SubmitDossier(ScopedTransactions transactions, DossierRepository repository, CalendarService calendars, TenantDirectory tenants,
            SubmissionWriter writer, SubmissionCheck check, DossierWork work, ProcedureSettings overrides) {
        this.overrides = overrides;
        this.transactions = transactions;
        this.repository = repository;
        this.calendars = calendars;
        this.tenants = tenants;
        this.writer = writer;
        this.check = check;
        this.work = work;
    }

    public Uni<Submitted> submit(Actor actor, DossierRequests.Submission request, String idempotencyKey, String remoteAddr) {
        return submit(actor, request, idempotencyKey, remoteAddr, List.of());
    }

    /**
     * Submits online with the papers staged in the citizen's draft: they become the dossier's attachments in the
     * transaction that writes it (the same ids and storage keys; nothing is copied), so that a dossier never exists
     * without the papers it was submitted with. A replay writes nothing: the first submission took them.
     */
    Uni<Submitted> submit(Actor actor, DossierRequests.Submission request, String idempotencyKey, String remoteAddr,
            List<DraftFiles.Staged> staged) {
        return Uni.combine().all().unis(tenants.tree(), overrides.snapshot()).asTuple().chain(both -> {
            TenantTree tree = both.getItem1();
            OffsetDateTime now = work.now();
            SubmissionCheck.Prepared p = check.prepare(actor, request, idempotencyKey, tree, now, both.getItem2());
            // The deadline is the competent office's: its calendar and its processing time.
            return calendars.of(p.competent().code()).chain(calendar -> {
                Dossier d = p.dossier();
                Procedure.Version version = p.version();
                d.laySteps(version.steps(), version.steps().stream().map(Procedure.Step::share).toList(),
                        Deadlines.plan(calendar, now, d.processingDays, DossierCommands.shares(version.steps())), now);
                d.status = DossierStatus.SUBMITTED;
                boolean atDesk = "counter".equals(d.channel);
                if (atDesk && !staged.isEmpty()) {
                    // Papers are staged only in a citizen's draft, which is submitted online.
                    throw new IllegalArgumentException("staged papers with a counter submission");
                }
                // At the counter the receiving desk holds the receive step, whichever office is competent.
                DossierWork.By by = DossierWork.By.of(actor, atDesk ? d.receivedBy : null, remoteAddr);
                if (atDesk) {
                    d.steps.get(0).tenantId = d.receivedBy;
                }
                // At the counter the officer receives it as they enter it: the receive step ends now, by them.
                DossierCommands.Effects received = atDesk ? DossierCommands.apply(d, DossierAction.RECEIVE,
                        DossierCommands.Input.none(), by.cmd(), now, calendar, version.interconnected()) : null;
                LocalDate day = now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate();
                // Submitted to, and the receipt issued by, the receiving desk.
                JsonObject submitted = new JsonObject().put("channel", d.channel);
                if (!staged.isEmpty()) {
                    submitted.put("files", new io.vertx.core.json.JsonArray(staged.stream().map(f -> (Object) new JsonObject()
                            .put("document", f.document()).put("file", f.fileName()).put("sha256", f.sha256())).toList()));
                }
                if (p.terms().overrideFrom() != null) {
                    // Under the competent office's own terms (fee, time) of that date, as well as the catalog's version.
                    submitted.put("officeTermsFrom", p.terms().overrideFrom().toString());
                }
                DossierRepository.Event first = new DossierRepository.Event(d.id, d.receivedBy, now, by.key(), by.name(), "submit",
                        null, DossierStatus.SUBMITTED, null, submitted, by.remote());
                List<DossierRepository.Outbox> notices = new ArrayList<>();
                JsonObject receipt = new JsonObject().put("channel", d.channel);
                if (p.contact() != null) {
                    // Where the notices of this dossier go (the relay reads it from this first row: docs/notifications.md).
                    receipt.put("contact", p.contact());
                }
                notices.add(new DossierRepository.Outbox(d.id, d.receivedBy, "receipt", receipt));
                Uni<String> written = atDesk
                        ? transactions.onConnection(new TenantScope(java.util.Set.copyOf(d.tenants)).as(by.key()),
                                conn -> repository.insert(conn, d, p.tenant().agencyCode(), day, first, notices)
                                        .invoke(code -> d.receiptCode = code)
                                        .call(code -> version.interconnected()
                                                ? work.createParts(conn, d, version, tree, calendar, now).chain(() -> work.save(conn, d))
                                                : Uni.createFrom().voidItem())
                                        .call(code -> work.record(conn, d, received, by, now, "receive")))
                        : writer.write(new SubmissionWriter.Pending(d, p.tenant().agencyCode(), day, first, notices,
                                staged.stream().map(f -> f.asAttachment(d.id)).toList()));
                return written.invoke(code -> d.receiptCode = code)
                        .map(code -> new Submitted(DossierRead.brief(d, actor.isStaff(), work.now()), true))
                        .onFailure(SubmitDossier::isIdempotencyClash)
                        .recoverWithUni(() -> replay(actor, idempotencyKey, d.requestHash));
            });
        });
    }

    private static boolean isIdempotencyClash(Throwable t) {
        return t instanceof PgException pg && "23505".equals(pg.getSqlState()) && pg.getConstraint() != null
                && pg.getConstraint().equals("dossier_idempotency");
    }

    /** A retry of a submission that already succeeded: the same dossier if the request is the same, else a 422. */
    private Uni<Submitted> replay(Actor actor, String key, String requestHash) {
        String me = DossierWork.key(actor);
        return transactions.onConnection(TenantScope.none().as(me),
                conn -> repository.findByIdempotencyKey(conn, me, key).chain(found -> {
                    Dossier d = found.orElseThrow(() -> new ProblemException(ProblemType.IDEMPOTENCY_CONFLICT, key));
                    if (!d.requestHash.equals(requestHash)) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_CONFLICT, key);
                    }
                    return repository.find(conn, d.receiptCode, false)
                            .map(x -> new Submitted(DossierRead.brief(x.orElseThrow(), actor.isStaff(), work.now()), false));
                }));
    }
}
