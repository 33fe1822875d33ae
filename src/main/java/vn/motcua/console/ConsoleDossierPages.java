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
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
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
import vn.motcua.tenant.TenantDirectory;

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

    private final ConsolePayments payments;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dossier(DossierSheet.DossierView view, ConsolePayments.Panel pay);
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
    private final DossierSheet sheet;

    ConsoleDossierPages(ConsolePayments payments, ReadDossier reads, ActOnDossier actions, AttachmentService attachments, StaffService staff, CatalogService catalog,
            TenantDirectory tenants, CalendarService calendars, PageContext page, SecurityIdentity identity, Digitization digitization,
            DossierSheet sheet) {
        this.payments = payments;
        this.digitization = digitization;
        this.sheet = sheet;
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
            // The use case names its fields (reason, to, ...): on the page they are this action's (refuse-reason, ...).
            page.refusedAs(p, f -> f.startsWith("document-") ? f : a.wire() + "-" + f, a.wire() + "-submit");
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
                    page.refusedAs(p, x -> field, field);
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
                    page.refusedAs(p, x -> field, field);
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
                DossierSheet.DossierView view = sheet.view(tenant, read, open, tree, calendar, members, st, mayDigitize(actor, tenant, d), notice, refused, typed,
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
}
