package vn.motcua.dossier.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.PhoneNumbers;
import vn.motcua.dossier.domain.ReceiptCode;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The public status look-up (tra cứu hồ sơ), without signing in: the receipt code and the applicant's phone, typed
 * any way (case, spaces, dots, dashes, even without the agency prefix), give where the dossier stands, which office
 * holds it, until when, and why it is late if it is — nothing personal. Rate-limited per client: that is its
 * authorization.
 */
@ApplicationScoped
public class LookupDossier {

    /**
     * What the look-up found, with the names a reader needs.
     *
     * @param procedure the procedure's version the dossier follows
     * @param stepName  the current step's name, if a step is open
     * @param holder    the tenant holding the current step
     */
    public record Found(DossierQueries.LookupRow row, Procedure.Version procedure, LocalizedText stepName, LocalizedText holder) {
        // What a page reads, without reaching into the store's row.
        public String receiptCode() {
            return row.receiptCode();
        }

        public vn.motcua.dossier.domain.DossierStatus status() {
            return row.status();
        }

        public java.time.OffsetDateTime stepDueAt() {
            return row.stepDueAt();
        }

        public java.time.OffsetDateTime dueAt() {
            return row.dueAt();
        }

        public java.time.OffsetDateTime submittedAt() {
            return row.submittedAt();
        }

        public java.time.OffsetDateTime closedAt() {
            return row.closedAt();
        }

        public String delayReason() {
            return row.delayReason();
        }

        public java.time.OffsetDateTime appointmentAt() {
            return row.appointmentAt();
        }
    }

    private final ScopedTransactions transactions;
    private final DossierQueries queries;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final LookupLimiter limiter;

    LookupDossier(ScopedTransactions transactions, DossierQueries queries, CatalogService catalog, TenantDirectory tenants,
            LookupLimiter limiter) {
        this.transactions = transactions;
        this.queries = queries;
        this.catalog = catalog;
        this.tenants = tenants;
        this.limiter = limiter;
    }

    /** The dossier with this code and phone; 429 past the client's rate, 400 for bad input, 404 when none matches both. */
    public Uni<Found> find(String client, String code, String phone) {
        return limiter.acquire(Objects.requireNonNullElse(client, "?")).chain(wait -> {
            refuseIfWaiting(wait);
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
            String phoneKeyFound = phoneKey;
            return Uni.combine().all().unis(limiter.acquireFor("code:" + key), limiter.acquireFor("phone:" + phoneKey))
                    .with((byCode, byPhone) -> Math.max(byCode, byPhone))
                    .chain(busy -> {
                        refuseIfWaiting(busy);
                        return transactions.onConnection(TenantScope.none(), conn -> queries.lookup(conn, key, phoneKeyFound));
                    }).chain(found -> {
                        var row = found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, code.strip()));
                        return tenants.tree().map(tree -> {
                            Procedure.Version version = catalog.versionAt(row.procedureCode(), row.procedureVersion());
                            return new Found(row, version, row.stepCode() == null ? null : DossierRead.stepName(version, row.stepCode()),
                                    tree.find(row.stepTenant()).map(Tenant::name).orElse(null));
                        });
                    });
        });
    }

    private static void refuseIfWaiting(long seconds) {
        if (seconds > 0) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, String.valueOf(seconds)).with("retryAfter", seconds);
        }
    }
}
