package vn.motcua.console;

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
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.usecase.PostalDeliveries;
import vn.motcua.dossier.usecase.PostalDelivery;
import vn.motcua.dossier.usecase.PostalItem;
import vn.motcua.dossier.usecase.PostalManifest;
import vn.motcua.dossier.usecase.PostalManifests;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The postal console (bàn làm việc của bưu điện), for a postal clerk at their post office: what the office took in
 * and has not handed over, grouped by the desk it goes to, each group made into a hand-over manifest in one click;
 * the manifests, each printable; the results to deliver, where each is (tracking number, delivered, failed and why)
 * and the next step as a plain form. No JavaScript. Parses and renders only: the rules are {@link PostalManifests}'
 * and {@link PostalDeliveries}'.
 */
@Path("/postal")
@Authenticated
public class PostalPages {

    @CheckedTemplate(basePath = "postal")
    static class Templates {
        static native TemplateInstance home(HomeView view);

        static native TemplateInstance manifest(ManifestView view);
    }

    /** A dossier taken in, in the list to hand over. */
    @TemplateData
    public record IntakeRow(String code, String applicant, String procedure, String submitted, boolean checked) {
    }

    /** The dossiers taken in for one desk: one manifest's form. */
    @TemplateData
    public record IntakeGroup(String tenant, String tenantName, List<IntakeRow> rows, String note) {

        public String id(String field) {
            return tenant + "-" + field;
        }
    }

    @TemplateData
    public record ManifestRow(String number, String href, String tenantName, String handedAt, int items, String state, boolean open) {
    }

    /** A result on the round and the form of its next step. */
    @TemplateData
    public record RoundRow(String code, String applicant, String phone, String address, String procedure, String tenantName,
            String state, String tracking, String reason, boolean onItsWay, boolean failed, String typedTracking, String typedReason) {

        public String id(String field) {
            return code + "-" + field;
        }
    }

    @TemplateData
    public record HomeView(String office, String officeName, String notice, List<IntakeGroup> groups, List<ManifestRow> manifests,
            List<RoundRow> round) {
    }

    @TemplateData
    public record LineView(int number, String code, String applicant, String procedure, String submitted, String received) {
    }

    @TemplateData
    public record ManifestView(String office, String officeName, String officeAddress, String number, String tenantName, String handedAt,
            String handedBy, String note, boolean confirmed, String confirmedAt, String confirmedBy, String confirmNote, List<LineView> lines,
            String notice) {
    }

    private final PostalManifests manifests;
    private final PostalDeliveries deliveries;
    private final TenantDirectory tenants;
    private final CatalogService catalog;
    private final PageContext page;
    private final SecurityIdentity identity;

    PostalPages(PostalManifests manifests, PostalDeliveries deliveries, TenantDirectory tenants, CatalogService catalog, PageContext page,
            SecurityIdentity identity) {
        this.manifests = manifests;
        this.deliveries = deliveries;
        this.tenants = tenants;
        this.catalog = catalog;
        this.page = page;
        this.identity = identity;
    }

