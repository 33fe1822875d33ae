package vn.motcua.console;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestForm;

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
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.dossier.usecase.ActOnDossier;
import vn.motcua.dossier.usecase.AttachmentService;
import vn.motcua.dossier.usecase.Digitization;
import vn.motcua.dossier.usecase.DossierRead;
import vn.motcua.dossier.usecase.DossierRequests;
import vn.motcua.dossier.usecase.ReadDossier;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * A dossier's page in the console (trang hồ sơ của cán bộ): what the applicant declared, their papers shown inline,
 * the step timeline (who held each step, from when to when, its due time, how late and whose lateness), the history,
 * and the actions this officer may take now as plain forms — each one a button that works from the keyboard and
 * without JavaScript. Every action carries the version of the dossier the officer saw: when a colleague acted in
 * between, the action is refused and the page shows what happened. Parses and renders only.
 */
@Path("/console/{tenant}/dossiers/{receiptCode}")
@Authenticated
public class ConsoleDossierPages {

    /** Every action the page may post, for the attack matrix and the role matrix: the route allows any of them. */
    static final String ACTIONS = "dossier.receive,dossier.refuse,dossier.assign,dossier.request-supplement,dossier.forward,"
            + "dossier.propose,dossier.approve,dossier.reject,dossier.mark-result-ready,dossier.return,dossier.apologize";

    /** At most this many offices in the forward list: the levels above, then the competent ones nearest. */
    static final int MAX_FORWARD_CHOICES = 60;

