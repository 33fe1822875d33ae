package vn.motcua.console;

import java.util.List;

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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.intake.IntakeFlow;
import vn.motcua.intake.IntakeSite;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.PostedForm;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.PostalOffice;
import vn.motcua.tenant.TenantDirectory;

/**
 * Taking a dossier in at a post office (tiếp nhận hồ sơ qua bưu chính) for a citizen who came in: the procedure
 * chosen, then the portal's own question pages ({@link IntakeFlow}) filled by the clerk (the ID card's QR code by
 * scanner or photo; where the applicant lives decides the competent office), the papers scanned when the office can,
 * and "Nộp": the dossier gets the competent desk's receipt code and waits in the office's list for the next hand-over
 * manifest, to be digitized and received at the desk. Every route authorizes the office first.
 */
@Path("/postal/{office}/take-in")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PostalTakeInPages {

    static final String PERMISSION = "dossier.submit-postal";

    private final IntakeFlow flow;
    private final TakeIn start;
    private final Drafts drafts;
    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;

    PostalTakeInPages(IntakeFlow flow, TakeIn start, Drafts drafts, AccessPolicy policy, TenantDirectory tenants, PageContext page,
            SecurityIdentity identity) {
        this.flow = flow;
        this.start = start;
        this.drafts = drafts;
        this.policy = policy;
        this.tenants = tenants;
        this.page = page;
        this.identity = identity;
    }

    /** The start page; {@code taken}: the receipt code of the dossier just taken in, said at the top. */
    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> start(@PathParam("office") String office, @QueryParam("q") String q, @QueryParam("taken") String taken) {
        return at(office, (actor, post) -> page(actor, post, q, taken, Response.Status.OK));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> begin(@PathParam("office") String office, @RestForm String procedure, @RestForm String q) {
        return at(office, (actor, post) -> start.begin(IntakeSite.postOffice(office),
                Uni.createFrom().deferred(() -> drafts.startAtPostOffice(actor, procedure == null ? "" : procedure.strip(), office, new JsonObject())),
                flow, () -> page(actor, post, q, null, Response.Status.BAD_REQUEST)));
    }

    @GET
    @Path("{draft}/{step}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> show(@PathParam("office") String office, @PathParam("draft") String draft, @PathParam("step") String step,
            @QueryParam("change") String change) {
        return at(office, (actor, post) -> flow.show(IntakeSite.postOffice(office), actor, draft, step, change != null));
    }

    @POST
    @Path("{draft}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> answer(@PathParam("office") String office, @PathParam("draft") String draft, @PathParam("step") String step) {
        var posted = PostedForm.current();
        return at(office, (actor, post) -> flow.answer(IntakeSite.postOffice(office), actor, draft, step, posted));
    }

    @POST
    @Path("{draft}/{step}/qr")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> qr(@PathParam("office") String office, @PathParam("draft") String draft, @PathParam("step") String step,
            @RestForm("image") FileUpload image) {
        var posted = PostedForm.current();
        return at(office, (actor, post) -> flow.qr(IntakeSite.postOffice(office), actor, draft, step, posted, image));
    }

    @POST
    @Path("{draft}/papers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> papers(@PathParam("office") String office, @PathParam("draft") String draft,
            @RestForm(FileUpload.ALL) List<FileUpload> uploads) {
        var posted = PostedForm.current();
        return at(office, (actor, post) -> flow.papers(IntakeSite.postOffice(office), actor, draft, posted, uploads));
    }

    @GET
    @Path("{draft}/papers/{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.TEXT_HTML })
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> file(@PathParam("office") String office, @PathParam("draft") String draft, @PathParam("id") String file) {
        return at(office, (actor, post) -> flow.file(IntakeSite.postOffice(office), actor, draft, file));
    }

    @POST
    @Path("{draft}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> submit(@PathParam("office") String office, @PathParam("draft") String draft, HttpServerRequest request) {
        String remote = ClientAddress.of(request);
        return at(office, (actor, post) -> flow.submit(IntakeSite.postOffice(office), actor, draft, remote));
    }

    @POST
    @Path("{draft}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> discard(@PathParam("office") String office, @PathParam("draft") String draft) {
        return at(office, (actor, post) -> flow.discard(IntakeSite.postOffice(office), actor, draft)
                .replaceWith(Redirects.seeOther(IntakeSite.postOffice(office).base())));
    }

    private Uni<Response> page(Actor actor, PostalOffice post, String q, String taken, Response.Status status) {
        String notice = taken == null || !taken.matches("[A-Za-z0-9.\\-]{1,40}") ? null
                : MessageKeys.text(CounterMessages.class, page.locale(), "taken", List.of(taken));
        return start.start(IntakeSite.postOffice(post.code()), actor, "/postal/" + post.code(), post.name(), q,
                v -> v.channels().contains(vn.motcua.catalog.Procedure.Channel.POSTAL), notice, status);
    }

    /** The post office's counter, for its clerk; then {@code then}. */
    private Uni<Response> at(String office, java.util.function.BiFunction<Actor, PostalOffice, Uni<Response>> then) {
        Actor actor = Actor.from(identity);
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.SUBMIT_BY_POST, office, tree);
            return then.apply(actor, tree.postalOffice(office).orElseThrow());
        });
    }
}