    /** A clerk's console opens at their (first) post office. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "postal.list")
    public Response start() {
        Actor actor = Actor.from(identity);
        String first = actor.isStaff() ? actor.postalOffices().stream().sorted().findFirst().orElse(null) : null;
        if (first == null) {
            throw Problems.forbidden();
        }
        return Redirects.seeOther("/postal/" + first);
    }

    @GET
    @Path("/{office}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "postal.list")
    public Uni<Response> home(@PathParam("office") String office, @QueryParam("done") String done) {
        String notice = done == null ? null : switch (done.strip()) {
            case "sent", "delivered", "failed" -> words().text("done_" + done.strip());
            default -> null;
        };
        return render(office, notice, Map.of(), Response.Status.OK);
    }

    /** A manifest of the dossiers ticked for one desk; then its printable page. */
    @POST
    @Path("/{office}/manifests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "postal.list")
    public Uni<Response> make(@PathParam("office") String office, @RestForm String tenant, @RestForm("code") List<String> codes,
            @RestForm String note, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String group = tenant == null ? "" : tenant.strip();
        return Uni.createFrom().deferred(() -> manifests.make(actor, office, tenant, codes, note, ClientAddress.of(request)))
                .map(m -> Redirects.seeOther("/postal/" + office + "/manifests/" + m.id() + "?made=1"))
                .onFailure(e -> e instanceof ProblemException p && refusedHere(p)).recoverWithUni(e -> {
                    Map<String, String> typed = new LinkedHashMap<>();
                    typed.put("group", group);
                    typed.put("note", note == null ? "" : note);
                    typed.put("codes", codes == null ? "" : String.join(",", codes));
                    refused((ProblemException) e, group.matches("[a-z0-9-]{1,40}") ? group : "intake", "codes");
                    return render(office, null, typed, Response.Status.fromStatusCode(((ProblemException) e).type().status()));
                });
    }

    /** A manifest, as printed and signed at the hand-over. */
    @GET
    @Path("/{office}/manifests/{manifest}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "postal.list")
    public Uni<Response> manifest(@PathParam("office") String office, @PathParam("manifest") String manifest, @QueryParam("made") String made) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        return Uni.createFrom().deferred(() -> manifests.readAtOffice(actor, office, manifest)).chain(m -> tenants.tree().map(tree -> {
            var o = tree.postalOffice(office).orElseThrow();
            List<LineView> lines = new ArrayList<>();
            int n = 1;
            for (PostalManifest.Line l : m.lines()) {
                lines.add(new LineView(n++, l.receiptCode(), l.applicantName(), Desk.procedureName(catalog, l.procedureCode(), l.procedureVersion(),
                        locale), Desk.at(l.submittedAt()), received(l.received())));
            }
            ManifestView view = new ManifestView(office, o.name().in(locale), o.address(), m.number(), tenantName(tree, m.tenant(), locale),
                    Desk.at(m.handedAt()), m.handedBy(), m.note(), m.confirmed(), Desk.at(m.confirmedAt()), m.confirmedBy(), m.confirmNote(),
                    lines, made == null ? null : words().text("done_made"));
            return Response.ok(Templates.manifest(view)).header("Cache-Control", "no-store").build();
        }));
    }

    /** A result's next step: its tracking number ({@code step=send}), delivered, or failed with the reason. */
    @POST
    @Path("/{office}/deliveries/{receiptCode}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "postal.deliver")
    public Uni<Response> delivery(@PathParam("office") String office, @PathParam("receiptCode") String code, @RestForm String step,
            @RestForm String tracking, @RestForm String reason, @RestForm String note, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        String remote = ClientAddress.of(request);
        String s = step == null ? "" : step.strip();
        Uni<PostalDelivery> done = Uni.createFrom().deferred(() -> switch (s) {
            case "send" -> deliveries.send(actor, office, code, tracking, remote);
            case "delivered" -> deliveries.delivered(actor, office, code, note, remote);
            case "failed" -> deliveries.failed(actor, office, code, reason, remote);
            default -> throw new ProblemException(ProblemType.NOT_FOUND);
        });
        String done_ = s.equals("send") ? "sent" : s;
        return done.map(x -> Redirects.seeOther("/postal/" + office + "?done=" + done_ + "#round"))
                .onFailure(e -> e instanceof ProblemException p && refusedHere(p)).recoverWithUni(e -> {
                    Map<String, String> typed = new LinkedHashMap<>();
                    typed.put("row", code);
                    typed.put("tracking", tracking == null ? "" : tracking);
                    typed.put("reason", reason == null ? "" : reason);
                    refused((ProblemException) e, code.matches("[A-Za-z0-9.-]{1,40}") ? code : "round", s.equals("send") ? "tracking" : s.equals("failed") ? "reason" : "submit");
                    return render(office, null, typed, Response.Status.fromStatusCode(((ProblemException) e).type().status()));
                });
    }

    /** What the clerk is told on the page rather than on an error page. */
    static boolean refusedHere(ProblemException p) {
        return switch (p.type()) {
            case VALIDATION_FAILED, ILLEGAL_TRANSITION, CONCURRENT_CHANGE -> true;
            default -> false;
        };
    }

    /** The use case names its fields ({@code codes}, {@code tracking}, …): on the page they are one form's ({@code <group>-codes}). */
    private void refused(ProblemException p, String prefix, String field) {
        page.refusedAs(p, f -> prefix + "-" + f, prefix + "-" + field);
    }

    private Uni<Response> render(String office, String notice, Map<String, String> typed, Response.Status status) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        return Uni.combine().all().unis(manifests.notHandedOver(actor, office), manifests.ofOffice(actor, office), deliveries.round(actor, office),
                tenants.tree()).with((intake, made, round, tree) -> {
                    Map<String, List<IntakeRow>> byTenant = new LinkedHashMap<>();
                    List<String> ticked = typed.containsKey("codes") ? List.of(typed.get("codes").split(",")) : null;
                    for (PostalItem i : intake) {
                        boolean checked = ticked == null || !i.tenant().equals(typed.get("group")) || ticked.contains(i.receiptCode());
                        byTenant.computeIfAbsent(i.tenant(), k -> new ArrayList<>()).add(new IntakeRow(i.receiptCode(), i.applicantName(),
                                Desk.procedureName(catalog, i.procedure(), day(i.submittedAt()), locale), Desk.at(i.submittedAt()), checked));
                    }
                    List<IntakeGroup> groups = new ArrayList<>();
                    byTenant.forEach((t, rows) -> groups.add(new IntakeGroup(t, tenantName(tree, t, locale), rows,
                            t.equals(typed.get("group")) ? typed.getOrDefault("note", "") : "")));
                    List<ManifestRow> manifestRows = made.stream().map(m -> new ManifestRow(m.number(), "/postal/" + office + "/manifests/" + m.id(),
                            tenantName(tree, m.tenant(), locale), Desk.at(m.handedAt()), m.items(), manifestState(m), !m.confirmed())).toList();
                    List<RoundRow> roundRows = round.stream().map(r -> {
                        PostalItem i = r.item();
                        PostalDelivery x = r.latest();
                        boolean again = i.receiptCode().equals(typed.get("row"));
                        String state = x == null ? words().text("delivery_none") : words().text("delivery_" + x.state(),
                                List.of(x.tracking(), Desk.at(x.onItsWay() ? x.sentAt() : x.endedAt())));
                        return new RoundRow(i.receiptCode(), i.applicantName(), i.applicantPhone(), i.deliveryAddress(),
                                Desk.procedureName(catalog, i.procedure(), day(i.submittedAt()), locale), tenantName(tree, i.tenant(), locale), state,
                                x == null ? null : x.tracking(), x != null && PostalDelivery.FAILED.equals(x.state()) ? x.reason() : null,
                                x != null && x.onItsWay(), x != null && PostalDelivery.FAILED.equals(x.state()),
                                again ? typed.getOrDefault("tracking", "") : "", again ? typed.getOrDefault("reason", "") : "");
                    }).toList();
                    String officeName = tree.postalOffice(office).map(o -> o.name().in(locale)).orElse(office);
                    HomeView view = new HomeView(office, officeName, notice, groups, manifestRows, roundRows);
                    return Response.status(status).entity(Templates.home(view)).header("Cache-Control", "no-store").build();
                });
    }

    private String manifestState(PostalManifest m) {
        if (!m.confirmed()) {
            return words().text("manifest_open");
        }
        return m.missing() == 0 ? words().text("manifest_confirmed", List.of(Desk.at(m.confirmedAt())))
                : words().text("manifest_confirmed_missing", List.of(Desk.at(m.confirmedAt()), m.missing()));
    }

    private String received(Boolean received) {
        return received == null ? "" : words().text(received ? "line_received" : "line_missing");
    }

    static java.time.LocalDate day(java.time.OffsetDateTime t) {
        return t.atZoneSameInstant(vn.motcua.calendar.VietnameseLunarCalendar.VIETNAM).toLocalDate();
    }

    static String tenantName(TenantTree tree, String code, Locale locale) {
        return tree.find(code).map(t -> t.name().in(locale)).orElse(code);
    }

    private Words words() {
        return new Words(page.locale());
    }

    /** The postal bundle's keyed texts in the page's language. */
    record Words(Locale locale) {
        String text(String key) {
            return vn.motcua.platform.i18n.MessageKeys.text(PostalMessages.class, locale, key);
        }

        String text(String key, List<?> args) {
            return vn.motcua.platform.i18n.MessageKeys.text(PostalMessages.class, locale, key, args);
        }
    }
}
