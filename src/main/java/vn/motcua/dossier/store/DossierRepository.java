package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The dossier tables in SQL, on the connection of a transaction that {@link vn.motcua.platform.db.ScopedTransactions}
 * opened. Plain SQL on the reactive client rather than Hibernate: a submission writes five tables, and sending the
 * statements pipelined on one connection makes it one round trip, which is what lets it keep up with a raw insert.
 * Loads and writes single dossiers (and their steps, history, outbox and files); the dossier columns and the row
 * mapper are {@link DossierRows}', the lists (queue, look-up, post office, reuse) {@link DossierQueries}'.
 */
@ApplicationScoped
public class DossierRepository {

    private static final List<ColumnArrays.Column> STEPS = ColumnArrays.columns("dossier_id uuid", "seq int", "code text",
            "role text", "share numeric", "tenant_id text", "holder_actor text", "holder_name text", "due_at timestamptz",
            "started_at timestamptz", "ended_at timestamptz");

    static final String INSERT_STEPS = "insert into dossier_step (" + ColumnArrays.names(STEPS) + ") select " + ColumnArrays.select(STEPS)
            + " from " + ColumnArrays.from(STEPS, 1);

    static final String UPDATE_STEP = """
            update dossier_step set tenant_id = $3, holder_actor = $4, holder_name = $5, due_at = $6, started_at = $7,
                ended_at = $8, minutes_left = $9 where dossier_id = $1 and seq = $2""";

    private static final List<ColumnArrays.Column> EVENTS = ColumnArrays.columns("dossier_id uuid", "tenant_id text",
            "occurred_at timestamptz", "actor text", "actor_name text", "action text", "from_status text", "to_status text",
            "reason text", "detail jsonb", "remote_addr text");

    static final String INSERT_EVENTS = "insert into dossier_event (" + ColumnArrays.names(EVENTS) + ") select " + ColumnArrays.select(EVENTS)
            + " from " + ColumnArrays.from(EVENTS, 1);

    private static final List<ColumnArrays.Column> OUTBOX = ColumnArrays.columns("dossier_id uuid", "tenant_id text", "kind text",
            "payload jsonb", "portal boolean");

    /**
     * Outbox rows, one array per column; a row for the portal only ({@code portal}) is born sent on the in-app channel,
     * with its notice written by the same statement, as the relay would have written it (kind, reason, due time). The
     * notification carries the dossier's code and state as they are when the transaction commits.
     */
    static final String INSERT_OUTBOX = """
            with o as (
                insert into outbox (dossier_id, tenant_id, kind, recipient, payload, status, channel, attempts, sent_at)
                select d.id, x.tenant_id, x.kind, d.applicant_phone,
                       jsonb_build_object('receiptCode', d.receipt_code, 'status', d.status, 'dueAt', d.due_at) || x.payload,
                       case when x.portal then 'sent' else 'pending' end, case when x.portal then 'in-app' end,
                       case when x.portal then 1 else 0 end, case when x.portal then clock_timestamp() end
                  from %s
                  join dossier d on d.id = x.dossier_id
                returning id, dossier_id, tenant_id, kind, status, payload
            )
            insert into dossier_notice (outbox_id, dossier_id, tenant_id, kind, reason, due_at)
            select id, dossier_id, tenant_id, kind, left(payload ->> 'reason', 2000), (payload ->> 'dueAt')::timestamptz
              from o where status = 'sent'""".formatted(ColumnArrays.from(OUTBOX, 1));

