package vn.motcua.notification.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The in-app notices (thông báo trên Cổng): one per outbox row, read on the dossier's page. */
@ApplicationScoped
public class NoticeRows {

    static final String INSERT = """
            insert into dossier_notice (outbox_id, dossier_id, tenant_id, kind, reason, due_at) values ($1, $2, $3, $4, $5, $6)
            on conflict (outbox_id) do nothing""";

    /** {@link #INSERT} for several notices in one statement, column by column as arrays of one length. */
    static final String INSERT_ALL = """
            insert into dossier_notice (outbox_id, dossier_id, tenant_id, kind, reason, due_at)
            select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
            on conflict (outbox_id) do nothing""";

    static final String OF_DOSSIER = """
            select n.kind, n.reason, n.due_at, n.created_at, d.receipt_code
              from dossier_notice n join dossier d on d.id = n.dossier_id
             where d.receipt_code = $1 order by n.outbox_id desc limit $2""";

    /** A notice as the portal lists it. */
    public record Notice(String kind, String reason, OffsetDateTime dueAt, OffsetDateTime createdAt, String receiptCode) {
    }

    /** A notice to write, for the outbox row {@code outboxId}. */
    public record New(long outboxId, UUID dossierId, String tenant, String kind, String reason, OffsetDateTime dueAt) {

        Tuple tuple() {
            return Tuple.from(java.util.Arrays.asList(outboxId, dossierId, tenant, kind, boundedReason(), dueAt));
        }

        String boundedReason() {
            return reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        }
    }

    public Uni<Void> insert(SqlConnection conn, long outboxId, UUID dossierId, String tenant, String kind, String reason,
            OffsetDateTime dueAt) {
        return insert(conn, new New(outboxId, dossierId, tenant, kind, reason, dueAt));
    }

    public Uni<Void> insert(SqlConnection conn, New notice) {
        return conn.preparedQuery(INSERT).execute(notice.tuple()).replaceWithVoid();
    }

    /** Several notices in one statement (the relay's round writes its notices in one transaction). */
    public Uni<Void> insert(SqlConnection conn, List<New> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(INSERT_ALL).execute(Tuple.of(notices.stream().map(New::outboxId).toArray(Long[]::new),
                notices.stream().map(New::dossierId).toArray(UUID[]::new), notices.stream().map(New::tenant).toArray(String[]::new),
                notices.stream().map(New::kind).toArray(String[]::new), notices.stream().map(New::boundedReason).toArray(String[]::new),
                notices.stream().map(New::dueAt).toArray(OffsetDateTime[]::new))).replaceWithVoid();
    }

    /** The notices of a dossier the transaction sees (row-level security decides which). */
    public Uni<List<Notice>> ofDossier(SqlConnection conn, String receiptCode, int limit) {
        return conn.preparedQuery(OF_DOSSIER).execute(Tuple.of(receiptCode, limit)).map(rows -> {
            List<Notice> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Notice(r.getString("kind"), r.getString("reason"), r.getOffsetDateTime("due_at"),
                        r.getOffsetDateTime("created_at"), r.getString("receipt_code")));
            }
            return out;
        });
    }
}
