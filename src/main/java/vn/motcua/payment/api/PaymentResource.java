package vn.motcua.payment.api;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.payment.domain.Vnpay;
import vn.motcua.payment.usecase.PaymentView;
import vn.motcua.payment.usecase.Payments;
import vn.motcua.platform.web.ClientAddress;

/**
 * A dossier's fee and its payment: read it, start an online payment (a signed redirect to the gateway), record a
 * counter payment. Parse, call {@link Payments}, render; nothing else.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments", description = "A dossier's fee: online through VNPAY, or at the counter")
public class PaymentResource {

    private final SecurityIdentity identity;
    private final Payments payments;

    PaymentResource(SecurityIdentity identity, Payments payments) {
        this.identity = identity;
        this.payments = payments;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read-own,dossier.read")
    @Authenticated
    @GET
    @Path("/dossiers/{receiptCode}/payment")
    @Operation(summary = "A dossier's fee and where its payment stands, for its applicant (404 for anyone else)")
    public Uni<PaymentView> own(@PathParam("receiptCode") String receiptCode, @Context HttpServerRequest http) {
        return payments.ofOwnDossier(Actor.from(identity), receiptCode, ClientAddress.of(http));
    }

    /** Where the client goes to pay. */
    public record Redirect(String redirectUrl, String txnRef) {
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "payment.pay")
    @Authenticated
    @POST
    @Path("/dossiers/{receiptCode}/payment")
    @Operation(summary = "Start paying a dossier's fee online", description = "A new pending payment and the gateway's signed "
            + "page to send the citizen to. 409 `nothing-to-pay` when the fee is 0, already paid, or the dossier is closed.")
    public Uni<Redirect> start(@PathParam("receiptCode") String receiptCode, @HeaderParam("Accept-Language") String language,
            @Context HttpServerRequest http) {
        String locale = language != null && language.toLowerCase().startsWith("en") ? "en" : "vi";
        return payments.startOnline(Actor.from(identity), receiptCode, ClientAddress.of(http), locale)
                .map(r -> new Redirect(r.url(), r.txnRef()));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "dossier.read")
    @Authenticated
    @GET
    @Path("/t/{tenant}/dossiers/{receiptCode}/payment")
    @Operation(summary = "A dossier's fee and payment, with its electronic receipt number and history, for an officer")
    public Uni<PaymentView> atTenant(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            @Context HttpServerRequest http) {
        return payments.ofDossierAt(Actor.from(identity), tenant, receiptCode, ClientAddress.of(http));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "payment.record-counter")
    @Authenticated
    @POST
    @Path("/t/{tenant}/dossiers/{receiptCode}/payment/counter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a fee paid at the desk", description = "`method` cash or pos, `amount` the dossier's fee in "
            + "đồng; issues the electronic receipt number. 400 with field errors; 409 `nothing-to-pay` when already paid.")
    public Uni<PaymentView> counter(@PathParam("tenant") String tenant, @PathParam("receiptCode") String receiptCode,
            Payments.CounterInput input, @Context HttpServerRequest http) {
        return payments.recordCounter(Actor.from(identity), tenant, receiptCode, input, ClientAddress.of(http));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Path("/payments/vnpay/ipn")
    @Operation(summary = "VNPAY's payment notification (IPN), server to server", description = "Answers VNPAY's codes: 00 "
            + "confirmed, 02 already confirmed, 01 order not found, 04 invalid amount, 97 invalid signature.")
    public Uni<Map<String, String>> ipn(@Context UriInfo uri, @Context HttpServerRequest http) {
        return payments.ipn(Vnpay.params(uri.getQueryParameters()), ClientAddress.of(http)).map(Vnpay.IpnAnswer::body);
    }
}
