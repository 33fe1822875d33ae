package vn.motcua.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.identity.Actor;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;

/**
 * Writes and reads the audit log, always inside a transaction scoped to the tenants concerned. Plain SQL on the
 * reactive client, both ways (as for the dossier tables): no Hibernate session, so it can be called from any thread
 * a read ends on.
 */
@ApplicationScoped
public class AuditService {

    static final String INSERT = """
            insert into audit_event (tenant_id, actor_realm, actor_subject, actor_name, action, target, remote_addr, subject_actor,
                purpose) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

    static final String INSERT_CHANGE = """
            insert into audit_event (tenant_id, actor_realm, actor_subject, actor_name, action, target, remote_addr, detail)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    static final String ABOUT_SUBJECT = "select " + AuditEvent.COLUMNS
            + " from audit_event where subject_actor = $1 order by occurred_at desc, id desc limit $2";

    private final ScopedTransactions transactions;

    AuditService(ScopedTransactions transactions) {
        this.transactions = transactions;
    }

    /** Records that {@code actor} did {@code action} in {@code tenant}. */
    public Uni<Void> record(Actor actor, String tenant, String action, String target, String remoteAddr) {
        return recordPersonalDataRead(actor, tenant, action, target, null, null, remoteAddr);
    }

    /**
     * Records that {@code actor} read (or changed) {@code subject}'s personal data in {@code tenant}, and why. The
     * entry is visible to the tenant's administrators and auditors and to the citizen it is about.
     */
    public Uni<Void> recordPersonalDataRead(Actor actor, String tenant, String action, String target, String subject,
            String purpose, String remoteAddr) {
        return transactions.onConnection(TenantScope.of(tenant), conn -> conn.preparedQuery(INSERT)
                .execute(Tuple.tuple(Arrays.asList(tenant, actor.realm().id(), actor.subject(), actor.displayName(), action, target,
                        remoteAddr, subject, purpose))))
                .replaceWithVoid();
    }

    /**
     * Records that {@code actor} changed {@code target} in {@code tenant}, with what changed ({@code detail}: before and
     * after), on the connection of the transaction that made the change: the change and its entry commit together or
     * not at all. The transaction must be scoped to {@code tenant}.
     */
    public Uni<Void> recordChange(io.vertx.mutiny.sqlclient.SqlConnection conn, Actor actor, String tenant, String action, String target,
            io.vertx.core.json.JsonObject detail, String remoteAddr) {
        return conn.preparedQuery(INSERT_CHANGE).execute(Tuple.tuple(Arrays.asList(tenant, actor.realm().id(), actor.subject(),
                actor.displayName(), action, target, remoteAddr, detail))).replaceWithVoid();
    }

    /** The entries about citizen {@code subjectKey} ({@code citizens:<subject>}), newest first: what they may see. */
    public Uni<List<AuditEvent>> aboutSubject(String subjectKey, int limit) {
        return transactions.onConnection(TenantScope.none().as(subjectKey),
                conn -> conn.preparedQuery(ABOUT_SUBJECT).execute(Tuple.of(subjectKey, limit)).map(AuditService::events));
    }

    /**
     * The newest entries of {@code tenant}, read within {@code scope} (what the reader may see), optionally only one
     * action's or only targets starting with {@code target}.
     */
    public Uni<List<AuditEvent>> latest(TenantScope scope, String tenant, String action, String target, int limit) {
        StringBuilder sql = new StringBuilder("select " + AuditEvent.COLUMNS + " from audit_event where tenant_id = $1");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (action != null) {
            args.add(action);
            sql.append(" and action = $").append(args.size());
        }
        if (target != null) {
            args.add(target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" and target like $").append(args.size());
        }
        args.add(limit);
        sql.append(" order by occurred_at desc, id desc limit $").append(args.size());
        return transactions.onConnection(scope, conn -> conn.preparedQuery(sql.toString()).execute(Tuple.tuple(args))
                .map(AuditService::events));
    }

    private static List<AuditEvent> events(RowSet<Row> rows) {
        List<AuditEvent> out = new ArrayList<>();
        rows.forEach(r -> out.add(AuditEvent.of(r)));
        return out;
    }
}
