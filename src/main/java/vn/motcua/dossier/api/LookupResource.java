package vn.motcua.dossier.api;


import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Permission;
import vn.motcua.dossier.api.DossierViews.LookupView;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.dossier.usecase.LookupDossier;

/**
 * The public status look-up (tra cứu hồ sơ), without signing in: the receipt code and the applicant's phone, typed
 * any way (case, spaces, dots, dashes, even without the agency prefix), give where the dossier stands, which office
 * holds it, until when, and why it is late if it is — nothing personal.
 */
@Path("/api/lookup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class LookupResource {

    private final LookupDossier lookup;
    private final HttpServerRequest request;

    LookupResource(LookupDossier lookup, HttpServerRequest request) {
        this.lookup = lookup;
        this.request = request;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Operation(summary = "Where a dossier stands, by receipt code and phone (no sign-in; rate-limited per client)")
    public Uni<LookupView> lookup(@QueryParam("code") String code, @QueryParam("phone") String phone,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        var locale = Languages.forApi(language);
        return lookup.find(ClientAddress.of(request), code, phone).map(f -> {
            var row = f.row();
            return new LookupView(row.receiptCode(), row.status().wire(), StatusTexts.text(row.status(), locale), f.procedure().name(),
                    f.stepName(), f.holder(), row.stepDueAt(), row.dueAt(), row.submittedAt(), row.closedAt(), row.delayReason(),
                    row.appointmentAt());
        });
    }
}
