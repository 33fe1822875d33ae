package vn.motcua.dossier.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import vn.motcua.dossier.usecase.OfficialForm;
import vn.motcua.dossier.usecase.OfficialForms;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.InlineFiles;

/**
 * The officers' printed forms (biểu mẫu in, Circular 03/2025/TT-VPCP) over the API: a dossier's forms through one of
 * the officer's tenants, and a desk's tracking book for a period. At {@code /api} like the other API classes, so that
 * a more specific class path does not hide theirs.
 */
@Path("/api")
@Authenticated
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class OfficialFormResource {

    private final SecurityIdentity identity;
    private final OfficialForms forms;

    OfficialFormResource(SecurityIdentity identity, OfficialForms forms) {
        this.identity = identity;
        this.forms = forms;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read")
    @GET
    @Path("/t/{tenant}/dossiers/{receiptCode}/forms/{form}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A printed form of a dossier this tenant holds or held (or one it supervises), as a PDF",
            description = "receipt (form 01), supplement-request (02), refusal (03), apology (04), stop-notice (05), control-slip "
                    + "(06) of Circular 03/2025/TT-VPCP, in Vietnamese, with a QR code of the public look-up. 404 for another form "
                    + "or a dossier the officer may not read; 409 `form-not-issued` when its event has not happened (a refusal "
                    + "of a dossier never refused); 503 `unavailable` when the PDF could not be made, to be tried again.")
    public Uni<Response> form(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            @Parameter(schema = @Schema(enumeration = { "receipt", "supplement-request", "refusal", "apology", "stop-notice",
                    "control-slip" })) @PathParam("form") String form,
            @Context io.vertx.core.http.HttpServerRequest request) {
        OfficialForm f = OfficialForm.ofDossier(form).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
        return forms.ofDossier(Actor.from(identity), tenant, receiptCode, f, ClientAddress.of(request)).map(OfficialFormResource::file);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "tracking-book.print")
    @GET
    @Path("/t/{tenant}/tracking-book.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The desk's tracking book (sổ theo dõi hồ sơ, form 07) for a period, as a PDF",
            description = "The dossiers the tenant's desk received from `from` to `to` (inclusive), each with its number in the "
                    + "desk's book of the year. At most 366 days and 200 dossiers a print (a busier period in parts): 400 with the field in error otherwise.")
    public Uni<Response> trackingBook(@PathParam("tenant") String tenant,
            @Parameter(description = "The first day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "The last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Context io.vertx.core.http.HttpServerRequest request) {
        return forms.trackingBook(Actor.from(identity), tenant, from, to, ClientAddress.of(request)).map(OfficialFormResource::file);
    }

    /** A form as the answer: shown in the browser under its name, never sniffed, never stored, nothing in it run. */
    static Response file(OfficialForms.Pdf pdf) {
        return InlineFiles.of(pdf.bytes(), "application/pdf", pdf.disposition());
    }
}
