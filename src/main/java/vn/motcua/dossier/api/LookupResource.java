package vn.motcua.dossier.api;

import java.util.ArrayList;
import java.util.List;

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
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.i18n.Messages;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.PhoneNumbers;
import vn.motcua.dossier.domain.ReceiptCode;
import vn.motcua.dossier.usecase.DossierService;

/**
 * The public status look-up (tra cứu hồ sơ), without signing in: the receipt code and the applicant's phone, typed
 * any way (case, spaces, dots, dashes, even without the agency prefix), give where the dossier stands, which office
 * holds it, until when, and why it is late if it is — nothing personal.
 */
@Path("/api/lookup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dossiers", description = "Submit a dossier and follow it")
public class LookupResource {

    private final DossierService dossiers;
    private final DossierPresenter presenter;
    private final TenantDirectory tenants;
    private final LookupLimiter limiter;
    private final HttpServerRequest request;

    LookupResource(DossierService dossiers, DossierPresenter presenter, TenantDirectory tenants, LookupLimiter limiter,
            HttpServerRequest request) {
        this.dossiers = dossiers;
        this.presenter = presenter;
        this.tenants = tenants;
        this.limiter = limiter;
        this.request = request;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Operation(summary = "Where a dossier stands, by receipt code and phone (no sign-in; rate-limited per client)")
    public Uni<LookupView> lookup(@QueryParam("code") String code, @QueryParam("phone") String phone,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        long wait = limiter.acquire(java.util.Objects.requireNonNullElse(ClientAddress.of(request), "?"), System.currentTimeMillis());
        if (wait > 0) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, String.valueOf(wait)).with("retryAfter", wait);
        }
        List<FieldError> errors = new ArrayList<>();
        String key = code == null ? "" : ReceiptCode.lookupKey(code);
        if (key.isEmpty()) {
            errors.add(FieldError.of("code", FieldIssue.REQUIRED));
        } else if (key.length() < 10 || key.length() > 60) {
            errors.add(FieldError.of("code", FieldIssue.PATTERN));
        }
        String phoneKey = null;
        if (phone == null || phone.isBlank()) {
            errors.add(FieldError.of("phone", FieldIssue.REQUIRED));
        } else {
            phoneKey = PhoneNumbers.key(phone).orElse(null);
            if (phoneKey == null) {
                errors.add(FieldError.of("phone", FieldIssue.PHONE));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        Messages m = Languages.messages(Languages.forApi(language));
        return dossiers.lookup(key, phoneKey).chain(found -> {
            var row = found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, code.strip()));
            return tenants.tree().map(tree -> {
                DossierStatus status = row.status();
                var version = presenter.procedureVersion(row.procedureCode(), row.procedureVersion());
                return new LookupView(row.receiptCode(), status.wire(), StatusTexts.text(status, m), version.name(),
                        row.stepCode() == null ? null : DossierPresenter.stepName(version, row.stepCode()),
                        tree.find(row.stepTenant()).map(Tenant::name).orElse(null), row.stepDueAt(), row.dueAt(),
                        row.submittedAt(), row.closedAt(), row.delayReason(), row.appointmentAt());
            });
        });
    }
}
