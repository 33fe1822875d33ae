package vn.motcua.portal;

import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.dossier.DossierMessages;
import vn.motcua.dossier.usecase.LookupDossier;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.RoutePermission;

/**
 * The public look-up (tra cứu hồ sơ) without signing in: the receipt code and the phone number given at submission.
 * Posted rather than put in the address, so that the phone number stays out of logs and browser history. The code
 * may come in the address (the QR code on the receipt slip links here with it).
 */
@Path("/tra-cuu")
@Produces(MediaType.TEXT_HTML)
public class LookupPages {

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance lookup(String code, String phone, Found found);
    }

    /** What the look-up shows: where the dossier stands, nothing personal. */
    @TemplateData
    public record Found(String code, String procedure, String status, String step, String holder, String stepDue, String due,
            String submitted, String closed, String delayReason, String appointment) {
    }

    private final LookupDossier lookup;
    private final PageContext page;

    LookupPages(LookupDossier lookup, PageContext page) {
        this.lookup = lookup;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public TemplateInstance form(@QueryParam("code") String code) {
        return Templates.lookup(code == null || code.length() > 60 ? "" : code, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Uni<Response> find(@RestForm String code, @RestForm String phone, @Context HttpServerRequest request) {
        Locale locale = page.locale();
        String typedCode = code == null ? "" : code.length() > 60 ? code.substring(0, 60) : code;
        String typedPhone = phone == null ? "" : phone.length() > 30 ? phone.substring(0, 30) : phone;
        return Uni.createFrom().deferred(() -> lookup.find(ClientAddress.of(request), code, phone)).map(f -> {
            var r = f;
            Found found = new Found(r.receiptCode(), f.procedure().name().in(locale),
                    MessageKeys.text(DossierMessages.class, locale, "status_" + r.status().wire().replace('-', '_')),
                    f.stepName() == null ? null : f.stepName().in(locale), f.holder() == null ? null : f.holder().in(locale),
                    DossierPages.at(r.stepDueAt()), DossierPages.at(r.dueAt()), DossierPages.at(r.submittedAt()), DossierPages.at(r.closedAt()),
                    r.delayReason(), DossierPages.at(r.appointmentAt()));
            return Response.ok(Templates.lookup(typedCode, "", found)).header("Cache-Control", "no-store").build();
        }).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException p = (ProblemException) e;
            // Every refusal (bad code, bad phone, none found, too many tries) is shown beside the code, what was typed kept.
            page.refused(p, "code", Map.of("code", MessageKeys.text(MyDossierMessages.class, locale, "lookup_code"),
                    "phone", MessageKeys.text(MyDossierMessages.class, locale, "lookup_phone")));
            Response.ResponseBuilder b = Response.status(p.type().status()).entity(Templates.lookup(typedCode, typedPhone, null))
                    .header("Cache-Control", "no-store");
            if (p.type().status() == 429) {
                // The seconds left in the window, as the API says them.
                b.header("Retry-After", p.extensions().getOrDefault("retryAfter", 60));
            }
            return b.build();
        });
    }
}
