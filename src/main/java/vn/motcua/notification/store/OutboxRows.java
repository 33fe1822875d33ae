package vn.motcua.notification.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.notification.DeadLetter;

/**
 * The outbox as the relay sees it (hộp thư đi): locking due rows across tenants (through the one security-definer
 * function of V21, {@code notification_lock}), and recording each outcome in the row's own tenant scope. The
 * dead letters of a tenant, and sending one again.
 */
@ApplicationScoped
public class OutboxRows {

    static final String LOCK = "select * from notification_lock($1, $2)";

    /** Rows locked by the transaction that are still to be sent outside it: no other relay takes them until {@code $2} s. */
    static final String LEASE_ALL = """
            update outbox set next_attempt_at = clock_timestamp() + make_interval(secs => $2)
             where id = any($1) and status = 'pending'""";

    static final String SENT = """
            update outbox set status = 'sent', sent_at = clock_timestamp(), channel = $2, attempts = attempts + 1, last_error = null
             where id = $1 and status = 'pending'""";

    /** {@link #SENT} for several rows in one statement: ids and channels as two arrays of one length. */
    static final String SENT_ALL = """
            update outbox o set status = 'sent', sent_at = clock_timestamp(), channel = x.channel, attempts = o.attempts + 1, last_error = null
              from unnest($1::bigint[], $2::text[]) as x(id, channel)
             where o.id = x.id and o.status = 'pending'""";

    static final String FAILED = """
            update outbox set status = $2, channel = $3, attempts = $4, last_error = left($5, 500),
                   next_attempt_at = clock_timestamp() + make_interval(secs => $6)
             where id = $1 and status = 'pending'""";

    static final String DEAD_LETTERS = """
            select o.id, o.kind, o.channel, o.attempts, o.last_error, o.created_at, o.next_attempt_at, o.payload ->> 'receiptCode' as receipt_code
              from outbox o where o.tenant_id = $1 and o.status = 'dead' order by o.id desc limit $2""";

    static final String DEAD_COUNT = "select count(*) as n from outbox where tenant_id = $1 and status = 'dead'";

    static final String RETRY = """
            update outbox set status = 'pending', attempts = 0, channel = null, last_error = null, next_attempt_at = clock_timestamp()
             where id = $1 and tenant_id = $2 and status = 'dead'""";

    /** A row claimed for sending, with what rendering needs from its dossier and the citizen's contact choice. */
    public record Claimed(long id, UUID dossierId, String tenantId, String kind, JsonObject payload, int attempts, String channel,
            String receiptCode, String applicantName, String applicantPhone, String procedureCode, JsonObject contact) {
    }

    /**
     * Up to {@code limit} due rows of {@code kinds}, locked until the end of the caller's transaction: another relay
     * passes over them ({@code SKIP LOCKED}), and they are due again if the transaction ends without recording them.
     */
    public Uni<List<Claimed>> lock(SqlConnection conn, List<String> kinds, int limit) {
        return conn.preparedQuery(LOCK).execute(Tuple.of(kinds.toArray(String[]::new), limit)).map(rows -> {
            List<Claimed> out = new ArrayList<>();
            for (Row r : rows) {
                Object contact = r.getValue("contact");
                out.add(new Claimed(r.getLong("id"), r.getUUID("dossier_id"), r.getString("tenant_id"), r.getString("kind"),
                        r.getJsonObject("payload"), r.getInteger("attempts"), r.getString("channel"), r.getString("receipt_code"),
                        r.getString("applicant_name"), r.getString("applicant_phone"), r.getString("procedure_code"),
                        contact instanceof JsonObject o ? o : null));
            }
            return out;
        });
    }

    /**
     * Leases rows locked by this transaction for {@code lease}: they stay pending, and no relay takes them before it
     * ends (their attempt runs after the commit, and a relay that dies meanwhile loses nothing). The transaction must
     * see the rows' tenants.
     */
    public Uni<Void> lease(SqlConnection conn, List<Long> ids, Duration lease) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(LEASE_ALL).execute(Tuple.of(ids.toArray(Long[]::new), (double) Math.max(1, lease.toSeconds())))
                .replaceWithVoid();
    }

    public Uni<Void> sent(SqlConnection conn, long id, String channel) {
        return conn.preparedQuery(SENT).execute(Tuple.of(id, channel)).replaceWithVoid();
    }

    /** A row sent on {@code channel} (its wire name), to be recorded with others of its round. */
    public record Sent(long id, String tenantId, String channel) {
    }

    /**
     * Several rows sent, recorded in one statement: the relay records a whole round's deliveries in one transaction, one
     * commit and one statement instead of one of each per row (issue 20: the database's work per submission).
     */
    public Uni<Void> sent(SqlConnection conn, List<Sent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(SENT_ALL).execute(Tuple.of(rows.stream().map(Sent::id).toArray(Long[]::new),
                rows.stream().map(Sent::channel).toArray(String[]::new))).replaceWithVoid();
    }

    /** A failed attempt: pending again after {@code wait} on {@code channel}, or dead. */
    public Uni<Void> failed(SqlConnection conn, long id, boolean dead, String channel, int attempts, String error, Duration wait) {
        return conn.preparedQuery(FAILED).execute(Tuple.from(List.of(id, dead ? "dead" : "pending", channel, attempts,
                error == null ? "" : error, wait.toMillis() / 1000.0))).replaceWithVoid();
    }

    public Uni<List<DeadLetter>> deadLetters(SqlConnection conn, String tenant, int limit) {
        return conn.preparedQuery(DEAD_LETTERS).execute(Tuple.of(tenant, limit)).map(rows -> {
            List<DeadLetter> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new DeadLetter(r.getLong("id"), r.getString("kind"), r.getString("channel"), r.getInteger("attempts"),
                        r.getString("last_error"), r.getOffsetDateTime("created_at"), r.getString("receipt_code")));
            }
            return out;
        });
    }

    public Uni<Long> deadCount(SqlConnection conn, String tenant) {
        return conn.preparedQuery(DEAD_COUNT).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Sends a dead letter again from its first chosen channel; false when it is not (or no longer) dead. */
    public Uni<Boolean> retry(SqlConnection conn, long id, String tenant) {
        return conn.preparedQuery(RETRY).execute(Tuple.of(id, tenant)).map(rows -> rows.rowCount() == 1);
    }
}
