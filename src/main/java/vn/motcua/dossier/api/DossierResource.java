package vn.motcua.dossier.api;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.api.DossierViews.DossierView;
import vn.motcua.dossier.usecase.ApplicantSupplement;
import vn.motcua.dossier.usecase.RateDossier;
import vn.motcua.dossier.usecase.RatingInput;
import vn.motcua.dossier.usecase.ReadDossier;
import vn.motcua.dossier.usecase.OfficialForm;
import vn.motcua.dossier.usecase.OfficialForms;
import vn.motcua.dossier.usecase.SubmitDossier;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageLimit;
import vn.motcua.dossier.usecase.DossierRequests;

/**
 * Submitting a dossier, following it and rating it: for citizens, and for officers who submit on someone's behalf.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class DossierResource {

    private final SecurityIdentity identity;
    private final SubmitDossier submissions;
    private final ReadDossier reads;
    private final ApplicantSupplement supplements;
    private final RateDossier ratings;
    private final DossierPresenter presenter;
    private final OfficialForms forms;

    DossierResource(SecurityIdentity identity, SubmitDossier submissions, ReadDossier reads, ApplicantSupplement supplements,
            RateDossier ratings, DossierPresenter presenter, OfficialForms forms) {
        this.forms = forms;
        this.identity = identity;
        this.submissions = submissions;
        this.reads = reads;
        this.supplements = supplements;
        this.ratings = ratings;
        this.presenter = presenter;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.submit-online,dossier.submit-counter,dossier.submit-postal")
    @POST
    @Path("/dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a dossier", description = "201 with the receipt code, status, due time and steps. With an "
            + "Idempotency-Key, a retry returns the same dossier (200) and a different request under the same key is refused (422).")
    public Uni<Response> submit(DossierRequests.Submission request,
            @Parameter(description = "A key the client chooses per dossier, reused on retries")
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context io.vertx.core.http.HttpServerRequest http) {
        return submissions.submit(Actor.from(identity), request, idempotencyKey, ClientAddress.of(http))
                .chain(s -> presenter.view(s.dossier())
                        .map(view -> (s.created() ? Response.created(URI.create("/api/dossiers/" + view.receiptCode()))
                                : Response.ok()).entity(view).build()));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read-own,dossier.read")
    @GET
    @Path("/dossiers/{receiptCode}")
    @Operation(summary = "A dossier, for its applicant or an officer who may see it (404 for anyone else)")
    public Uni<DossierView> get(@PathParam("receiptCode") String receiptCode, @Context io.vertx.core.http.HttpServerRequest request) {
        return reads.read(Actor.from(identity), receiptCode, ClientAddress.of(request)).chain(presenter::view);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read-own,dossier.read")
    @GET
    @Path("/dossiers/{receiptCode}/receipt.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) as a PDF",
            description = "Form 01 of Circular 03/2025/TT-VPCP, in Vietnamese, with a QR code of the public look-up page; "
                    + "for whoever may read the dossier (404 for anyone else).")
    public Uni<Response> receiptSlip(@PathParam("receiptCode") String receiptCode, @Context io.vertx.core.http.HttpServerRequest request) {
        return forms.ofDossier(Actor.from(identity), null, receiptCode, OfficialForm.RECEIPT, ClientAddress.of(request))
                .map(pdf -> OfficialFormResource.file(pdf));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.supplement")
    @POST
    @Path("/dossiers/{receiptCode}/supplement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a supplement request: the clock starts again")
    public Uni<DossierView> supplement(@PathParam("receiptCode") String receiptCode, DossierRequests.Supplement request,
            @Context io.vertx.core.http.HttpServerRequest http) {
        return supplements.supplement(Actor.from(identity), receiptCode, request, ClientAddress.of(http)).chain(presenter::view);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.rate")
    @POST
    @Path("/dossiers/{receiptCode}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a dossier whose result was returned", description = "The applicant's satisfaction, once per "
            + "dossier: a score from 1 to 5 and an optional comment (at most 1,000 characters). 201 with the rating; 409 "
            + "`dossier-not-returned` before the result is returned, `rating-exists` the second time; 404 for anyone else.")
    public Uni<Response> rate(@PathParam("receiptCode") String receiptCode, RatingInput request,
            @Context io.vertx.core.http.HttpServerRequest http) {
        return ratings.rate(Actor.from(identity), receiptCode, request, ClientAddress.of(http))
                .map(rating -> Response.status(Response.Status.CREATED).entity(rating).build());
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "signed-in")
    @GET
    @Path("/me/dossiers")
    @Operation(summary = "The dossiers the caller submitted or that name them as applicant, newest first")
    public Uni<List<DossierView>> mine(
            @Parameter(description = "Dossiers per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam(PageLimit.PARAMETER) String limit) {
        int size = PageLimit.parse(limit, 50, 200);
        return reads.mine(Actor.from(identity), size).chain(list -> list.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(list.stream().map(presenter::view).toList()).andFailFast());
    }
}
