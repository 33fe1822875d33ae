package vn.motcua.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import vn.motcua.dossier.usecase.DossierRead;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.payment.PaymentMessages;
import vn.motcua.payment.api.PaymentBox;
import vn.motcua.payment.usecase.PaymentView;
import vn.motcua.payment.usecase.Payments;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;

/**
 * A dossier's fee in the console: the panel on the dossier's page (where its payment stands, its electronic receipt
 * number) and the desk's page to record a fee paid in cash or by card at the counter (one thing per page, as GOV.UK
 * does), over {@link Payments}.
 */
@Path("/console/{tenant}/dossiers/{receiptCode}/payment")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsolePayments {

    /** The dossier page's panel: the payment, and the link to record one when this officer may. */
    @TemplateData
    public record Panel(PaymentBox box, boolean mayRecord, String href) {
    }

    /** The counter form: the dossier, its fee, what was typed. */
    @TemplateData
    public record Counter(String tenant, String code, String fee, String amount, List<Method> methods, String back) {
    }

    @TemplateData
    public record Method(String value, String label, boolean checked) {
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance counterPayment(Counter form);
    }

    private final Payments payments;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsolePayments(Payments payments, PageContext page, SecurityIdentity identity) {
        this.payments = payments;
        this.page = page;
        this.identity = identity;
    }

    static String href(String tenant, String code) {
        return "/console/" + tenant + "/dossiers/" + code + "/payment";
    }

    /** The panel of a dossier the officer just read on its page. */
    Uni<Panel> panel(Actor actor, String tenant, DossierRead read, Locale locale) {
        return payments.of(read).map(v -> new Panel(PaymentBox.of(v, locale), mayRecord(actor, tenant, v),
                href(tenant, read.dossier().receiptCode)));
    }

    private static boolean mayRecord(Actor actor, String tenant, PaymentView v) {
        return v.fee() > 0 && (v.state() == null || !(v.state().settled() || v.state() == vn.motcua.payment.domain.PaymentState.REFUNDED))
                && actor.tenants().contains(tenant) && Permission.RECORD_PAYMENT.grantedTo(actor);
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "payment.record-counter")
    public Uni<Response> form(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, HttpServerRequest request) {
        return render(tenant, code, null, "", ClientAddress.of(request), Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "payment.record-counter")
    public Uni<Response> record(@PathParam("tenant") String tenant, @PathParam("receiptCode") String code, @RestForm String method,
            @RestForm String amount, HttpServerRequest request) {
        if (amount == null) {
            // Not this page's form (its text field is always sent, even empty): a malformed request, not a refusal.
            throw new ProblemException(ProblemType.BAD_REQUEST);
        }
        String remote = ClientAddress.of(request);
        PaymentMessages m = page.messages(PaymentMessages.class);
        return payments.recordCounter(Actor.from(identity), tenant, code, new Payments.CounterInput(method, amount), remote)
                .map(v -> Redirects.seeOther("/console/" + tenant + "/dossiers/" + code + "#payment"))
                .onFailure(e -> e instanceof ProblemException p
                        && (p.type() == ProblemType.VALIDATION_FAILED || p.type() == ProblemType.NOTHING_TO_PAY))
                .recoverWithUni(e -> {
                    ProblemException p = (ProblemException) e;
                    page.refused(p, "method", Map.of("method", m.counter_method(), "amount", m.counter_amount()));
                    return render(tenant, code, method, amount, remote, Response.Status.fromStatusCode(p.type().status()));
                });
    }

    private Uni<Response> render(String tenant, String code, String method, String amount, String remote, Response.Status status) {
        Locale locale = page.locale();
        return payments.forCounter(Actor.from(identity), tenant, code, remote).map(v -> {
            List<Method> methods = List.of("cash", "pos").stream()
                    .map(x -> new Method(x, MessageKeys.text(PaymentMessages.class, locale, "method_" + x), x.equals(method))).toList();
            Counter form = new Counter(tenant, v.receiptCode(), PaymentBox.money(v.fee()), amount == null ? "" : amount, methods,
                    "/console/" + tenant + "/dossiers/" + v.receiptCode() + "#payment");
            return Response.status(status).entity(Templates.counterPayment(form)).header("Cache-Control", "no-store").build();
        });
    }
}
