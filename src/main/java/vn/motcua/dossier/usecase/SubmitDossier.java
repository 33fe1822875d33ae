package vn.motcua.dossier.usecase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.dossier.PortalOnlyNotices;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.store.DraftFiles;
import vn.motcua.dossier.store.ExemptionRows;
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
    private final ExemptionRows exemptions;
    /** The notification feature's rule (above this one); none: every receipt goes through the relay. */
    private final PortalOnlyNotices portalOnly;

    SubmitDossier(ScopedTransactions transactions, DossierRepository repository, CalendarService calendars, TenantDirectory tenants,
            SubmissionWriter writer, SubmissionCheck check, DossierWork work, ProcedureSettings overrides, ExemptionRows exemptions,
            Instance<PortalOnlyNotices> portalOnly) {
        this.portalOnly = portalOnly.isResolvable() ? portalOnly.get() : (contact, phone) -> false;
        this.overrides = overrides;
        this.exemptions = exemptions;
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
        return submit(actor, request, idempotencyKey, remoteAddr, staged, java.util.Map.of());
    }

    /**
     * Submits a draft with its staged papers and, taken in at the desk, the papers marked exempt from scanning (paper
     * number → exemption, Circular 03/2025/TT-VPCP): scans and exemptions are written with the dossier, in the
     * transaction that receives it, so that it is never received undigitized (the draft checked that each required
     * paper is one or the other).
     */
    Uni<Submitted> submit(Actor actor, DossierRequests.Submission request, String idempotencyKey, String remoteAddr,
            List<DraftFiles.Staged> staged, java.util.Map<Integer, String> exempt) {
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
                java.util.Map<Integer, String> marks = new java.util.TreeMap<>(SubmissionCheck.exemptions(request));
                marks.putAll(exempt);
                // At the counter the desk receives it as it enters it, once every required paper is scanned or exempt
                // (Circular 03/2025/TT-VPCP); otherwise it waits at the desk's receive step, submitted, for its scans.
                boolean digitized = atDesk && complete(version, staged, marks);
                if (!atDesk && !marks.isEmpty()) {
                    // Exemptions are the desk's to record, as it receives the dossier.
                    throw new IllegalArgumentException("exemptions with a submission not made at the desk");
                }
                // At the counter the receiving desk holds the receive step, whichever office is competent.
                DossierWork.By by = DossierWork.By.of(actor, atDesk ? d.receivedBy : null, remoteAddr);
                if (atDesk) {
                    d.steps.get(0).tenantId = d.receivedBy;
                }
                // At the counter the officer receives it as they enter it: the receive step ends now, by them.
                DossierCommands.Effects received = digitized ? DossierCommands.apply(d, DossierAction.RECEIVE,
                        DossierCommands.Input.none(), by.cmd(), now, calendar, version.interconnected()) : null;
                LocalDate day = now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate();
                // Submitted to, and the receipt issued by, the receiving desk.
                JsonObject submitted = new JsonObject().put("channel", d.channel);
                if (!marks.isEmpty()) {
                    JsonObject given = new JsonObject();
                    marks.forEach((n, w) -> given.put(String.valueOf(n), w));
                    submitted.put("exemptions", given);
                }
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
                // For a citizen who hears in the portal only, the receipt's notice is written with the dossier.
                boolean portal = portalOnly.portalOnly(p.contact(), d.applicantPhone);
                notices.add(new DossierRepository.Outbox(d.id, d.receivedBy, "receipt", receipt, portal));
                Uni<String> written = atDesk
                        ? transactions.onConnection(new TenantScope(java.util.Set.copyOf(d.tenants)).as(by.key()),
                                conn -> repository.insert(conn, d, p.tenant().agencyCode(), day, first, notices)
                                        .invoke(code -> d.receiptCode = code)
                                        .call(code -> version.interconnected()
                                                ? work.createParts(conn, d, version, tree, calendar, now).chain(() -> work.save(conn, d))
                                                : Uni.createFrom().voidItem())
                                        .call(() -> Multi.createFrom().iterable(staged).onItem()
                                                .transformToUniAndConcatenate(f -> repository.insertAttachment(conn, f.asAttachment(d.id)))
                                                .collect().last())
                                        .call(() -> Multi.createFrom().iterable(marks.entrySet()).onItem()
                                                .transformToUniAndConcatenate(e -> exemptions.mark(conn, d.id, e.getKey(), e.getValue(), null, by.key(),
                                                        by.name()))
                                                .collect().last())
                                        .call(code -> received == null ? Uni.createFrom().voidItem()
                                                : work.record(conn, d, received, by, now, "receive")))
                        : writer.write(new SubmissionWriter.Pending(d, p.tenant().agencyCode(), day, first, notices,
                                staged.stream().map(f -> f.asAttachment(d.id)).toList()));
                return written.invoke(code -> d.receiptCode = code)
                        .map(code -> new Submitted(DossierRead.brief(d, actor.isStaff(), work.now()), true))
                        .onFailure(SubmitDossier::isIdempotencyClash)
                        .recoverWithUni(() -> replay(actor, idempotencyKey, d.requestHash));
            });
        });
    }

    /** Whether each paper the procedure requires is scanned (a staged file) or marked exempt. */
    private static boolean complete(Procedure.Version version, List<DraftFiles.Staged> staged, java.util.Map<Integer, String> marks) {
        for (int n = 1; n <= version.documents().size(); n++) {
            int number = n;
            if (!version.documents().get(n - 1).optional() && !marks.containsKey(n) && staged.stream().noneMatch(f -> f.document() == number)) {
                return false;
            }
        }
        return true;
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
