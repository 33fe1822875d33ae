package vn.motcua.audit;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;

/** Writes and reads the audit log, always inside a transaction scoped to the tenants concerned. */
@ApplicationScoped
public class AuditService {

    static final String INSERT = """
            insert into audit_event (tenant_id, actor_realm, actor_subject, actor_name, action, target, remote_addr, subject_actor,
                purpose) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    private final ScopedTransactions transactions;
    private final AuditRepository repository;

    AuditService(ScopedTransactions transactions, AuditRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** Records that {@code actor} did {@code action} in {@code tenant}. */
    public Uni<Void> record(Actor actor, String tenant, String action, String target, String remoteAddr) {
        return recordPersonalDataRead(actor, tenant, action, target, null, null, remoteAddr);
    }

    /**
     * Records that {@code actor} read (or changed) {@code subject}'s personal data in {@code tenant}, and why. The
     * entry is visible to the tenant's administrators and auditors and to the citizen it is about. Plain SQL on the
     * reactive client rather than a Hibernate session, so that it can be called from any thread a read ends on.
     */
    public Uni<Void> recordPersonalDataRead(Actor actor, String tenant, String action, String target, String subject,
            String purpose, String remoteAddr) {
        return transactions.onConnection(TenantScope.of(tenant), conn -> conn.preparedQuery(INSERT)
                .execute(Tuple.tuple(Arrays.asList(tenant, actor.realm().id(), actor.subject(), actor.displayName(), action, target,
                        remoteAddr, subject, purpose))))
                .replaceWithVoid();
    }

    /** The entries about citizen {@code subjectKey} ({@code citizens:<subject>}), newest first: what they may see. */
    public Uni<List<AuditEvent>> aboutSubject(String subjectKey, int limit) {
        return transactions.inTransaction(TenantScope.none().as(subjectKey), () -> repository.listAboutSubject(subjectKey, limit));
    }

    /** The newest entries of {@code tenant}, read within {@code scope} (what the reader may see). */
    public Uni<List<AuditEvent>> latest(TenantScope scope, String tenant, String action, String target, int limit) {
        return transactions.inTransaction(scope, () -> repository.listLatestOfTenant(tenant, action, target, limit));
    }
}
