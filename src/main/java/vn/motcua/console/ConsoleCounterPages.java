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
import vn.motcua.identity.TenantAccess;
import vn.motcua.intake.IntakeFlow;
import vn.motcua.intake.IntakeSite;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PostedForm;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;

/**
 * Taking a dossier in at the one-stop desk's counter (tiếp nhận hồ sơ trực tiếp) for a person who came in: the
 * procedure chosen, then the portal's own question pages ({@link IntakeFlow}) filled by the receiver, the ID card's QR
 * code read by a USB scanner (it types) or a webcam photo, each paper scanned or marked exempt (Circular
 * 03/2025/TT-VPCP), and "Tiếp nhận": the dossier gets the desk's receipt code and is received at once. A procedure
 * received anywhere in the province (Decree 118/2025) asks where the applicant lives and goes to the competent
 * office's queue. Every route authorizes the desk first; the pages work without JavaScript.
 */
@Path("/console/{tenant}/counter")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleCounterPages {

    static final String PERMISSION = "dossier.submit-counter";

    private final IntakeFlow flow;
    private final TakeIn start;
    private final Drafts drafts;
    private final AccessPolicy policy;
    private final SecurityIdentity identity;

    ConsoleCounterPages(IntakeFlow flow, TakeIn start, Drafts drafts, AccessPolicy policy, SecurityIdentity identity) {
        this.flow = flow;
        this.start = start;
        this.drafts = drafts;
        this.policy = policy;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> start(@PathParam("tenant") String tenant, @QueryParam("q") String q) {
        return at(tenant, (actor, access) -> page(actor, access, q, Response.Status.OK));
    }

    /** A new draft of the procedure chosen, on its first page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> begin(@PathParam("tenant") String tenant, @RestForm String procedure, @RestForm String q) {
        return at(tenant, (actor, access) -> start.begin(IntakeSite.counter(tenant),
                Uni.createFrom().deferred(() -> drafts.startAtCounter(actor, procedure == null ? "" : procedure.strip(), tenant, new JsonObject())),
                flow, () -> page(actor, access, q, Response.Status.BAD_REQUEST)));
    }

    @GET
    @Path("{draft}/{step}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> show(@PathParam("tenant") String tenant, @PathParam("draft") String draft, @PathParam("step") String step,
            @QueryParam("change") String change) {
        return at(tenant, (actor, access) -> flow.show(IntakeSite.counter(tenant), actor, draft, step, change != null));
    }

    @POST
    @Path("{draft}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> answer(@PathParam("tenant") String tenant, @PathParam("draft") String draft, @PathParam("step") String step) {
        var posted = PostedForm.current();
        return at(tenant, (actor, access) -> flow.answer(IntakeSite.counter(tenant), actor, draft, step, posted));
    }

    /** A webcam's photo of the ID card, its QR code filling the page. */
    @POST
    @Path("{draft}/{step}/qr")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> qr(@PathParam("tenant") String tenant, @PathParam("draft") String draft, @PathParam("step") String step,
            @RestForm("image") FileUpload image) {
        var posted = PostedForm.current();
        return at(tenant, (actor, access) -> flow.qr(IntakeSite.counter(tenant), actor, draft, step, posted, image));
    }

    /** The papers: each scanned, or marked exempt. */
    @POST
    @Path("{draft}/papers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> papers(@PathParam("tenant") String tenant, @PathParam("draft") String draft,
            @RestForm(FileUpload.ALL) List<FileUpload> uploads) {
        var posted = PostedForm.current();
        return at(tenant, (actor, access) -> flow.papers(IntakeSite.counter(tenant), actor, draft, posted, uploads));
    }

    @GET
    @Path("{draft}/papers/{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.TEXT_HTML })
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> file(@PathParam("tenant") String tenant, @PathParam("draft") String draft, @PathParam("id") String file) {
        return at(tenant, (actor, access) -> flow.file(IntakeSite.counter(tenant), actor, draft, file));
    }

    /** Receives the dossier: the desk's receipt code, received at once; on to its page, where the slip is printed. */
    @POST
    @Path("{draft}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> submit(@PathParam("tenant") String tenant, @PathParam("draft") String draft, HttpServerRequest request) {
        String remote = ClientAddress.of(request);
        return at(tenant, (actor, access) -> flow.submit(IntakeSite.counter(tenant), actor, draft, remote));
    }

    @POST
    @Path("{draft}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> discard(@PathParam("tenant") String tenant, @PathParam("draft") String draft) {
        return at(tenant, (actor, access) -> flow.discard(IntakeSite.counter(tenant), actor, draft)
                .replaceWith(Redirects.seeOther(IntakeSite.counter(tenant).base())));
    }

    private Uni<Response> page(Actor actor, TenantAccess access, String q, Response.Status status) {
        String tenant = access.tenant().code();
        return start.start(IntakeSite.counter(tenant), actor, "/console/" + tenant, access.tenant().name(), q,
                v -> v.channels().contains(vn.motcua.catalog.Procedure.Channel.COUNTER) && (v.offeredAt(access.tenant()) || v.receivedAnywhere()),
                null, status);
    }

    /** The desk's counter, for one who may take dossiers in there; then {@code then}. */
    private Uni<Response> at(String tenant, java.util.function.BiFunction<Actor, TenantAccess, Uni<Response>> then) {
        Actor actor = Actor.from(identity);
        return policy.authorize(actor, Permission.SUBMIT_AT_COUNTER, tenant).chain(access -> then.apply(actor, access));
    }

}