    private final ConsolePayments payments;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dossier(DossierView view, ConsolePayments.Panel pay);
    }

    /** A label and its value. */
    @TemplateData
    public record Fact(String label, String value) {
    }

    /**
     * A paper of the procedure and its files; for a dossier handed in on paper, its digitization (Circular 03/2025):
     * the exemption in force, if any, and whether this officer may scan or exempt it now.
     */
    @TemplateData
    public record Paper(int number, String name, boolean optional, List<FileView> files, String exemption, String exemptionNote,
            boolean digitize, List<Choice> exemptions) {

        /** The field its errors are named by, and its element's id on the page. */
        public String field() {
            return "document-" + number;
        }
    }

    @TemplateData
    public record FileView(String href, String name, String size, boolean image, boolean pdf) {
    }

    /** A step of the timeline. */
    @TemplateData
    public record StepView(String name, String office, String role, String holder, String started, String ended, String due,
            String state, String late, String lateOf, boolean current) {
    }

    @TemplateData
    public record EventView(String at, String action, String by, String office, String reason) {
    }

    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    /**
     * One action's form: which fields it asks for, and what was typed when it was refused.
     *
     * @param code     the action's wire name, also the prefix of its fields' ids ({@code refuse-reason})
     * @param primary  the one button styled as the next step
     */
    @TemplateData
    public record ActionForm(String code, String label, String hint, boolean primary, boolean reason, boolean reasonRequired,
            List<Choice> colleagues, List<Choice> offices, List<Choice> channels, boolean appointment, List<Choice> documents,
            String typedReason, String typedAppointment) {

        public String id(String field) {
            return code + "-" + field;
        }
    }

    /** The page. */
    @TemplateData
    public record DossierView(Tenant tenant, String code, String procedure, String status, String timeliness, boolean late, String left,
            String notice, List<Fact> facts, List<Fact> form, List<Paper> papers, List<StepView> steps, List<EventView> history,
            List<ActionForm> actions, int version, String queue, boolean heldHere, String heldBy, boolean onPaper, long maxMegabytes,
            List<Fact> forms) {
    }

    private final ReadDossier reads;
    private final ActOnDossier actions;
    private final AttachmentService attachments;
    private final StaffService staff;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final CalendarService calendars;
    private final PageContext page;
    private final SecurityIdentity identity;
    private final Digitization digitization;

    ConsoleDossierPages(ConsolePayments payments, ReadDossier reads, ActOnDossier actions, AttachmentService attachments, StaffService staff, CatalogService catalog,
            TenantDirectory tenants, CalendarService calendars, PageContext page, SecurityIdentity identity, Digitization digitization) {
        this.payments = payments;
        this.digitization = digitization;
        this.reads = reads;
        this.actions = actions;
        this.attachments = attachments;
        this.staff = staff;
        this.catalog = catalog;
        this.tenants = tenants;
        this.calendars = calendars;
        this.page = page;
        this.identity = identity;
    }

    /** The address of a dossier's page in a tenant's console. */
    static String href(String tenant, String receiptCode) {
        return "/console/" + tenant + "/dossiers/" + receiptCode;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.read")
    public Uni<Response> dossier(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, @QueryParam("done") String done,
            HttpServerRequest request) {
        DossierAction a = done == null ? null : DossierAction.of(done.strip());
        String notice = a == null ? null : Desk.text(page.locale(), "done_" + a.name().toLowerCase(Locale.ROOT));
        return render(tenant, code, notice, null, Map.of(), ClientAddress.of(request), Response.Status.OK);
    }

    /**
     * An action on the dossier: done, then the page again with what it did (a reload does not act again); refused,
     * the page again with the reason beside the field, or at the top when it is about the dossier (its state changed,
     * a colleague acted first), what was typed kept.
     */
    @POST
    @Path("/act")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = ACTIONS)
    public Uni<Response> act(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, @RestForm String action,
            @RestForm String version, @RestForm String reason, @RestForm String assignee, @RestForm String to, @RestForm String channel,
            @RestForm String appointment, @RestForm("document") List<String> documents, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        DossierAction a = action == null ? null : DossierAction.of(action.strip());
        if (a == null || a == DossierAction.SUPPLEMENT) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("action", a.wire());
        typed.put("reason", reason == null ? "" : reason);
        typed.put("appointment", appointment == null ? "" : appointment);
        typed.put("assignee", assignee == null ? "" : assignee);
        typed.put("to", to == null ? "" : to);
        typed.put("channel", channel == null ? "" : channel);
        typed.put("documents", documents == null ? "" : String.join(",", documents));
        Uni<Response> done = Uni.createFrom().deferred(() -> reads.readAt(actor, tenant, code, remote).chain(read -> {
            String why = a == DossierAction.REQUEST_SUPPLEMENT ? checklist(read, documents, reason) : reason;
            DossierRequests.Action body = new DossierRequests.Action(blankToNull(why), blankToNull(assignee), null, blankToNull(to),
                    blankToNull(channel), appointment(a, appointment), null, number(version));
            return actions.act(actor, tenant, code, a, body, remote);
        })).map(d -> Redirects.seeOther(href(tenant, code) + "?done=" + a.wire()));
        return done.onFailure(e -> e instanceof ProblemException p && refusedHere(p)).recoverWithUni(e -> {
            ProblemException p = (ProblemException) e;
            String field = a.wire() + "-submit";
            if (!p.fieldErrors().isEmpty()) {
                // The use case names its fields (reason, to, ...): on the page they are this action's (refuse-reason, ...).
                List<ProblemException.FieldError> mine = p.localized(page.locale()).fieldErrors().stream()
                        .map(f -> new ProblemException.FieldError(f.field().startsWith("document-") ? f.field() : a.wire() + "-" + f.field(),
                                f.message(), null, List.of())).toList();
                page.refused(new ProblemException(p.type(), mine, p.args().toArray()));
            } else {
                page.refused(p, field);
            }
            return render(tenant, code, null, a, typed, remote, Response.Status.fromStatusCode(p.type().status()));
        });
    }

    /** A paper's scan, attached at reception (số hóa): then the page again, at that paper. */
    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.attach")
    public Uni<Response> scan(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, @RestForm("document") String document,
            @RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        Integer n = number(document);
        String field = "document-" + (n == null ? 1 : n);
        Uni<Response> done = Uni.createFrom().deferred(() -> {
            if (n == null) {
                throw DossierCommands.validation("document", FieldIssue.NO_SUCH_DOCUMENT, "?");
            }
            if (file == null || file.size() == 0) {
                throw DossierCommands.validation("file", FieldIssue.EMPTY_FILE);
            }
            // Read through this tenant's console first: the officer must work here (404 otherwise).
            return reads.readAt(actor, tenant, code, remote).chain(read -> attachments.attach(actor, code, n, file.fileName(),
                    file.uploadedFile(), file.size(), remote));
        }).map(a -> Redirects.seeOther(href(tenant, code) + "#" + field));
        return done.onFailure(e -> e instanceof ProblemException p && p.type().status() >= 400 && p.type().status() < 500
                && p.type() != ProblemType.DOSSIER_NOT_FOUND && p.type() != ProblemType.TENANT_FORBIDDEN && p.type() != ProblemType.ACTION_FORBIDDEN)
                .recoverWithUni(e -> {
                    ProblemException p = (ProblemException) e;
                    page.refused(p.fieldErrors().isEmpty() ? p : new ProblemException(p.type(), p.localized(page.locale()).fieldErrors().stream()
                            .map(x -> new ProblemException.FieldError(field, x.message(), null, List.of())).toList(), p.args().toArray()), field);
                    return render(tenant, code, null, null, Map.of(), remote, Response.Status.fromStatusCode(p.type().status()));
                });
    }

    /** A paper marked exempt from scanning, with why (Circular 03/2025), or the mark withdrawn (no exemption chosen). */
    @POST
    @Path("/documents/{document}/exemption")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.attach")
    public Uni<Response> exempt(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, @PathParam("document") String document,
            @RestForm String exemption, @RestForm String note, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        Integer n = number(document);
        String field = "document-" + (n == null ? 1 : n);
        return Uni.createFrom().deferred(() -> {
            if (n == null) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            if (exemption == null) {
                // The form always sends its list (blank for "not exempt"): a post without it is not this form's.
                throw DossierCommands.validation("exemption", FieldIssue.REQUIRED);
            }
            return digitization.mark(actor, tenant, code, n, exemption, note, remote);
        }).map(states -> Redirects.seeOther(href(tenant, code) + "#" + field))
                .onFailure(e -> e instanceof ProblemException p && (p.type() == ProblemType.VALIDATION_FAILED || p.type() == ProblemType.ILLEGAL_TRANSITION))
                .recoverWithUni(e -> {
                    ProblemException p = (ProblemException) e;
                    page.refused(p.fieldErrors().isEmpty() ? p : new ProblemException(p.type(), p.localized(page.locale()).fieldErrors().stream()
                            .map(x -> new ProblemException.FieldError(field, x.message(), null, List.of())).toList(), p.args().toArray()), field);
                    return render(tenant, code, null, null, Map.of(), remote, Response.Status.fromStatusCode(p.type().status()));
                });
    }

    /** An attachment shown inline, with its own type, never as the page's: nothing in it runs. */
    @GET
    @Path("/files/{id}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.read")
    public Uni<Response> file(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, @PathParam("id") String id,
            HttpServerRequest request) {
        return attachments.readAt(Actor.from(identity), tenant, code, id, ClientAddress.of(request))
                .map(s -> vn.motcua.platform.web.InlineFiles.of(s.bytes(), s.contentType(), s.disposition()));
    }

    /** What an officer is told on the page rather than on an error page: what they typed, or what the dossier is now. */
    private static boolean refusedHere(ProblemException p) {
        return switch (p.type()) {
            case VALIDATION_FAILED, ILLEGAL_TRANSITION, CONCURRENT_CHANGE, ACTION_FORBIDDEN -> true;
            default -> false;
        };
    }

    /** A supplement request's reason: the papers ticked in the checklist, then what the officer wrote. */
    private String checklist(DossierRead read, List<String> documents, String reason) {
        Procedure.Version v = catalog.versionAt(read.dossier().procedureCode, read.dossier().procedureVersion);
        List<String> names = new ArrayList<>();
        if (documents != null) {
            for (String n : documents.stream().distinct().limit(v.documents().size()).toList()) {
                int i = number(n) == null ? -1 : number(n) - 1;
                if (i < 0 || i >= v.documents().size()) {
                    throw DossierCommands.validation("document", FieldIssue.NO_SUCH_DOCUMENT, n);
                }
                names.add(v.documents().get(i).name().vi());
            }
        }
        if (names.isEmpty()) {
            return reason;
        }
        String list = Desk.text(Locale.forLanguageTag("vi"), "supplement_list", List.of(String.join("; ", names)));
        return reason == null || reason.isBlank() ? list : list + "\n" + reason.strip();
    }

    /** The new appointment of an apology, a day: at the start of the desk's morning of that day. */
    private static OffsetDateTime appointment(DossierAction a, String typed) {
        if (a != DossierAction.APOLOGIZE || typed == null || typed.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(typed.strip());
            if (day.getYear() < 2000 || day.getYear() > 2200) {
                throw new java.time.format.DateTimeParseException("out of range", typed, 0);
            }
            return day.atTime(LocalTime.of(8, 0)).atZone(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw DossierCommands.validation("appointment", FieldIssue.NOT_DATE);
        }
    }

    private static Integer number(String s) {
        if (s == null || s.isBlank() || s.length() > 9) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Uni<Response> render(String tenant, String code, String notice, DossierAction refused, Map<String, String> typed, String remote,
            Response.Status status) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        return reads.readAt(actor, tenant, code, remote).chain(read -> {
            Dossier d = read.dossier();
            List<DossierAction> open = open(actor, tenant, read);
            Uni<List<StaffDirectory.Member>> colleagues = open.contains(DossierAction.ASSIGN)
                    ? staff.colleagues(actor, tenant).onFailure().recoverWithItem(List.of())
                    : Uni.createFrom().item(List.of());
            Uni<List<Digitization.ComponentState>> states = digitization.states(actor, tenant, code);
            return Uni.combine().all().unis(tenants.tree(), calendars.of(d.tenantId), colleagues, states, payments.panel(actor, tenant, read, locale))
                    .with((tree, calendar, members, st, pay) -> {
                DossierView view = view(tenant, read, open, tree, calendar, members, st, mayDigitize(actor, tenant, d), notice, refused, typed,
                        locale);
                return Response.status(status).entity(Templates.dossier(view, pay)).header("Cache-Control", "no-store").build();
            });
        });
    }

    /** The actions this officer may take now: what the state allows, what their roles allow, where they work. */
    private List<DossierAction> open(Actor actor, String tenant, DossierRead read) {
        Dossier d = read.dossier();
        if (!actor.tenants().contains(tenant)) {
            return List.of();
        }
        boolean hasParts = !d.isPart() && catalog.versionAt(d.procedureCode, d.procedureVersion).interconnected();
        return DossierCommands.allowed(d, hasParts).stream().filter(a -> ActOnDossier.actsAt(d, tenant, a))
                .filter(a -> a.permission().grantedTo(actor))
                .filter(a -> a != DossierAction.APOLOGIZE || read.at().isAfter(d.dueAt)).toList();
    }

    /** Whether this officer may scan or exempt the dossier's papers now: one handed in on paper, open, held here. */
    private static boolean mayDigitize(Actor actor, String tenant, Dossier d) {
        return Exemption.onPaper(d.channel) && d.closedAt == null && d.tenantId.equals(tenant) && actor.tenants().contains(tenant)
                && vn.motcua.identity.Permission.ATTACH.grantedTo(actor);
    }

    private DossierView view(String tenant, DossierRead read, List<DossierAction> open, TenantTree tree, WorkingCalendar calendar,
            List<StaffDirectory.Member> members, List<Digitization.ComponentState> states, boolean digitize, String notice,
            DossierAction refused, Map<String, String> typed, Locale locale) {
        Dossier d = read.dossier();
        OffsetDateTime now = read.at();
        Procedure.Version v = catalog.versionAt(d.procedureCode, d.procedureVersion);
        java.util.function.Function<String, String> office = t -> t == null ? null : tree.find(t).map(x -> x.name().in(locale)).orElse(t);
        Deadlines.Timeliness t = Deadlines.timeliness(d.dueAt, d.closedAt, now, d.paused());
        long left = d.paused() && d.minutesLeft != null ? d.minutesLeft : calendar.workingMinutesBetween(now, d.dueAt);

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(Desk.text(locale, "fact_applicant"), d.applicantName));
        add(facts, Desk.text(locale, "fact_citizen_id"), d.applicantId);
        add(facts, Desk.text(locale, "fact_phone"), d.applicantPhone);
        if (d.relationship != null && !"self".equals(d.relationship)) {
            add(facts, Desk.text(locale, "fact_submitted_by"), d.submittedByName + " (" + d.relationship + ")");
        }
        facts.add(new Fact(Desk.text(locale, "fact_channel"), Desk.text(locale, "channel_" + d.channel.replace('-', '_'))));
        facts.add(new Fact(Desk.text(locale, "fact_submitted"), Desk.at(d.submittedAt)));
        facts.add(new Fact(Desk.text(locale, "fact_received_by"), office.apply(d.receivedBy)));
        if (d.competentTenant != null && !d.competentTenant.equals(d.receivedBy)) {
            facts.add(new Fact(Desk.text(locale, "fact_competent"), office.apply(d.competentTenant)));
        }
        facts.add(new Fact(Desk.text(locale, "fact_held_by"), office.apply(d.tenantId)));
        facts.add(new Fact(Desk.text(locale, "fact_due"), Desk.at(d.dueAt)));
        add(facts, Desk.text(locale, "fact_appointment"), Desk.at(d.appointmentAt));
        add(facts, Desk.text(locale, "fact_delay_reason"), d.delayReason);
        facts.add(new Fact(Desk.text(locale, "fact_return"), Desk.text(locale, "return_" + d.returnChannel.replaceAll("[^a-z]", ""))));
        add(facts, Desk.text(locale, "fact_delivery_address"), d.deliveryAddress);
        facts.add(new Fact(Desk.text(locale, "fact_fee"), String.format(Locale.ROOT, "%,d đ", d.fee).replace(',', '.')));

        List<Fact> form = new ArrayList<>();
        flatten(form, v.form(), d.form == null ? Map.of() : d.form.getMap(), "", locale);

        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            int n = i + 1;
            Procedure.RequiredDocument doc = v.documents().get(i);
            Digitization.ComponentState st = states.stream().filter(x -> x.document() == n).findFirst().orElse(null);
            String exemption = st == null ? null : st.exemption();
            papers.add(new Paper(n, doc.name().in(locale), doc.optional(), read.files().stream().filter(f -> f.document() == n)
                    .map(f -> new FileView(href(tenant, d.receiptCode) + "/files/" + f.id(), f.fileName(), size(f.storedBytes()), f.image(),
                            "application/pdf".equals(f.contentType())))
                    .toList(), exemption == null ? null : Desk.text(locale, "exemption_" + exemption.replace('-', '_')),
                    st == null ? null : st.note(), digitize,
                    java.util.Arrays.stream(Exemption.values()).map(x -> new Choice(x.wire(), Desk.text(locale, "exemption_"
                            + x.wire().replace('-', '_')), x.wire().equals(exemption))).toList()));
        }

        List<StepView> steps = new ArrayList<>();
        for (Dossier.Step s : d.steps) {
            boolean current = d.currentStep != null && d.currentStep == s.seq && d.closedAt == null;
            String state;
            String late = null;
            if (s.endedAt != null) {
                Deadlines.Timeliness st = Deadlines.timeliness(s.dueAt, s.endedAt, now, false);
                state = Desk.text(locale, "step_" + st.name().toLowerCase(Locale.ROOT));
                if (st == Deadlines.Timeliness.LATE) {
                    late = Desk.amount(calendar.workingMinutesBetween(s.dueAt, s.endedAt), locale);
                }
            } else if (current) {
                state = Desk.text(locale, d.paused() ? "step_paused" : "step_current");
                if (!d.paused() && s.dueAt != null && now.isAfter(s.dueAt)) {
                    late = Desk.amount(calendar.workingMinutesBetween(s.dueAt, now), locale);
                }
            } else {
                state = Desk.text(locale, "step_waiting");
            }
            steps.add(new StepView(DossierRead.stepName(v, s.code).in(locale), office.apply(s.tenantId), s.role == null ? null : ConsoleStaffResource.label(s.role, locale),
                    s.holderName, Desk.at(s.startedAt), Desk.at(s.endedAt), Desk.at(s.dueAt), state, late,
                    late == null ? null : office.apply(s.tenantId) + (s.holderName == null ? "" : " — " + s.holderName), current));
        }

        List<EventView> history = new ArrayList<>();
        List<DossierRead.HistoryEntry> entries = read.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            DossierRead.HistoryEntry e = entries.get(i);
            history.add(new EventView(Desk.at(e.at()), MessagesOrCode.action(e.action(), locale), e.by(), office.apply(e.tenant()), e.reason()));
        }

        List<ActionForm> forms = new ArrayList<>();
        for (DossierAction a : open) {
            boolean again = a == refused;
            String typedReason = again ? typed.getOrDefault("reason", "") : "";
            forms.add(switch (a) {
                case ASSIGN -> form(a, locale, true, false, colleagues(members, d, again ? typed.get("assignee") : null, locale), List.of(),
                        List.of(), false, List.of(), typedReason, "");
                case REFUSE, REJECT -> form(a, locale, true, true, List.of(), List.of(), List.of(), false, List.of(), typedReason, "");
                case REQUEST_SUPPLEMENT -> form(a, locale, true, false, List.of(), List.of(), List.of(), false,
                        documents(v, again ? typed.get("documents") : null, locale), typedReason, "");
                case FORWARD -> form(a, locale, true, true, List.of(), offices(tree, v, d, again ? typed.get("to") : null, locale), List.of(),
                        false, List.of(), typedReason, "");
                case RETURN -> form(a, locale, false, false, List.of(), List.of(), channels(d, again ? typed.get("channel") : null, locale),
                        false, List.of(), "", "");
                case APOLOGIZE -> form(a, locale, true, true, List.of(), List.of(), List.of(), true, List.of(), typedReason,
                        again ? typed.getOrDefault("appointment", "") : "");
                default -> form(a, locale, false, false, List.of(), List.of(), List.of(), false, List.of(), "", "");
            });
        }
        return new DossierView(tree.find(tenant).orElseThrow(), d.receiptCode, v.name().in(locale), Desk.status(d.status, locale),
                Desk.text(locale, "timeliness_" + t.name().toLowerCase(Locale.ROOT)), t == Deadlines.Timeliness.LATE,
                d.closedAt == null ? Desk.left(left, d.paused(), locale) : null, notice, facts, form, papers, steps, history, forms, d.version,
                "/console/" + tenant + "/queue", d.tenantId.equals(tenant), d.tenantId.equals(tenant) ? null : office.apply(d.tenantId),
                Exemption.onPaper(d.channel), attachments.maxBytes() / (1024 * 1024), printable(tenant, read, locale));
    }

    /**
     * The printed forms of Circular 03/2025 this dossier has an event for (label, address): the receipt once received,
     * each letter once its event is in the history, the control slip always.
     */
    private static List<Fact> printable(String tenant, DossierRead read, Locale locale) {
        java.util.Set<String> done = read.entries().stream().map(DossierRead.HistoryEntry::action).collect(java.util.stream.Collectors.toSet());
        Dossier d = read.dossier();
        List<Fact> out = new ArrayList<>();
        String base = href(tenant, d.receiptCode) + "/forms/";
        if (d.status != DossierStatus.SUBMITTED && d.status != DossierStatus.REFUSED) {
            out.add(new Fact(Desk.text(locale, "form_receipt"), base + "receipt.pdf"));
        }
        for (String[] f : new String[][] { { "request-supplement", "supplement-request" }, { "refuse", "refusal" }, { "apologize", "apology" },
                { "reject", "stop-notice" } }) {
            if (done.contains(f[0])) {
                out.add(new Fact(Desk.text(locale, "form_" + f[1].replace('-', '_')), base + f[1] + ".pdf"));
            }
        }
        out.add(new Fact(Desk.text(locale, "form_control_slip"), base + "control-slip.pdf"));
        return out;
    }

    private static ActionForm form(DossierAction a, Locale locale, boolean reason, boolean reasonRequired, List<Choice> colleagues,
            List<Choice> offices, List<Choice> channels, boolean appointment, List<Choice> documents, String typedReason, String typedDay) {
        String key = a.name().toLowerCase(Locale.ROOT);
        boolean primary = switch (a) {
            case RECEIVE, PROPOSE, APPROVE, MARK_RESULT_READY, RETURN -> true;
            default -> false;
        };
        return new ActionForm(a.wire(), Desk.text(locale, "action_" + key), Desk.text(locale, "hint_" + key), primary, reason, reasonRequired,
                colleagues, offices, channels, appointment, documents, typedReason, typedDay);
    }

    /** The colleagues whose role holds the current step (anyone of the office when the step names no role). */
    private static List<Choice> colleagues(List<StaffDirectory.Member> members, Dossier d, String typed, Locale locale) {
        String role = d.current().map(s -> s.role).orElse(null);
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", Desk.text(locale, "assign_myself"), typed == null || typed.isBlank()));
        members.stream().filter(m -> role == null || m.roles().contains(role)).forEach(m -> out.add(new Choice(m.username(),
                Desk.fullName(m.lastName(), m.firstName(), m.username()) + " (" + m.username() + ")", m.username().equals(typed))));
        return out;
    }

    /** Where a dossier may be forwarded: the offices above the one holding it, then the competent ones beside it. */
    private static List<Choice> offices(TenantTree tree, Procedure.Version v, Dossier d, String typed, Locale locale) {
        List<Tenant> candidates = new ArrayList<>(tree.ancestors(d.tenantId));
        java.util.Collections.reverse(candidates);
        tree.ancestors(d.tenantId).stream().reduce((first, second) -> second).ifPresent(parent -> tree.descendants(parent.code()).stream()
                .filter(x -> !x.code().equals(d.tenantId) && v.offeredAt(x)).forEach(candidates::add));
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", Desk.text(locale, "choose"), typed == null || typed.isBlank()));
        candidates.stream().distinct().limit(MAX_FORWARD_CHOICES)
                .forEach(x -> out.add(new Choice(x.code(), x.name().in(locale), x.code().equals(typed))));
        return out;
    }

    private static List<Choice> channels(Dossier d, String typed, Locale locale) {
        String chosen = typed == null || typed.isBlank() ? ("post".equals(d.returnChannel) ? "post" : "counter") : typed;
        return List.of("counter", "post").stream().map(c -> new Choice(c, Desk.text(locale, "return_" + c), c.equals(chosen))).toList();
    }

    private static List<Choice> documents(Procedure.Version v, String typed, Locale locale) {
        List<String> ticked = typed == null || typed.isBlank() ? List.of() : List.of(typed.split(","));
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            String n = String.valueOf(i + 1);
            out.add(new Choice(n, v.documents().get(i).name().in(locale), ticked.contains(n)));
        }
        return out;
    }

    /** The form's answers as label and value; a group's fields under its label. */
    @SuppressWarnings("unchecked")
    private static void flatten(List<Fact> out, List<Procedure.FormField> fields, Map<String, Object> values, String prefix, Locale locale) {
        for (Procedure.FormField f : fields) {
            Object value = values.get(f.name());
            if (value == null) {
                continue;
            }
            String label = prefix + f.label().in(locale);
            if (!f.fields().isEmpty() && value instanceof Map<?, ?> group) {
                flatten(out, f.fields(), (Map<String, Object>) group, label + " › ", locale);
            } else if (value instanceof io.vertx.core.json.JsonObject group && !f.fields().isEmpty()) {
                flatten(out, f.fields(), group.getMap(), label + " › ", locale);
            } else {
                String shown = String.valueOf(value);
                for (Procedure.Option o : f.options()) {
                    if (o.value().equals(shown)) {
                        shown = o.label().in(locale);
                    }
                }
                out.add(new Fact(label, shown));
            }
        }
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0) : Math.max(1, bytes / 1024) + " KB";
    }

    /** An event's action in the desk's words; an action the bundle does not name (a new one) shows its code. */
    static final class MessagesOrCode {
        private MessagesOrCode() {
        }

        static String action(String action, Locale locale) {
            String key = "event_" + action.replace('-', '_').replace('.', '_');
            return vn.motcua.platform.i18n.MessageKeys.has(DeskMessages.class, key) ? Desk.text(locale, key) : action;
        }
    }
}
