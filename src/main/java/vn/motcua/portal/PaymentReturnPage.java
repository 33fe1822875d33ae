package vn.motcua.portal;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.motcua.payment.PaymentMessages;
import vn.motcua.payment.api.PaymentBox;
import vn.motcua.payment.domain.Vnpay;
import vn.motcua.payment.usecase.Payments;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.RoutePermission;

/**
 * Where the gateway sends the citizen back (vnp_ReturnUrl). It shows the payment as stored: the parameters only name
 * it (and must carry the gateway's signature); only the gateway's server-to-server callback or the reconciliation
 * changes a payment, so a citizen back before the callback reads "waiting for the bank", and a forged link nothing.
 */
@Path("/payments/vnpay/return")
@Produces(MediaType.TEXT_HTML)
public class PaymentReturnPage {

    @CheckedTemplate(basePath = "portal", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance paymentReturn(Outcome outcome);
    }

    /** What the return page says. */
    @TemplateData
    public record Outcome(String title, String message, String code, String eReceiptNo, String amount, boolean paid) {
    }

    private final Payments payments;
    private final PageContext page;

    PaymentReturnPage(Payments payments, PageContext page) {
        this.payments = payments;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "public")
    public Uni<Response> returned(@Context UriInfo uri) {
        Map<String, String> params = Vnpay.params(uri.getQueryParameters());
        PaymentMessages m = page.messages(PaymentMessages.class);
        return payments.returned(params).map(o -> {
            Outcome out;
            if (!o.signed()) {
                out = new Outcome(m.return_title(), m.return_unknown(), null, null, null, false);
            } else {
                String message = switch (o.state()) {
                    case PAID, REFUND_REQUESTED, REFUNDED -> m.return_paid(o.receiptCode());
                    case PENDING -> m.return_pending(o.receiptCode());
                    case FAILED, EXPIRED -> m.return_failed(o.receiptCode());
                };
                out = new Outcome(m.return_title(), message, o.receiptCode(), o.eReceiptNo(), PaymentBox.money(o.amount()),
                        o.state().settled());
            }
            return Response.ok(Templates.paymentReturn(out)).header("Cache-Control", "no-store").build();
        });
    }
}
