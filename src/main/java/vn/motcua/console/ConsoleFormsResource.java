package vn.motcua.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.dossier.usecase.OfficialForm;
import vn.motcua.dossier.usecase.OfficialForms;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.InlineFiles;
import vn.motcua.platform.web.RoutePermission;

/**
 * The console's printed forms (biểu mẫu in), for officers signed in to the console: a dossier's forms, to print from
 * its page, served as the API serves them ({@link InlineFiles}: inline under the form's name, nosniff, never stored,
 * a file's policy). Parses and renders only: the rules are {@link OfficialForms}'. A problem (no such
 * form, a form whose event has not happened, a render that failed) is the console's error page.
 *
 * <p>Its class path is the forms' own, so that it hides none of the console's other pages; the tracking book, on
 * another path, is {@link TrackingBook}.
 */
@Path("/console/{tenant}/dossiers/{receiptCode}/forms")
@Authenticated
public class ConsoleFormsResource {

    private final OfficialForms forms;
    private final SecurityIdentity identity;

    ConsoleFormsResource(OfficialForms forms, SecurityIdentity identity) {
        this.forms = forms;
        this.identity = identity;
    }

    /** A dossier's form N as PDF: receipt, supplement-request, refusal, apology, stop-notice, control-slip. */
    @GET
    @Path("/{form}.pdf")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "dossier.read")
    public Uni<Response> form(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            @PathParam("form") String form, HttpServerRequest request) {
        OfficialForm f = OfficialForm.ofDossier(form).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
        return forms.ofDossier(Actor.from(identity), tenant, receiptCode, f, ClientAddress.of(request)).map(ConsoleFormsResource::file);
    }

    private static Response file(OfficialForms.Pdf pdf) {
        return InlineFiles.of(pdf.bytes(), "application/pdf", pdf.disposition());
    }

    /** The desk's tracking book (sổ theo dõi hồ sơ) for a period: {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}. */
    @Path("/console/{tenant}/tracking-book.pdf")
    @Authenticated
    public static class TrackingBook {

        private final OfficialForms forms;
        private final SecurityIdentity identity;

        TrackingBook(OfficialForms forms, SecurityIdentity identity) {
            this.forms = forms;
            this.identity = identity;
        }

        @GET
        @Produces({ "application/pdf", MediaType.TEXT_HTML })
        @Operation(hidden = true)
        @Extension(name = RoutePermission.EXTENSION, value = "tracking-book.print")
        public Uni<Response> book(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to,
                HttpServerRequest request) {
            return forms.trackingBook(Actor.from(identity), tenant, from, to, ClientAddress.of(request)).map(ConsoleFormsResource::file);
        }
    }
}
