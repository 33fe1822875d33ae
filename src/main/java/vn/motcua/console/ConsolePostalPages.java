package vn.motcua.console;

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
import vn.motcua.dossier.usecase.PostalManifest;
import vn.motcua.dossier.usecase.PostalManifests;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The desk's side of the post (bưu chính tại bộ phận một cửa): the post offices' hand-over manifests to confirm,
 * each dossier ticked as it arrived and the missing ones noted; and the results sent by post, with where each one is
 * (tracking number, delivered, or failed and why). Parses and renders only.
 */
@Path("/console/{tenant}/postal")
@Authenticated
public class ConsolePostalPages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance postal(DeskPostalView view);
    }

    @TemplateData
    public record LineChoice(String code, String label, String href, boolean checked) {
    }

    /** A manifest, and its confirmation form while it is open. */
    @TemplateData
    public record ManifestView(String id, String number, String officeName, String handedAt, String handedBy, String note, boolean open,
            String state, String confirmNote, List<LineChoice> lines, String typedNote) {

        public String field(String name) {
            return "m" + number + "-" + name;
        }
    }

    @TemplateData
    public record DeliveryView(String code, String href, String officeName, String tracking, String state, boolean failed,
            boolean delivered, String sentAt, String endedAt, String reason) {
    }

    @TemplateData
    public record DeskPostalView(Tenant tenant, boolean mayConfirm, String notice, List<ManifestView> open, List<ManifestView> confirmed,
            List<DeliveryView> deliveries) {
    }

    private final PostalManifests manifests;
    private final PostalDeliveries deliveries;
    private final TenantDirectory tenants;
    private final CatalogService catalog;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsolePostalPages(PostalManifests manifests, PostalDeliveries deliveries, TenantDirectory tenants, CatalogService catalog,
            PageContext page, SecurityIdentity identity) {
        this.manifests = manifests;
        this.deliveries = deliveries;
        this.tenants = tenants;
        this.catalog = catalog;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "queue.read")
    public Uni<Response> postal(@PathParam("tenant") String tenant, @QueryParam("confirmed") String confirmed) {
        String notice = confirmed == null || !confirmed.strip().matches("[0-9A-F]{8}") ? null
                : new PostalPages.Words(page.locale()).text("done_confirmed", List.of(confirmed.strip()));
        return render(tenant, notice, null, null, Response.Status.OK);
    }

    /** The desk confirms a manifest: the ticked dossiers arrived, the others are noted missing. */
    @POST
    @Path("/manifests/{manifest}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "postal.confirm")
    public Uni<Response> confirm(@PathParam("tenant") String tenant, @PathParam("manifest") String manifest,
            @RestForm("received") List<String> received, @RestForm String note, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        return Uni.createFrom().deferred(() -> manifests.confirm(actor, tenant, manifest, received, note, ClientAddress.of(request)))
                .map(m -> Redirects.seeOther("/console/" + tenant + "/postal?confirmed=" + m.number()))
                .onFailure(e -> e instanceof ProblemException p && PostalPages.refusedHere(p)).recoverWithUni(e -> {
                    ProblemException p = (ProblemException) e;
                    String prefix = "m" + PostalManifest.number(java.util.UUID.fromString(manifest));
                    page.refusedAs(p, f -> prefix + "-" + f, prefix + "-submit");
                    return render(tenant, null, manifest, note, Response.Status.fromStatusCode(p.type().status()));
                });
    }

    private Uni<Response> render(String tenant, String notice, String typedManifest, String typedNote, Response.Status status) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        PostalPages.Words words = new PostalPages.Words(locale);
        return Uni.combine().all().unis(manifests.toTenant(actor, tenant), deliveries.ofTenant(actor, tenant), tenants.tree())
                .with((list, sent, tree) -> {
                    List<ManifestView> open = new ArrayList<>();
                    List<ManifestView> done = new ArrayList<>();
                    for (PostalManifest m : list) {
                        String office = tree.postalOffice(m.office()).map(o -> o.name().in(locale)).orElse(m.office());
                        List<LineChoice> lines = m.lines().stream().map(l -> new LineChoice(l.receiptCode(), l.receiptCode() + " — "
                                + l.applicantName() + " — " + Desk.procedureName(catalog, l.procedureCode(), l.procedureVersion(), locale),
                                ConsoleDossierPages.href(tenant, l.receiptCode()), true)).toList();
                        String state = !m.confirmed() ? words.text("manifest_open")
                                : m.missing() == 0 ? words.text("manifest_confirmed", List.of(Desk.at(m.confirmedAt())))
                                : words.text("manifest_confirmed_missing", List.of(Desk.at(m.confirmedAt()), m.missing()));
                        ManifestView v = new ManifestView(m.id().toString(), m.number(), office, Desk.at(m.handedAt()), m.handedBy(), m.note(),
                                !m.confirmed(), state, m.confirmNote(), lines,
                                m.id().toString().equals(typedManifest) && typedNote != null ? typedNote : "");
                        (m.confirmed() ? done : open).add(v);
                    }
                    List<DeliveryView> ds = sent.stream().map(x -> new DeliveryView(x.receiptCode(), ConsoleDossierPages.href(tenant, x.receiptCode()),
                            tree.postalOffice(x.office()).map(o -> o.name().in(locale)).orElse(x.office()), x.tracking(),
                            words.text("state_" + x.state()), PostalDelivery.FAILED.equals(x.state()), PostalDelivery.DELIVERED.equals(x.state()),
                            Desk.at(x.sentAt()), Desk.at(x.endedAt()), x.reason())).toList();
                    boolean mayConfirm = Permission.POSTAL_CONFIRM.grantedTo(actor) && actor.tenants().contains(tenant);
                    DeskPostalView view = new DeskPostalView(tree.find(tenant).orElseThrow(), mayConfirm, notice, open, done, ds);
                    return Response.status(status).entity(Templates.postal(view)).header("Cache-Control", "no-store").build();
                });
    }
}