    /**
     * New submissions with their steps, first history rows and outbox rows: one statement per table, sent pipelined
     * on the transaction's connection. The same statements serve one submission at the desk and a group of them
     * ({@link SubmissionWriter}). The item maps each dossier's id to its receipt code.
     */
    public static Uni<Map<String, String>> insertSubmitted(SqlConnection conn, List<SubmissionWriter.Pending> group) {
        List<Dossier> all = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Outbox> notices = new ArrayList<>();
        List<AttachmentRecord> files = new ArrayList<>();
        for (SubmissionWriter.Pending p : group) {
            all.add(p.dossier());
            events.add(p.first());
            notices.addAll(p.notices());
            files.addAll(p.attachments());
        }
        Uni<Map<String, String>> codes = conn.preparedQuery(DossierRows.INSERT_SUBMITTED).execute(DossierRows.submissions(group)).map(rows -> {
            Map<String, String> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getUUID("id").toString(), r.getString("receipt_code")));
            if (out.size() != group.size()) {
                // Fails the transaction: a submission without its code must not be committed.
                throw new IllegalStateException(group.size() + " dossiers to write, " + out.size() + " written");
            }
            return out;
        });
        return Uni.combine().all().unis(codes, insertSteps(conn, all), insertEvents(conn, events), insertOutbox(conn, notices),
                insertAttachments(conn, files)).with((c, s, e, o, f) -> c);
    }

    /** One submission at the desk, inside the caller's transaction; the item is its receipt code. */
    public Uni<String> insert(SqlConnection conn, Dossier d, String agencyCode, LocalDate day, Event first, List<Outbox> notices) {
        return insertSubmitted(conn, List.of(new SubmissionWriter.Pending(d, agencyCode, day, first, notices)))
                .map(codes -> codes.get(d.id.toString()));
    }

    /** The parts (liên thông) of an interconnected dossier, with their steps, created when the desk receives the parent. */
    public Uni<Void> insertParts(SqlConnection conn, List<Dossier> parts) {
        if (parts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(conn.preparedQuery(DossierRows.INSERT).execute(DossierRows.rows(parts)), insertSteps(conn, parts))
                .discardItems();
    }

    private static Uni<?> insertSteps(SqlConnection conn, List<Dossier> dossiers) {
        List<Object[]> rows = new ArrayList<>();
        for (Dossier d : dossiers) {
            for (Dossier.Step s : d.steps) {
                rows.add(new Object[] {d.id, s.seq, s.code, s.role, s.share, s.tenantId, s.holderActor, s.holderName, s.dueAt,
                        s.startedAt, s.endedAt});
            }
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(INSERT_STEPS).execute(ColumnArrays.values(STEPS, rows));
    }

    /** Writes back a dossier changed by a command; fails with {@code false} if someone else changed it first. */
    public Uni<Boolean> update(SqlConnection conn, Dossier d) {
        Uni<RowSet<Row>> row = conn.preparedQuery(DossierRows.UPDATE).execute(Tuple.tuple(DossierRows.updateValues(d)));
        List<Tuple> steps = d.steps.stream().map(s -> Tuple.tuple(Arrays.asList(d.id, s.seq, s.tenantId, s.holderActor,
                s.holderName, s.dueAt, s.startedAt, s.endedAt, s.minutesLeft))).toList();
        Uni<?> stepRows = conn.preparedQuery(UPDATE_STEP).executeBatch(steps);
        return Uni.combine().all().unis(row, stepRows).with((r, s) -> r.rowCount() == 1);
    }

    public Uni<?> insertEvent(SqlConnection conn, Event e) {
        return insertEvents(conn, List.of(e));
    }

    /** History rows, in one statement. */
    public static Uni<?> insertEvents(SqlConnection conn, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> rows = events.stream().map(e -> new Object[] {e.dossierId(), e.tenantId(), e.at(), e.actor(), e.actorName(),
                e.action(), e.from() == null ? null : e.from().wire(), e.to().wire(), e.reason(), e.detail(), e.remoteAddr()}).toList();
        return conn.preparedQuery(INSERT_EVENTS).execute(ColumnArrays.values(EVENTS, rows));
    }

    /** Outbox rows, in one statement. */
    public static Uni<?> insertOutbox(SqlConnection conn, List<Outbox> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> rows = notices.stream().map(n -> new Object[] {n.dossierId(), n.tenantId(), n.kind(), n.payload(),
                n.portalOnly()}).toList();
        return conn.preparedQuery(INSERT_OUTBOX).execute(ColumnArrays.values(OUTBOX, rows));
    }

    /** The dossier with this code that the transaction may see, with its steps; locked for a command when asked. */
    public Uni<Optional<Dossier>> find(SqlConnection conn, String receiptCode, boolean forUpdate) {
        return withSteps(conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where d.receipt_code = $1"
                + (forUpdate ? " for update" : "")).execute(Tuple.of(receiptCode)),
                conn.preparedQuery("select s.* from dossier_step s join dossier d on d.id = s.dossier_id "
                        + "where d.receipt_code = $1 order by s.seq").execute(Tuple.of(receiptCode)));
    }

    /** A dossier by its id, with its steps, locked: the parent of a part, when the part changed. */
    public Uni<Optional<Dossier>> findById(SqlConnection conn, UUID id) {
        return withSteps(conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where d.id = $1 for update").execute(Tuple.of(id)),
                conn.preparedQuery("select * from dossier_step where dossier_id = $1 order by seq").execute(Tuple.of(id)));
    }

    /** The two queries go out pipelined; the dossier comes back with its steps. */
    private static Uni<Optional<Dossier>> withSteps(Uni<RowSet<Row>> row, Uni<RowSet<Row>> steps) {
        return Uni.combine().all().unis(row, steps).with((r, s) -> {
            if (r.size() == 0) {
                return Optional.<Dossier>empty();
            }
            Dossier d = DossierRows.map(r.iterator().next());
            s.forEach(x -> d.steps.add(DossierRows.mapStep(x)));
            return Optional.of(d);
        });
    }

    public Uni<List<AttachmentRecord>> attachments(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("select * from attachment where dossier_id = $1 order by document, uploaded_at")
                .execute(Tuple.of(dossierId)).map(rows -> {
                    List<AttachmentRecord> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new AttachmentRecord(r.getUUID("id"), dossierId, r.getInteger("document"),
                            r.getString("file_name"), r.getString("content_type"), r.getLong("size_bytes"),
                            r.getLong("stored_bytes"), r.getString("sha256"), r.getString("storage_key"),
                            r.getString("uploaded_by"), r.getOffsetDateTime("uploaded_at"))));
                    return out;
                });
    }

    private static final List<ColumnArrays.Column> ATTACHMENTS = ColumnArrays.columns("id uuid", "dossier_id uuid", "document int",
            "file_name text", "content_type text", "size_bytes bigint", "stored_bytes bigint", "sha256 text", "storage_key text",
            "uploaded_by text");

    static final String INSERT_ATTACHMENTS = "insert into attachment (" + ColumnArrays.names(ATTACHMENTS) + ") select "
            + ColumnArrays.select(ATTACHMENTS) + " from " + ColumnArrays.from(ATTACHMENTS, 1);

    /** The files a submission comes with (staged in its draft), in one statement. */
    private static Uni<?> insertAttachments(SqlConnection conn, List<AttachmentRecord> files) {
        if (files.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> rows = files.stream().map(a -> new Object[] {a.id(), a.dossierId(), a.document(), a.fileName(), a.contentType(),
                a.sizeBytes(), a.storedBytes(), a.sha256(), a.storageKey(), a.uploadedBy()}).toList();
        return conn.preparedQuery(INSERT_ATTACHMENTS).execute(ColumnArrays.values(ATTACHMENTS, rows));
    }

    public Uni<Void> insertAttachment(SqlConnection conn, AttachmentRecord a) {
        return conn.preparedQuery("""
                insert into attachment (id, dossier_id, document, file_name, content_type, size_bytes, stored_bytes, sha256,
                    storage_key, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple(Arrays.asList(a.id(), a.dossierId(), a.document(), a.fileName(), a.contentType(),
                        a.sizeBytes(), a.storedBytes(), a.sha256(), a.storageKey(), a.uploadedBy())))
                .replaceWithVoid();
    }

    /** The applicant's rating of the dossier, if they rated it (row-level security: whoever sees the dossier). */
    public Uni<Optional<Rating>> rating(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("select * from dossier_rating where dossier_id = $1").execute(Tuple.of(dossierId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Rating(dossierId, r.getString("tenant_id"), r.getInteger("score"), r.getString("comment"),
                            r.getString("rated_by"), r.getOffsetDateTime("rated_at")));
                });
    }

    /** Writes a rating; a second one for the same dossier fails on the table's key ({@link #RATING_KEY}). */
    public Uni<Void> insertRating(SqlConnection conn, Rating r) {
        return conn.preparedQuery("""
                insert into dossier_rating (dossier_id, tenant_id, score, comment, rated_by, rated_at)
                values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.tuple(Arrays.asList(r.dossierId(), r.tenantId(), r.score(), r.comment(), r.ratedBy(), r.ratedAt())))
                .replaceWithVoid();
    }

    /** The constraint that keeps one rating per dossier. */
    public static final String RATING_KEY = "dossier_rating_pkey";

    /** The applicant's satisfaction rating of a dossier, and the office rated (the one holding it). */
    public record Rating(UUID dossierId, String tenantId, int score, String comment, String ratedBy, OffsetDateTime ratedAt) {
    }

    /** The parts of an interconnected dossier, with their steps, locked. */
    public Uni<List<Dossier>> parts(SqlConnection conn, UUID parentId, boolean forUpdate) {
        Uni<RowSet<Row>> rows = conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where d.parent_id = $1 order by d.part_index"
                + (forUpdate ? " for update" : "")).execute(Tuple.of(parentId));
        Uni<RowSet<Row>> steps = conn.preparedQuery("select s.* from dossier_step s join dossier d on d.id = s.dossier_id "
                + "where d.parent_id = $1 order by s.dossier_id, s.seq").execute(Tuple.of(parentId));
        return Uni.combine().all().unis(rows, steps).with((r, s) -> {
            List<Dossier> out = new ArrayList<>();
            r.forEach(x -> out.add(DossierRows.map(x)));
            s.forEach(x -> out.stream().filter(d -> d.id.equals(x.getUUID("dossier_id"))).findFirst()
                    .ifPresent(d -> d.steps.add(DossierRows.mapStep(x))));
            return out;
        });
    }

    /** The first dossier an actor submitted with this idempotency key. */
    public Uni<Optional<Dossier>> findByIdempotencyKey(SqlConnection conn, String submittedBy, String key) {
        return conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where d.submitted_by = $1 and d.idempotency_key = $2")
                .execute(Tuple.of(submittedBy, key))
                .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(DossierRows.map(r.iterator().next())));
    }

    public Uni<List<Event>> history(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("select * from dossier_event where dossier_id = $1 order by id").execute(Tuple.of(dossierId))
                .map(rows -> {
                    List<Event> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Event(dossierId, r.getString("tenant_id"), r.getOffsetDateTime("occurred_at"),
                            r.getString("actor"), r.getString("actor_name"), r.getString("action"),
                            r.getString("from_status") == null ? null : DossierStatus.of(r.getString("from_status")),
                            DossierStatus.of(r.getString("to_status")), r.getString("reason"), r.getJsonObject("detail"))));
                    return out;
                });
    }

    /** One history row; {@code remoteAddr} is where the change came from (absent for the service's own events). */
    public record Event(UUID dossierId, String tenantId, OffsetDateTime at, String actor, String actorName, String action,
            DossierStatus from, DossierStatus to, String reason, JsonObject detail, String remoteAddr) {

        public Event(UUID dossierId, String tenantId, OffsetDateTime at, String actor, String actorName, String action,
                DossierStatus from, DossierStatus to, String reason, JsonObject detail) {
            this(dossierId, tenantId, at, actor, actorName, action, from, to, reason, detail, null);
        }
    }

    /**
     * A notification to send after the commit; the payload adds to the code, state and due time.
     *
     * @param portalOnly the citizen hears in the portal only ({@link vn.motcua.dossier.PortalOnlyNotices}): its
     *                   notice is written with the row, which is born sent, and the relay never takes it
     */
    public record Outbox(UUID dossierId, String tenantId, String kind, JsonObject payload, boolean portalOnly) {

        /** A notification for the relay to deliver. */
        public Outbox(UUID dossierId, String tenantId, String kind, JsonObject payload) {
            this(dossierId, tenantId, kind, payload, false);
        }
    }
}
