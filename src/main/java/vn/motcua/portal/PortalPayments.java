package vn.motcua.portal;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Actor;
import vn.motcua.payment.usecase.Payments;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.RoutePermission;

/**
 * Paying a dossier's fee from the portal, with JavaScript off: the dossier page's "Thanh toán" form posts here and the
 * browser is sent on to the gateway's signed page (303); the gateway sends it back to {@link PaymentReturnPage}.
 */
@Path("/dossiers/{receiptCode}/payment")
@io.quarkus.security.Authenticated
@Produces(MediaType.TEXT_HTML)
public class PortalPayments {

    private final Payments payments;
    private final PageContext page;
    private final SecurityIdentity identity;

    PortalPayments(Payments payments, PageContext page, SecurityIdentity identity) {
        this.payments = payments;
        this.page = page;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "payment.pay")

    public Uni<Response> pay(@PathParam("receiptCode") String code, @Context HttpServerRequest request) {
        String locale = page.locale().getLanguage();
        return payments.startOnline(Actor.from(identity), code, ClientAddress.of(request), locale)
                .map(r -> Response.seeOther(URI.create(r.url())).header("Cache-Control", "no-store").build());
    }
}
