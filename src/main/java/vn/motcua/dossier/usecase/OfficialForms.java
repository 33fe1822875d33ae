package vn.motcua.dossier.usecase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.audit.AuditService;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.store.TrackingBookRows;
import vn.motcua.dossier.usecase.FormSheets.Header;
import vn.motcua.dossier.usecase.FormSheets.Lookup;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.pdf.PdfDocuments;
import vn.motcua.platform.web.WebConfig;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The printed forms of the one-stop desk (biểu mẫu in), Appendix I of Circular 03/2025/TT-VPCP, as PDF: a dossier's six
 * ({@link OfficialForm#ofDossier()}) and a desk's tracking book for a period. Always in Vietnamese, the forms'
 * language, each with a QR code of the public look-up page ({@code /tra-cuu}).
 *
 * <p>A dossier's form is for whoever may read the dossier ({@link ReadDossier}: its applicant, or staff of a tenant that
 * holds it or one above; 404 for anyone else), through a tenant when asked through one (an officer's page of that
 * tenant); a staff member's print is logged as a read of the applicant's personal data, under the form's
 * {@link OfficialForm#auditAction()}. It is filled from the dossier's recorded facts ({@link FormSheets}); a form
 * whose event has not happened is 409 {@code form-not-issued}.
 *
 * <p>The tracking book is for the desk's staff and those above it ({@link Permission#PRINT_TRACKING_BOOK}): at most
 * {@value #MAX_DAYS} days and {@value #MAX_LINES} dossiers a print, read in keyset pages under the transaction's
 * row-level security, as the work queue is; each print is in the audit log.
 *
 * <p>Each form is laid out from a typed Qute template ({@code templates/dossier/forms/}, every value escaped) and
 * rendered on a worker thread ({@link PdfDocuments}: bounded, fonts embedded). Rendering changes nothing, so a
 * failed render loses nothing: it answers 503 {@code unavailable}, to be tried again, never a 500.
 */
@ApplicationScoped
public class OfficialForms {

    private static final Logger LOG = Logger.getLogger(OfficialForms.class);

    /** Where the public look-up page is, under the site's address. */
    public static final String LOOKUP_PATH = "/tra-cuu";

    /** The site's address when {@code MOTCUA_PUBLIC_URL} is not set (the demo). */
    static final String DEFAULT_BASE = "http://localhost:8080";

    /** The longest period of one print of the tracking book: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    /**
     * The most dossiers one print of the tracking book holds: about eight landscape pages, which render within the 2 s
     * a print may take (a 1,000-line book took 5.5 s at the median on the benchmark's machine: docs/benchmarks.md). A
     * busier period is printed in parts.
     */
    public static final int MAX_LINES = 200;

    /** Rows read from the dossier table at a time for the book. */
    static final int BOOK_PAGE = 250;

    /** How long a client should wait before trying a failed render again, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** The forms' layouts, checked at build time against {@code templates/dossier/forms/}. */
    @CheckedTemplate(basePath = "dossier/forms", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance receipt(Header head, Lookup look, FormSheets.Slip sheet);

        static native TemplateInstance supplementRequest(Header head, Lookup look, FormLetters.SupplementRequest sheet);

        static native TemplateInstance refusal(Header head, Lookup look, FormLetters.Refusal sheet);

        static native TemplateInstance apology(Header head, Lookup look, FormLetters.Apology sheet);

        static native TemplateInstance stopNotice(Header head, Lookup look, FormLetters.StopNotice sheet);

        static native TemplateInstance controlSlip(Header head, Lookup look, FormRegisters.ControlSlip sheet);

        static native TemplateInstance trackingBook(Header head, Lookup look, FormRegisters.Book sheet);
    }

    /** A form as a file: its name (ASCII, safe in a header) and bytes. */
    public record Pdf(String fileName, byte[] bytes) {

        /** How a browser shows it: inline, under its name. */
        public String disposition() {
            return "inline; filename=\"" + fileName + "\"";
        }
    }

    private final ReadDossier dossiers;
    private final PersonalDataReads reads;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final CalendarService calendars;
    private final ScopedTransactions transactions;
    private final TrackingBookRows book;
    private final AccessPolicy policy;
    private final AuditService audit;
    private final DossierWork work;
    private final WebConfig web;

    OfficialForms(ReadDossier dossiers, PersonalDataReads reads, CatalogService catalog, TenantDirectory tenants, CalendarService calendars,
            ScopedTransactions transactions, TrackingBookRows book, AccessPolicy policy, AuditService audit, DossierWork work, WebConfig web) {
        this.dossiers = dossiers;
        this.reads = reads;
        this.catalog = catalog;
        this.tenants = tenants;
        this.calendars = calendars;
        this.transactions = transactions;
        this.book = book;
        this.policy = policy;
        this.audit = audit;
        this.work = work;
        this.web = web;
    }

    /**
     * Form {@code form} of dossier {@code receiptCode}, for whoever may read the dossier; through {@code tenant} when
     * not {@code null} (the officer must read that tenant's dossiers, and the dossier must have been held by it).
     */
    public Uni<Pdf> ofDossier(Actor actor, String tenant, String receiptCode, OfficialForm form, String remoteAddr) {
        if (form == OfficialForm.TRACKING_BOOK) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        Uni<DossierRead> read = tenant == null ? dossiers.load(actor, receiptCode) : dossiers.loadAt(actor, tenant, receiptCode);
        return read.chain(r -> Uni.combine().all().unis(tenants.tree(), calendars.of(r.dossier().tenantId), bookEntry(form, r))
                .with((tree, calendar, entry) -> layout(form, r, tree, calendar, entry)))
                .call(page -> reads.staffRead(actor, page.dossier(), form.auditAction(), page.dossier().receiptCode, remoteAddr))
                .chain(page -> render(form.fileName(page.dossier().receiptCode), page.template()::render));
    }

    /** The dossier's form laid out, not yet rendered. */
    private record Page(Dossier dossier, TemplateInstance template) {
    }

    private Page layout(OfficialForm form, DossierRead r, TenantTree tree, vn.motcua.calendar.WorkingCalendar calendar,
            Optional<TrackingBookRows.Entry> entry) {
        Dossier d = r.dossier();
        Procedure.Version version = catalog.versionAt(d.procedureCode, d.procedureVersion);
        Lookup look = lookup(d.receiptCode);
        String desk = FormSheets.desk(d);
        TemplateInstance t = switch (form) {
            case RECEIPT -> Templates.receipt(FormSheets.header(tree, desk, true, d.submittedAt), look,
                    FormSheets.slip(r, tree, version, entry));
            case SUPPLEMENT_REQUEST -> {
                var e = FormLetters.event(r, "request-supplement", form);
                yield Templates.supplementRequest(FormSheets.header(tree, e.tenantId(), true, e.at()), look,
                        FormLetters.supplementRequest(r, tree, version));
            }
            case REFUSAL -> {
                var e = FormLetters.event(r, "refuse", form);
                yield Templates.refusal(FormSheets.header(tree, e.tenantId(), true, e.at()), look, FormLetters.refusal(r, tree, version));
            }
            case APOLOGY -> {
                var e = FormLetters.event(r, "apologize", form);
                yield Templates.apology(FormSheets.header(tree, e.tenantId(), false, e.at()), look, FormLetters.apology(r, tree, version));
            }
            case STOP_NOTICE -> {
                var e = FormLetters.event(r, "reject", form);
                yield Templates.stopNotice(FormSheets.header(tree, e.tenantId(), false, e.at()), look, FormLetters.stopNotice(r, tree, version));
            }
            case CONTROL_SLIP -> Templates.controlSlip(FormSheets.header(tree, desk, true, d.submittedAt), look,
                    FormRegisters.controlSlip(r, tree, version, calendar));
            case TRACKING_BOOK -> throw new ProblemException(ProblemType.NOT_FOUND);
        };
        return new Page(d, t.setLocale(Languages.VI));
    }

    /** The receipt slip's entry in the desk's tracking book (read through a function: any reader of the slip gets it). */
    private Uni<Optional<TrackingBookRows.Entry>> bookEntry(OfficialForm form, DossierRead r) {
        if (form != OfficialForm.RECEIPT || r.dossier().isPart()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return transactions.onConnection(TenantScope.none(), conn -> book.entry(conn, r.dossier().id));
    }

    /**
     * The tracking book of {@code tenant}'s desk: the dossiers it received from {@code from} to {@code to} (inclusive,
     * Vietnam's days). {@code from} and {@code to} as typed ({@code YYYY-MM-DD}): each wrong one is a field of a 400,
     * once the reader is known to be allowed (anyone else is refused before the period is looked at).
     */
    public Uni<Pdf> trackingBook(Actor actor, String tenant, String from, String to, String remoteAddr) {
        return policy.authorize(actor, Permission.PRINT_TRACKING_BOOK, tenant).chain(access -> {
            LocalDate[] period = period(from, to);
            return trackingBook(actor, tenant, period[0], period[1], remoteAddr);
        });
    }

    /** The book of an authorized reader for a valid period. */
    private Uni<Pdf> trackingBook(Actor actor, String tenant, LocalDate first, LocalDate last, String remoteAddr) {
        OffsetDateTime start = first.atStartOfDay(FormSheets.VIETNAM).toOffsetDateTime();
        OffsetDateTime end = last.plusDays(1).atStartOfDay(FormSheets.VIETNAM).toOffsetDateTime();
        OffsetDateTime now = work.now();
        return tenants.tree()
                .chain(tree -> transactions.onConnection(policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor)),
                        conn -> lines(conn, tenant, start, end, null, null, new ArrayList<>()))
                        .invoke(lines -> {
                            if (lines.size() > MAX_LINES) {
                                throw Problems.invalidField("to", FieldIssue.PERIOD_TOO_MANY, MAX_LINES);
                            }
                        })
                        .call(lines -> audit.record(actor, tenant, OfficialForm.TRACKING_BOOK.auditAction(), tenant + " " + first + "/" + last,
                                remoteAddr))
                        .map(lines -> Templates.trackingBook(FormSheets.header(tree, tenant, true, now), lookup(null),
                                FormRegisters.book(FormSheets.officeName(tree, tenant), first, last, lines, tree, this::procedureName, now))
                                .setLocale(Languages.VI)))
                .chain(t -> render(OfficialForm.TRACKING_BOOK.fileName(tenant + "-" + first + "-" + last), t::render));
    }

    /** The period as dates, or a 400 naming each wrong field: required, a date, in order, at most {@value #MAX_DAYS} days. */
    static LocalDate[] period(String from, String to) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(ProblemException.FieldError.of("to", FieldIssue.PERIOD_REVERSED));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                errors.add(ProblemException.FieldError.of("to", FieldIssue.PERIOD_TOO_LONG, MAX_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        return new LocalDate[] { first, last };
    }

    private static LocalDate date(String field, String value, List<ProblemException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(ProblemException.FieldError.of(field, FieldIssue.REQUIRED));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(ProblemException.FieldError.of(field, FieldIssue.NOT_DATE));
            return null;
        }
    }

    /** The book's lines, page after page on the keyset, until the period ends or one more than a print holds. */
    private Uni<List<TrackingBookRows.Line>> lines(SqlConnection conn, String desk, OffsetDateTime from, OffsetDateTime to,
            OffsetDateTime afterAt, UUID afterId, List<TrackingBookRows.Line> acc) {
        return book.page(conn, desk, from, to, afterAt, afterId, BOOK_PAGE).chain(page -> {
            acc.addAll(page);
            if (page.size() < BOOK_PAGE || acc.size() > MAX_LINES) {
                return Uni.createFrom().item(acc);
            }
            TrackingBookRows.Line lastLine = page.get(page.size() - 1);
            return lines(conn, desk, from, to, lastLine.submittedAt(), lastLine.id(), acc);
        });
    }

    private String procedureName(TrackingBookRows.Line l) {
        try {
            return catalog.versionAt(l.procedureCode(), l.procedureVersion()).name().vi();
        } catch (RuntimeException e) {
            return l.procedureCode();
        }
    }

    /** The look-up page's address for a receipt code (the page itself when {@code null}): what the forms' QR code holds. */
    public String lookupUrl(String receiptCode) {
        String base = web.publicUrl().map(URI::toString).orElse(DEFAULT_BASE);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + LOOKUP_PATH + (receiptCode == null ? "" : "?code=" + URLEncoder.encode(receiptCode, StandardCharsets.UTF_8));
    }

    private Lookup lookup(String receiptCode) {
        return new Lookup(lookupUrl(receiptCode));
    }

    /**
     * The form's XHTML and then its PDF, on a worker thread. A failure of either is logged with its cause and answered
     * 503, to be tried again: the form is only read, so nothing is lost.
     */
    static Uni<Pdf> render(String fileName, Supplier<String> xhtml) {
        return Uni.createFrom().item(() -> new Pdf(fileName, PdfDocuments.render(xhtml.get())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
                    LOG.errorf(e, "rendering %s failed", fileName);
                    return new ProblemException(ProblemType.UNAVAILABLE).with("retryAfter", RETRY_AFTER_SECONDS);
                });
    }
}
