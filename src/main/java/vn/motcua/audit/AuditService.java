package vn.motcua.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;

/** Writes and reads the audit log, always inside a transaction scoped to the tenants concerned. */
@ApplicationScoped
public class AuditService {

    private final ScopedTransactions transactions;
    private final AuditRepository repository;

    AuditService(ScopedTransactions transactions, AuditRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** Records that {@code actor} did {@code action} in {@code tenant}. */
    public Uni<AuditEvent> record(Actor actor, String tenant, String action, String target, String remoteAddr) {
        AuditEvent e = new AuditEvent();
        e.tenantId = tenant;
        e.actorRealm = actor.realm().id();
        e.actorSubject = actor.subject();
        e.actorName = actor.displayName();
        e.action = action;
        e.target = target;
        e.remoteAddr = remoteAddr;
        return transactions.inTransaction(TenantScope.of(tenant), () -> repository.persist(e));
    }

    /** The newest entries of {@code tenant}, read within {@code scope} (what the reader may see). */
    public Uni<List<AuditEvent>> latest(TenantScope scope, String tenant, int limit) {
        return transactions.inTransaction(scope, () -> repository.listLatestOfTenant(tenant, limit));
    }
}
