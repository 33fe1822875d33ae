package vn.motcua.portal;

import vn.motcua.intake.ProcedureGuide;
import vn.motcua.intake.IntakeMessages;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierMessages;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.usecase.ApplicantSupplement;
import vn.motcua.dossier.usecase.AttachmentService;
import vn.motcua.dossier.usecase.DossierRead;
import vn.motcua.dossier.usecase.DossierRequests;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.dossier.usecase.RateDossier;
import vn.motcua.dossier.usecase.ReadDossier;
import vn.motcua.dossier.usecase.OfficialForm;
import vn.motcua.dossier.usecase.OfficialForms;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.InlineFiles;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.payment.api.PaymentBox;
import vn.motcua.payment.usecase.Payments;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * A citizen's dossiers on the portal (hồ sơ của tôi): the list, and each dossier's page — where it stands, who holds
 * it and until when, each past step on time or late and by how much, the papers (uploaded from the camera or a file,
 * with a preview), the answer to a supplement request, the receipt.
 */
@Path("/dossiers")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DossierPages {

    static final String READ_OWN = "dossier.read-own";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance dossiers(List<Row> dossiers, List<DraftRow> drafts);

        static native TemplateInstance dossier(View d, List<NoticeRow> notices, PaymentBox pay);
    }

    /** A notice sent about the dossier (thông báo), newest first: when, and what it said. */
    @TemplateData
    public record NoticeRow(String at, String text, String reason) {
    }

    @TemplateData
    public record Row(String code, String procedure, String status, String submitted, String due) {
    }

    @TemplateData
    public record DraftRow(String id, String procedure, String updated) {
    }

    /**
     * A step of the timeline. When it is (or was) late: by how much in working time ({@code late}), the office it is
     * late at (the one that held the step), and why, when that office gave a reason while it held the step (its
     * apology letter, thư xin lỗi).
     */
    @TemplateData
    public record StepRow(String name, String office, String started, String ended, String due, String state, String late, boolean current,
            String reason) {
    }

    /** A required paper and the files given for it. */
    @TemplateData
    public record Paper(int number, String name, boolean optional, List<FileRow> files) {
        /** The file field's name on the page, where its error is shown. */
        public String field() {
            return "file-" + number;
        }
    }

    @TemplateData
    public record FileRow(String id, String name, boolean image, String size) {
    }

    /** A dossier's page. */
    @TemplateData
    public record View(String code, String procedure, String status, String statusCode, String office, String submitted, String due,
            String timeliness, String holder, String holderDue, List<StepRow> steps, List<Paper> papers, boolean open,
            String supplementRequest, boolean answerSupplement, String delayReason, String appointment, boolean justSubmitted,
            String returnChannel, long maxMegabytes, boolean rate, Integer rated, String ratedComment) {
    }

    private final ReadDossier reads;
    private final Drafts drafts;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final CalendarService calendars;
    private final AttachmentService attachments;
    private final ApplicantSupplement supplements;
    private final PageContext page;
    private final SecurityIdentity identity;
    private final OfficialForms forms;
    private final RateDossier ratings;
    private final vn.motcua.notification.Notifications notifications;
    private final Payments payments;

    DossierPages(Payments payments, vn.motcua.notification.Notifications notifications, OfficialForms forms, RateDossier ratings, ReadDossier reads, Drafts drafts, CatalogService catalog, TenantDirectory tenants, CalendarService calendars,
            AttachmentService attachments, ApplicantSupplement supplements, PageContext page, SecurityIdentity identity) {
        this.reads = reads;
        this.drafts = drafts;
        this.catalog = catalog;
        this.tenants = tenants;
        this.calendars = calendars;
        this.attachments = attachments;
        this.supplements = supplements;
        this.forms = forms;
        this.ratings = ratings;
        this.notifications = notifications;
        this.payments = payments;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = READ_OWN)
    public Uni<TemplateInstance> mine() {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        Uni<List<Drafts.DraftView>> open = actor.isStaff() ? Uni.createFrom().item(List.of()) : drafts.open(actor);
        return reads.mine(actor, 100).chain(list -> open.map(ds -> Templates.dossiers(list.stream().map(r -> {
            Dossier d = r.dossier();
            return new Row(d.receiptCode, name(d, locale), status(d.status, locale), at(d.submittedAt), at(d.dueAt));
        }).toList(), ds.stream().map(x -> new DraftRow(x.id().toString(),
                catalog.find(x.procedureCode()).flatMap(p -> p.versionAt(x.procedureVersion())).map(v -> v.name().in(locale)).orElse(x.procedureCode()),
                at(x.updatedAt()))).toList())));
    }

    @GET
    @Path("/{receiptCode}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = READ_OWN)
    public Uni<Response> dossier(@PathParam("receiptCode") String code, @QueryParam("submitted") String submitted,
            @Context HttpServerRequest request) {
        return render(code, submitted != null, ClientAddress.of(request), Response.Status.OK);
    }

    /** A paper's file, from the camera or the files: saved, then the page again (with its preview). */
    @POST
    @Path("/{receiptCode}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.attach-own")
    public Uni<Response> upload(@PathParam("receiptCode") String code, @RestForm("document") Integer document,
            @RestForm("file") FileUpload file, @Context HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        String field = "file-" + (document == null ? 1 : document);
        Uni<Response> done;
        if (file == null || file.size() == 0) {
            done = Uni.createFrom().failure(new ProblemException(ProblemType.VALIDATION_FAILED,
                    List.of(ProblemException.FieldError.of("file", FieldIssue.EMPTY_FILE)), 1));
        } else {
            done = Uni.createFrom().deferred(() -> attachments.attach(actor, code, document, file.fileName(), file.uploadedFile(), file.size(),
                    remote)).map(a -> Redirects.seeOther("/dossiers/" + code + "#paper-" + document));
        }
        return done.onFailure(DossierPages::refusedFile).recoverWithUni(e -> {
            ProblemException p = (ProblemException) e;
            // The file is refused; the page comes back with the reason beside that paper's file field.
            page.refused(p.fieldErrors().isEmpty() ? p : new ProblemException(p.type(), p.fieldErrors().stream()
                    .map(x -> new ProblemException.FieldError(field, x.message(), x.issue(), x.args())).toList(), p.args().toArray()), field);
            return render(code, false, remote, Response.Status.fromStatusCode(p.type().status()));
        });
    }

    /** The answer to a supplement request: a note (the papers are uploaded above it, on the same page). */
    @POST
    @Path("/{receiptCode}/supplement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.supplement")
    public Uni<Response> supplement(@PathParam("receiptCode") String code, @RestForm String note, @Context HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        return supplements.supplement(actor, code, new DossierRequests.Supplement(note, null), remote)
                .map(r -> Redirects.seeOther("/dossiers/" + code))
                .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.VALIDATION_FAILED).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "note");
                    return render(code, false, remote, Response.Status.BAD_REQUEST);
                });
    }

    /** The receipt-and-appointment slip (form 01 of Circular 03/2025/TT-VPCP), to print or keep. */
    @GET
    @Path("/{receiptCode}/receipt.pdf")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = READ_OWN)
    public Uni<Response> receipt(@PathParam("receiptCode") String code, @Context HttpServerRequest request) {
        return forms.ofDossier(Actor.from(identity), null, code, OfficialForm.RECEIPT, ClientAddress.of(request))
                .map(pdf -> InlineFiles.of(pdf.bytes(), "application/pdf", pdf.disposition()));
    }

    /** The satisfaction rating, once the result is returned: 1 to 5 and a comment, one per dossier. */
    @POST
    @Path("/{receiptCode}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.rate")
    public Uni<Response> rate(@PathParam("receiptCode") String code, @RestForm String score, @RestForm String comment,
            @Context HttpServerRequest request) {
        String remote = ClientAddress.of(request);
        return Uni.createFrom().deferred(() -> ratings.rate(Actor.from(identity), code, vn.motcua.dossier.usecase.RatingInput.fromForm(score, comment), remote))
                .map(r -> Redirects.seeOther("/dossiers/" + code + "#rating"))
                .onFailure(e -> e instanceof ProblemException p && p.type().status() == 400).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "score");
                    return render(code, false, remote, Response.Status.BAD_REQUEST);
                });
    }

    /** A refusal of the file itself (too big, empty, of a kind we do not take, unreadable): shown beside it. */
    private static boolean refusedFile(Throwable e) {
        return e instanceof ProblemException p && switch (p.type()) {
            case VALIDATION_FAILED, FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE -> true;
            default -> p.type().status() == 400 || p.type().status() == 413 || p.type().status() == 415;
        };
    }

    @GET
    @Path("/{receiptCode}/files/{id}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = READ_OWN)
    public Uni<Response> file(@PathParam("receiptCode") String code, @PathParam("id") String id, @Context HttpServerRequest request) {
        return attachments.read(Actor.from(identity), code, id, ClientAddress.of(request))
                .map(s -> InlineFiles.of(s.bytes(), s.contentType(), s.disposition()));
    }

    private Uni<Response> render(String code, boolean justSubmitted, String remote, Response.Status status) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        return reads.read(actor, code, remote).chain(read -> Uni.combine().all().unis(tenants.tree(), calendars.of(read.dossier().tenantId),
                        notifications.linesOf(actor, code, locale), payments.of(read).map(p -> PaymentBox.of(p, locale)))
                .with((tree, calendar, notices, pay) -> Response.status(status).entity(Templates.dossier(view(read, tree, calendar, locale, justSubmitted),
                        notices.stream().map(n -> new NoticeRow(at(n.at()), n.text(), n.reason())).toList(), pay))
                        .header("Cache-Control", "no-store").build()));
    }

    private View view(DossierRead read, TenantTree tree, WorkingCalendar calendar, Locale locale, boolean justSubmitted) {
        Dossier d = read.dossier();
        OffsetDateTime now = read.at();
        Procedure.Version v = catalog.versionAt(d.procedureCode, d.procedureVersion);
        List<StepRow> steps = new ArrayList<>();
        String holder = null;
        String holderDue = null;
        for (Dossier.Step s : d.steps) {
            String office = tree.find(s.tenantId).map(t -> t.name().in(locale)).orElse(s.tenantId);
            boolean current = d.currentStep != null && d.currentStep == s.seq && d.closedAt == null;
            String state;
            String late = null;
            if (s.endedAt != null) {
                Deadlines.Timeliness t = Deadlines.timeliness(s.dueAt, s.endedAt, now, false);
                state = text(locale, "step_" + t.name().toLowerCase(Locale.ROOT));
                if (t == Deadlines.Timeliness.LATE) {
                    late = lateBy(calendar, s.dueAt, s.endedAt, locale);
                }
            } else if (current) {
                holder = office;
                holderDue = at(s.dueAt);
                state = text(locale, d.paused() ? "step_paused" : "step_current");
                if (!d.paused() && now.isAfter(s.dueAt)) {
                    late = lateBy(calendar, s.dueAt, now, locale);
                }
            } else {
                state = text(locale, "step_waiting");
            }
            steps.add(new StepRow(DossierRead.stepName(v, s.code).in(locale), office, at(s.startedAt), at(s.endedAt), at(s.dueAt), state, late,
                    current, late == null || s.startedAt == null ? null : read.reasonGivenDuring(s.startedAt, s.endedAt).orElse(null)));
        }
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            int n = i + 1;
            Procedure.RequiredDocument doc = v.documents().get(i);
            papers.add(new Paper(n, doc.name().in(locale), doc.optional(), read.files().stream().filter(a -> a.document() == n)
                    .map(a -> new FileRow(a.id(), a.fileName(), a.image(), size(a.storedBytes()))).toList()));
        }
        String supplementRequest = d.status == DossierStatus.SUPPLEMENT_REQUESTED ? read.supplementRequest().orElse(null) : null;
        Deadlines.Timeliness t = Deadlines.timeliness(d.dueAt, d.closedAt, now, d.paused());
        return new View(d.receiptCode, v.name().in(locale), status(d.status, locale), d.status.wire(),
                tree.find(d.tenantId).map(x -> x.name().in(locale)).orElse(d.tenantId), at(d.submittedAt), at(d.dueAt),
                text(locale, "timeliness_" + t.name().toLowerCase(Locale.ROOT)), holder, holderDue, steps, papers, d.closedAt == null,
                supplementRequest, d.status == DossierStatus.SUPPLEMENT_REQUESTED, d.delayReason, at(d.appointmentAt), justSubmitted,
                text(locale, "return_" + d.returnChannel.replaceAll("[^a-z]", "")), attachments.maxBytes() / (1024 * 1024),
                d.status == DossierStatus.RETURNED && read.rating() == null && !read.officer(),
                read.rating() == null ? null : read.rating().score(), read.rating() == null ? null : read.rating().comment());
    }

    /** "2 giờ 30 phút làm việc", "1,5 ngày làm việc": how late, in the working time the law counts. */
    private static String lateBy(WorkingCalendar calendar, OffsetDateTime due, OffsetDateTime when, Locale locale) {
        long minutes = calendar.workingMinutesBetween(due, when);
        long perDay = calendar.minutes(java.math.BigDecimal.ONE);
        if (minutes >= perDay) {
            return MessageKeys.text(MyDossierMessages.class, locale, "late_days", List.of(ProcedureGuide.days(
                    java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(perDay), 1, java.math.RoundingMode.HALF_UP), locale)));
        }
        return MessageKeys.text(MyDossierMessages.class, locale, "late_hours", List.of(minutes / 60, minutes % 60));
    }

    private String name(Dossier d, Locale locale) {
        return catalog.find(d.procedureCode).flatMap(p -> p.versionAt(d.procedureVersion)).map(v -> v.name().in(locale)).orElse(d.procedureCode);
    }

    private static String status(DossierStatus s, Locale locale) {
        return MessageKeys.text(DossierMessages.class, locale, "status_" + s.wire().replace('-', '_'));
    }

    static String at(OffsetDateTime t) {
        return t == null ? null : WHEN.format(t.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM));
    }

    static String size(long bytes) {
        return vn.motcua.intake.ProcedureGuide.size(bytes);
    }

    private static String text(Locale locale, String key) {
        // A dossier's words, or the submission's (how the result is returned, as asked when it was submitted).
        return MessageKeys.text(MessageKeys.has(MyDossierMessages.class, key) ? MyDossierMessages.class : IntakeMessages.class, locale, key);
    }
}
