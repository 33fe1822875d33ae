package vn.motcua.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.usecase.ActOnDossier;
import vn.motcua.dossier.usecase.DossierRequests;
import vn.motcua.dossier.usecase.WorkQueue;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The desk's live queue (hàng đợi hồ sơ) in the console: its queues with their counts, a search, one page of 50 rows
 * soonest due first, and assigning several dossiers at once. Without JavaScript the counts are as of the page's
 * load and a refresh link reloads it; with it, a small module listens to {@code queue/events} (Server-Sent Events,
 * signalled from PostgreSQL on every replica) and re-reads {@code queue/counts}, polling every 30 s when the stream is
 * refused. Parses and renders only: the rules are {@link WorkQueue}'s and {@link ActOnDossier}'s.
 */
@Path("/console/{tenant}/queue")
@Authenticated
public class ConsoleQueuePages {

    /** Rows a page shows: a desk PC's screen, and the server's budget at 1 M dossiers (docs/benchmarks.md). */
    static final int PAGE_SIZE = 50;

    /** At most this many dossiers assigned in one go: a page's worth. */
    static final int MAX_ASSIGN = PAGE_SIZE;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance queue(QueueView view);
    }

    /** One of the desk's queues as a tab: its label, its count, whether it is shown, whether it calls for attention. */
    @TemplateData
    public record TabView(String code, String label, long count, String href, boolean current, boolean alert) {
    }

    /**
     * A row. {@code pickable} and {@code picked} (its checkbox for assigning) are the row's own rather than read off the
     * page inside the loop: Qute looks a name that is not the row's up through every value resolver before the
     * page's, which made those two look-ups the page's largest cost at 50 rows (profiled at 1 M dossiers). For the same
     * reason its words are worded here ({@link Desk#text}, whose rendered messages are kept) rather than by a message
     * call in the rows' loop, which creates two template instances per row and message.
     *
     * @param online   the "online" tag's word, or {@code null} for a dossier taken in on paper
     * @param heldBy   "held by …" worded, or {@code null} when this tenant holds it
     * @param pick     the hidden label of the row's checkbox
     */
    @TemplateData
    public record RowView(String code, String href, String applicant, String procedure, String status, String step, String holder,
            String due, String left, boolean late, boolean soon, boolean stopped, String online, String heldBy, boolean pickable,
            boolean picked, String pick) {
    }

    /** A colleague one may assign to. */
    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    /** The page. */
    @TemplateData
    public record QueueView(Tenant tenant, String tab, String tabLabel, List<TabView> tabs, String q, List<RowView> rows, String next,
            String refresh, String countedAt, long online, long soon, long late, boolean mayAssign, List<Choice> colleagues,
            String reason, String notice, boolean mayTakeIn) {
    }

    private final WorkQueue queue;
    private final ActOnDossier actions;
    private final StaffService staff;
    private final TenantDirectory tenants;
    private final CatalogService catalog;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleQueuePages(WorkQueue queue, ActOnDossier actions, StaffService staff, TenantDirectory tenants, CatalogService catalog,
            PageContext page, SecurityIdentity identity) {
        this.queue = queue;
        this.actions = actions;
        this.staff = staff;
        this.tenants = tenants;
        this.catalog = catalog;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "queue.read")
    public Uni<Response> queue(@PathParam("tenant") String tenant, @QueryParam("tab") String tab, @QueryParam("q") String q,
            @QueryParam("after") String after, @QueryParam("assigned") String assigned) {
        Actor actor = Actor.from(identity);
        WorkQueue.Tab t = WorkQueue.Tab.of(tab == null ? "" : tab.strip()).orElse(WorkQueue.Tab.ALL);
        String notice = assigned == null ? null : words().queue_assigned(count(assigned));
        // A receipt code typed in the search opens that dossier, as a desk officer expects of a code read off a slip.
        return queue.codeSearched(actor, tenant, q).chain(code -> code.isPresent()
                ? Uni.createFrom().item(Redirects.seeOther(ConsoleDossierPages.href(tenant, code.get())))
                : render(actor, tenant, t, q, after, notice, List.of(), null, Response.Status.OK))
                .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.VALIDATION_FAILED).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "q", Map.of("q", words().queue_search()));
                    return render(actor, tenant, t, null, null, null, List.of(), null, Response.Status.BAD_REQUEST);
                });
    }

    /** How many dossiers each queue holds now: what the live module reads when told the queue changed. */
    @GET
    @Path("/counts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "queue.read")
    public Uni<Response> counts(@PathParam("tenant") String tenant) {
        return queue.counts(Actor.from(identity), tenant).map(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (WorkQueue.Tab t : WorkQueue.Tab.values()) {
                counts.put(t.wire(), c.of(t));
            }
            return Response.ok(counts).header("Cache-Control", "no-store").build();
        });
    }

    /**
     * A ping whenever this tenant's queues change, and another every 25 s so that proxies
     * keep the stream open. The browser reconnects by itself; the module re-reads the counts on each ping. Who may
     * open it is checked before it opens ({@link LiveStreamGuard}).
     */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @LiveStream
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "queue.read")
    public Multi<String> events(@PathParam("tenant") String tenant) {
        Actor actor = Actor.from(identity);
        return queue.changes(actor, tenant).onItem().transformToMulti(changes -> Multi.createBy().merging().streams(
                Multi.createFrom().item("open"),
                changes.map(t -> "changed"),
                Multi.createFrom().ticks().every(Duration.ofSeconds(25)).onOverflow().drop().map(n -> "ping")));
    }

    /** Several dossiers assigned at once, each with the same reason in its history; refused ones are listed by code. */
    @POST
    @Path("/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.assign")
    public Uni<Response> assign(@PathParam("tenant") String tenant, @RestForm("code") List<String> codes, @RestForm String assignee,
            @RestForm String reason, @RestForm String tab, @RestForm String q, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        WorkQueue.Tab t = WorkQueue.Tab.of(tab == null ? "" : tab.strip()).orElse(WorkQueue.Tab.ALL);
        List<String> chosen = codes == null ? List.of() : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (chosen.isEmpty()) {
            errors.add(ProblemException.FieldError.of("codes", FieldIssue.REQUIRED));
        } else if (chosen.size() > MAX_ASSIGN) {
            errors.add(ProblemException.FieldError.of("codes", FieldIssue.OUT_OF_RANGE, 1, MAX_ASSIGN));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(ProblemException.FieldError.of("reason", FieldIssue.REQUIRED));
        }
        List<String> kept = chosen.size() > MAX_ASSIGN ? List.of() : chosen;
        if (!errors.isEmpty()) {
            page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size()), "codes", labels());
            return render(actor, tenant, t, q, null, null, kept, new Typed(assignee, reason), Response.Status.BAD_REQUEST);
        }
        DossierRequests.Action body = new DossierRequests.Action(reason, assignee, null, null, null, null, null);
        // One by one, in the order chosen: each is its own command (its own transaction and history), and one refused
        // does not undo the others.
        return Multi.createFrom().iterable(chosen).onItem().transformToUniAndConcatenate(code -> actions
                .act(actor, tenant, code, DossierAction.ASSIGN, body, remote).map(d -> (ProblemException) null)
                .onFailure(ProblemException.class).recoverWithItem(e -> ((ProblemException) e).with("code", code)))
                .collect().asList().chain(outcomes -> {
                    List<ProblemException> refused = outcomes.stream().filter(o -> o != null).toList();
                    if (refused.isEmpty()) {
                        return Uni.createFrom().item(Redirects.seeOther("/console/" + tenant + "/queue?tab=" + t.wire() + "&assigned="
                                + chosen.size()));
                    }
                    // A field error (the colleague) is the same for every dossier: said once, beside the field.
                    ProblemException first = refused.get(0);
                    if (!first.fieldErrors().isEmpty()) {
                        page.refused(first, "assignee", labels());
                    } else {
                        List<ProblemException.FieldError> each = refused.stream().map(p -> new ProblemException.FieldError("codes",
                                words().queue_assign_refused(String.valueOf(p.extensions().get("code")),
                                        ProblemTexts.detail(p.type(), page.locale(), p.args())), null, List.of())).toList();
                        page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, each, each.size()));
                    }
                    int done = chosen.size() - refused.size();
                    return render(actor, tenant, t, q, null, done == 0 ? null : words().queue_assigned(done),
                            refused.stream().map(p -> String.valueOf(p.extensions().get("code"))).toList(), new Typed(assignee, reason),
                            Response.Status.fromStatusCode(first.type().status()));
                });
    }

    /** What was typed in the assignment form, kept when it is refused. */
    record Typed(String assignee, String reason) {
    }

    private Map<String, String> labels() {
        DeskMessages m = words();
        return Map.of("codes", m.queue_select_heading(), "assignee", m.assign_to(), "reason", m.reason());
    }

    private Uni<Response> render(Actor actor, String tenant, WorkQueue.Tab tab, String q, String after, String notice, List<String> selected,
            Typed typed, Response.Status status) {
        Locale locale = page.locale();
        DeskMessages m = words();
        boolean mayAssign = Permission.ASSIGN.grantedTo(actor) && actor.tenants().contains(tenant);
        Uni<List<Choice>> colleagues = mayAssign ? staff.colleagues(actor, tenant).map(list -> {
            List<Choice> out = new ArrayList<>();
            out.add(new Choice("", m.assign_myself(), typed == null || typed.assignee() == null || typed.assignee().isBlank()));
            list.forEach(s -> out.add(new Choice(s.username(), Desk.fullName(s.lastName(), s.firstName(), s.username()) + " ("
                    + s.username() + ")", typed != null && s.username().equals(typed.assignee()))));
            return out;
        }).onFailure().recoverWithItem(List.of(new Choice("", m.assign_myself(), true))) : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(queue.counts(actor, tenant),
                queue.page(actor, tenant, new WorkQueue.Query(tab, null, null, q), after, PAGE_SIZE),
                tenants.tree(), colleagues).with((counts, rows, tree, choices) -> {
                    String query = q == null || q.isBlank() ? "" : "&q=" + java.net.URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
                    List<TabView> tabs = new ArrayList<>();
                    for (WorkQueue.Tab t : WorkQueue.Tab.values()) {
                        if (t == WorkQueue.Tab.FOR_OTHERS && counts.forOthers() == 0 && tab != t) {
                            continue;
                        }
                        tabs.add(new TabView(t.wire(), Desk.text(locale, "tab_" + t.wire().replace('-', '_')), counts.of(t),
                                "/console/" + tenant + "/queue?tab=" + t.wire(), t == tab,
                                (t == WorkQueue.Tab.ONLINE || t == WorkQueue.Tab.SOON || t == WorkQueue.Tab.LATE) && counts.of(t) > 0));
                    }
                    List<RowView> list = rows.entries().stream().map(e -> {
                        boolean late = e.timeliness() == vn.motcua.dossier.domain.Deadlines.Timeliness.LATE;
                        return new RowView(e.receiptCode(), ConsoleDossierPages.href(tenant, e.receiptCode()), e.applicantName(),
                                Desk.procedureName(catalog, e.procedureCode(), e.procedureVersion(), locale), Desk.status(e.status(), locale),
                                e.stepCode() == null ? null : Desk.stepName(catalog, e.procedureCode(), e.procedureVersion(), e.stepCode(), locale),
                                e.holderName(), Desk.at(e.dueAt()), Desk.left(e.workingMinutesLeft(), e.clockStopped(), locale), late, e.nearlyLate(),
                                e.clockStopped(), e.online() ? Desk.text(locale, "online") : null,
                                e.heldBy().equals(tenant) ? null : Desk.text(locale, "held_by",
                                        List.of(tree.find(e.heldBy()).map(x -> x.name().in(locale)).orElse(e.heldBy()))),
                                mayAssign, selected.contains(e.receiptCode()),
                                mayAssign ? Desk.text(locale, "pick", List.of(e.receiptCode())) : null);
                    }).toList();
                    String next = rows.next() == null ? null : "/console/" + tenant + "/queue?tab=" + tab.wire() + query + "&after=" + rows.next();
                    QueueView view = new QueueView(tree.find(tenant).orElseThrow(), tab.wire(),
                            Desk.text(locale, "tab_" + tab.wire().replace('-', '_')), tabs, q == null ? "" : q, list, next,
                            "/console/" + tenant + "/queue?tab=" + tab.wire() + query, Desk.time(counts.at()), counts.online(), counts.soon(),
                            counts.late(), mayAssign, choices, typed == null || typed.reason() == null ? "" : typed.reason(), notice,
                            Permission.SUBMIT_AT_COUNTER.grantedTo(actor) && actor.tenants().contains(tenant));
                    return Response.status(status).entity(Templates.queue(view)).header("Cache-Control", "no-store").build();
                });
    }

    private DeskMessages words() {
        return page.messages(DeskMessages.class);
    }

    private static int count(String s) {
        try {
            return Math.max(0, Math.min(MAX_ASSIGN, Integer.parseInt(s.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
