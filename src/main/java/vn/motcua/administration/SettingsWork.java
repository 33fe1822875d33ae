package vn.motcua.administration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.audit.AuditService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.identity.TenantAccess;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;

/**
 * Steps 1, 2 and 4 shared by the settings' use cases: authorize ({@link Permission#TENANT_SETTINGS}), open the
 * transaction scoped to the one tenant being changed (row-level security then refuses a row of any other), and write
 * the audit entry in that same transaction, so that a change and its entry commit together.
 */
@ApplicationScoped
class SettingsWork {

    private final AccessPolicy policy;
    private final ScopedTransactions transactions;
    private final AuditService audit;
    /** Vietnam's today comes from it; tests may set another. */
    Clock clock = Clock.systemUTC();

    SettingsWork(AccessPolicy policy, ScopedTransactions transactions, AuditService audit) {
        this.policy = policy;
        this.transactions = transactions;
        this.audit = audit;
    }

    Uni<TenantAccess> authorize(Actor actor, String tenant) {
        return policy.authorize(actor, Permission.TENANT_SETTINGS, tenant);
    }

    /** Reads in the tenant's scope. */
    <T> Uni<T> read(String tenant, Function<SqlConnection, Uni<T>> work) {
        return transactions.onConnection(TenantScope.of(tenant), work);
    }

    /** Writes in the tenant's scope, as the actor, then the audit entry: one transaction. */
    <T> Uni<T> write(Actor actor, String tenant, String action, String target, JsonObject detail, String remoteAddr,
            Function<SqlConnection, Uni<T>> work) {
        return transactions.onConnection(TenantScope.of(tenant).as(key(actor)), conn -> work.apply(conn)
                .call(() -> audit.recordChange(conn, actor, tenant, action, target, detail, remoteAddr)));
    }

    LocalDate today() {
        return java.time.OffsetDateTime.now(clock).atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate();
    }

    static String key(Actor actor) {
        return actor.realm().id() + ":" + actor.subject();
    }

    static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Typed text, composed (NFC) and stripped; {@code null} when blank. */
    static String text(String s) {
        return blank(s) ? null : java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
    }

    /**
     * A one-line reason as typed, composed and stripped, or {@code null} when blank; its error (required, too long, a
     * control character) added to {@code errors}.
     */
    static String reason(List<FieldError> errors, String field, String typed, int max, boolean required) {
        String reason = text(typed);
        if (reason == null) {
            if (required) {
                errors.add(FieldError.of(field, vn.motcua.platform.error.FieldIssue.REQUIRED));
            }
        } else if (reason.length() > max) {
            errors.add(FieldError.of(field, vn.motcua.platform.error.FieldIssue.TOO_LONG, max));
        } else if (hasControl(reason)) {
            errors.add(FieldError.of(field, vn.motcua.platform.error.FieldIssue.PATTERN));
        }
        return reason;
    }

    /** Whether typed text holds a control character (a line break, a NUL): refused in one-line fields. */
    static boolean hasControl(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
