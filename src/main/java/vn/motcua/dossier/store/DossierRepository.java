package vn.motcua.dossier.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import vn.motcua.dossier.domain.ReceiptCode;

/**
 * The dossier tables in SQL, on the connection of a transaction that {@link vn.motcua.platform.db.ScopedTransactions}
 * opened. Plain SQL on the reactive client rather than Hibernate: a submission writes five tables, and sending the
 * statements pipelined on one connection makes it one round trip, which is what lets it keep up with a raw insert.
 */
@ApplicationScoped
public class DossierRepository {

    static final String COLUMNS = """
            d.id, d.receipt_code, d.parent_id, d.part_index, d.part_agency, d.received_by, d.tenant_id, d.tenants,
            d.procedure_code, d.procedure_version, d.channel, d.status, d.submitted_by, d.submitted_by_name,
            d.applicant_actor, d.applicant_name, d.applicant_id, d.applicant_phone, d.phone_key, d.relationship,
            d.return_channel, d.form, d.fee, d.processing_days, d.supplement_clock, d.submitted_at, d.clock_start,
            d.due_at, d.paused_at, d.minutes_left, d.current_step, d.outcome, d.closed_at, d.delay_reason,
            d.appointment_at, d.idempotency_key, d.request_hash, d.version, d.intake_office, d.delivery_office,
            d.delivery_address, d.reuse_consent_at, d.reuse_consent_by""";

    /** The columns a new submission fills, in the order both ways of inserting one give them. */
    static final String INSERT_SUBMITTED = """
            insert into dossier (id, receipt_code, lookup_key, received_by, tenant_id, tenants, procedure_code,
                procedure_version, channel, status, submitted_by, submitted_by_name, applicant_actor, applicant_name,
                applicant_id, applicant_phone, phone_key, relationship, return_channel, form, fee, processing_days,
                supplement_clock, submitted_at, clock_start, due_at, current_step, idempotency_key, request_hash, step_code,
                holder_name, intake_office, delivery_office, delivery_address, reuse_consent_at, reuse_consent_by)
            """;

    /**
     * Takes the agency's next number of the day and inserts the dossier with its code, in one statement. The counter
     * row stays locked until the transaction ends, so two replicas never get the same number, and a rollback gives
     * the number back.
     */
    static final String INSERT_NUMBERED = """
            with n as (
                insert into receipt_counter as c (tenant_id, day, last_value) values ($2, $3, 1)
                on conflict (tenant_id, day) do update set last_value = c.last_value + 1
                returning last_value
            ), code as (
                select $4 || '-' || to_char($3::date, 'YYMMDD') || '-'
                       || case when last_value < 10000 then lpad(last_value::text, 4, '0') else last_value::text end as v
                  from n
            )
            """ + INSERT_SUBMITTED + """
            select $1, code.v, upper(regexp_replace(code.v, '[^0-9A-Za-z]', '', 'g')), $2, $2, array[$2], $5, $6, $7, $8,
                   $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29,
                   $30, $31, $32, $33, $34
              from code
            returning receipt_code""";

    static final String INSERT_PART = """
            insert into dossier (id, receipt_code, lookup_key, parent_id, part_index, part_agency, received_by, tenant_id,
                tenants, procedure_code, procedure_version, channel, status, submitted_by, submitted_by_name,
                applicant_actor, applicant_name, applicant_id, applicant_phone, phone_key, relationship, return_channel,
                form, fee, processing_days, supplement_clock, submitted_at, clock_start, due_at, current_step, step_code,
                holder_name)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                    $23, $24, $25, $26, $27, $28, $29, $30, $31, $32)""";

    static final String INSERT_STEP = """
            insert into dossier_step (dossier_id, seq, code, role, share, tenant_id, holder_actor, holder_name, due_at,
                started_at, ended_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    static final String UPDATE_STEP = """
            update dossier_step set tenant_id = $3, holder_actor = $4, holder_name = $5, due_at = $6, started_at = $7,
                ended_at = $8, minutes_left = $9 where dossier_id = $1 and seq = $2""";

    static final String INSERT_EVENT = """
            insert into dossier_event (dossier_id, tenant_id, occurred_at, actor, actor_name, action, from_status,
                to_status, reason, detail, remote_addr) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    /** The notification carries the dossier's code and state as they are when the transaction commits. */
    static final String INSERT_OUTBOX = """
            insert into outbox (dossier_id, tenant_id, kind, recipient, payload)
            select id, $4, $2, applicant_phone,
                   jsonb_build_object('receiptCode', receipt_code, 'status', status, 'dueAt', due_at) || $3::jsonb
              from dossier where id = $1""";

    static final String UPDATE = """
            update dossier set tenant_id = $2, tenants = $3, status = $4, form = $5, due_at = $6, paused_at = $7,
                minutes_left = $8, current_step = $9, outcome = $10, closed_at = $11, delay_reason = $12,
                appointment_at = $13, clock_start = $14, step_code = $16, holder_name = $17, version = version + 1
             where id = $1 and version = $15""";

    /** One submission, pipelined: the numbered dossier, its steps, its first history row and its outbox rows. */
    public Uni<String> insert(SqlConnection conn, Dossier d, String agencyCode, java.time.LocalDate day, Event first,
            List<Outbox> notices) {
        Uni<String> code = conn.preparedQuery(INSERT_NUMBERED).execute(Tuple.tuple(Arrays.asList(d.id, d.receivedBy, day,
                agencyCode, d.procedureCode, d.procedureVersion, d.channel, d.status.wire(), d.submittedBy, d.submittedByName,
                d.applicantActor, d.applicantName, d.applicantId, d.applicantPhone, d.phoneKey, d.relationship,
                d.returnChannel, d.form, d.fee, d.processingDays, d.supplementClock, d.submittedAt, d.clockStart, d.dueAt,
                d.currentStep, d.idempotencyKey, d.requestHash, stepCode(d), holderName(d), d.intakeOffice, d.deliveryOffice,
                d.deliveryAddress, d.reuseConsentAt, d.reuseConsentBy)))
                .map(rows -> rows.iterator().next().getString(0));
        Uni<?> steps = insertSteps(conn, d);
        Uni<?> event = insertEvent(conn, first);
        Uni<?> outbox = insertOutbox(conn, notices);
        return Uni.combine().all().unis(code, steps, event, outbox).with((c, s, e, o) -> c);
    }

    /** A part (liên thông) of an interconnected dossier, created when the desk receives the parent. */
    public Uni<Void> insertPart(SqlConnection conn, Dossier d) {
        Uni<?> row = conn.preparedQuery(INSERT_PART).execute(Tuple.tuple(Arrays.asList(d.id, d.receiptCode,
                ReceiptCode.lookupKey(d.receiptCode), d.parentId, d.partIndex, d.partAgency, d.receivedBy, d.tenantId,
                d.tenants.toArray(String[]::new), d.procedureCode, d.procedureVersion, d.channel, d.status.wire(),
                d.submittedBy, d.submittedByName, d.applicantActor, d.applicantName, d.applicantId, d.applicantPhone, null,
                d.relationship, d.returnChannel, d.form, d.fee, d.processingDays, d.supplementClock, d.submittedAt,
                d.clockStart, d.dueAt, d.currentStep, stepCode(d), holderName(d))));
        return Uni.combine().all().unis(row, insertSteps(conn, d)).discardItems();
    }

    private Uni<?> insertSteps(SqlConnection conn, Dossier d) {
        List<Tuple> rows = new ArrayList<>();
        for (Dossier.Step s : d.steps) {
            rows.add(Tuple.tuple(Arrays.asList(d.id, s.seq, s.code, s.role, s.share, s.tenantId, s.holderActor,
                    s.holderName, s.dueAt, s.startedAt, s.endedAt)));
        }
        return conn.preparedQuery(INSERT_STEP).executeBatch(rows);
    }

    /** Writes back a dossier changed by a command; fails with {@code false} if someone else changed it first. */
    public Uni<Boolean> update(SqlConnection conn, Dossier d) {
        Uni<RowSet<Row>> row = conn.preparedQuery(UPDATE).execute(Tuple.tuple(Arrays.asList(d.id, d.tenantId,
                d.tenants.toArray(String[]::new), d.status.wire(), d.form, d.dueAt, d.pausedAt, d.minutesLeft, d.currentStep,
                d.outcome, d.closedAt, d.delayReason, d.appointmentAt, d.clockStart, d.version, stepCode(d), holderName(d))));
        List<Tuple> steps = d.steps.stream().map(s -> Tuple.tuple(Arrays.asList(d.id, s.seq, s.tenantId, s.holderActor,
                s.holderName, s.dueAt, s.startedAt, s.endedAt, s.minutesLeft))).toList();
        Uni<?> stepRows = conn.preparedQuery(UPDATE_STEP).executeBatch(steps);
        return Uni.combine().all().unis(row, stepRows).with((r, s) -> r.rowCount() == 1);
    }

    public Uni<?> insertEvent(SqlConnection conn, Event e) {
        return conn.preparedQuery(INSERT_EVENT).execute(Tuple.tuple(Arrays.asList(e.dossierId(), e.tenantId(), e.at(),
                e.actor(), e.actorName(), e.action(), e.from() == null ? null : e.from().wire(), e.to().wire(), e.reason(),
                e.detail(), e.remoteAddr())));
    }

    public Uni<?> insertOutbox(SqlConnection conn, List<Outbox> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(INSERT_OUTBOX).executeBatch(notices.stream()
                .map(n -> Tuple.of(n.dossierId(), n.kind(), n.payload(), n.tenantId())).toList());
    }

    /** The dossier with this code that the transaction may see, with its steps; locked for a command when asked. */
    public Uni<Optional<Dossier>> find(SqlConnection conn, String receiptCode, boolean forUpdate) {
        return withSteps(conn.preparedQuery("select " + COLUMNS + " from dossier d where d.receipt_code = $1"
                + (forUpdate ? " for update" : "")).execute(Tuple.of(receiptCode)),
                conn.preparedQuery("select s.* from dossier_step s join dossier d on d.id = s.dossier_id "
                        + "where d.receipt_code = $1 order by s.seq").execute(Tuple.of(receiptCode)));
    }

    /** A dossier by its id, with its steps, locked: the parent of a part, when the part changed. */
    public Uni<Optional<Dossier>> findById(SqlConnection conn, UUID id) {
        return withSteps(conn.preparedQuery("select " + COLUMNS + " from dossier d where d.id = $1 for update").execute(Tuple.of(id)),
                conn.preparedQuery("select * from dossier_step where dossier_id = $1 order by seq").execute(Tuple.of(id)));
    }

    /** The two queries go out pipelined; the dossier comes back with its steps. */
    private static Uni<Optional<Dossier>> withSteps(Uni<RowSet<Row>> row, Uni<RowSet<Row>> steps) {
        return Uni.combine().all().unis(row, steps).with((r, s) -> {
            if (r.size() == 0) {
                return Optional.<Dossier>empty();
            }
            Dossier d = map(r.iterator().next());
            s.forEach(x -> d.steps.add(mapStep(x)));
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

    public Uni<Void> insertAttachment(SqlConnection conn, AttachmentRecord a) {
        return conn.preparedQuery("""
                insert into attachment (id, dossier_id, document, file_name, content_type, size_bytes, stored_bytes, sha256,
                    storage_key, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.tuple(Arrays.asList(a.id(), a.dossierId(), a.document(), a.fileName(), a.contentType(),
                        a.sizeBytes(), a.storedBytes(), a.sha256(), a.storageKey(), a.uploadedBy())))
                .replaceWithVoid();
    }

    /** The parts of an interconnected dossier, with their steps, locked. */
    public Uni<List<Dossier>> parts(SqlConnection conn, UUID parentId, boolean forUpdate) {
        Uni<RowSet<Row>> rows = conn.preparedQuery("select " + COLUMNS + " from dossier d where d.parent_id = $1 order by d.part_index"
                + (forUpdate ? " for update" : "")).execute(Tuple.of(parentId));
        Uni<RowSet<Row>> steps = conn.preparedQuery("select s.* from dossier_step s join dossier d on d.id = s.dossier_id "
                + "where d.parent_id = $1 order by s.dossier_id, s.seq").execute(Tuple.of(parentId));
        return Uni.combine().all().unis(rows, steps).with((r, s) -> {
            List<Dossier> out = new ArrayList<>();
            r.forEach(x -> out.add(map(x)));
            s.forEach(x -> out.stream().filter(d -> d.id.equals(x.getUUID("dossier_id"))).findFirst()
                    .ifPresent(d -> d.steps.add(mapStep(x))));
            return out;
        });
    }

    /** The first dossier an actor submitted with this idempotency key. */
    public Uni<Optional<Dossier>> findByIdempotencyKey(SqlConnection conn, String submittedBy, String key) {
        return conn.preparedQuery("select " + COLUMNS + " from dossier d where d.submitted_by = $1 and d.idempotency_key = $2")
                .execute(Tuple.of(submittedBy, key))
                .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(map(r.iterator().next())));
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

    /** A row of the work queue: what an officer's list shows, read from the dossier table alone. */
    public record QueueRow(UUID id, String receiptCode, String procedureCode, DossierStatus status, String applicantName,
            OffsetDateTime submittedAt, OffsetDateTime dueAt, boolean paused, Long minutesLeft, String stepCode,
            String holderName) {
    }

    /**
     * One page of a tenant's open dossiers, soonest due first, after the keyset {@code (afterDue, afterId)}. The
     * partial index on {@code (tenant_id, due_at, id)} serves it without sorting, however long the queue grows.
     */
    public Uni<List<QueueRow>> queue(SqlConnection conn, String tenant, DossierStatus status, OffsetDateTime dueBefore,
            OffsetDateTime afterDue, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("""
                select d.id, d.receipt_code, d.procedure_code, d.status, d.applicant_name, d.submitted_at, d.due_at,
                       d.minutes_left, d.step_code, d.holder_name
                  from dossier d where d.tenant_id = $1 and d.closed_at is null""");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (status != null) {
            args.add(status.wire());
            sql.append(" and d.status = $").append(args.size());
        }
        if (dueBefore != null) {
            args.add(dueBefore);
            sql.append(" and d.due_at < $").append(args.size());
        }
        if (afterDue != null) {
            args.add(afterDue);
            args.add(afterId);
            sql.append(" and (d.due_at, d.id) > ($").append(args.size() - 1).append(", $").append(args.size()).append(")");
        }
        args.add(limit);
        sql.append(" order by d.due_at, d.id limit $").append(args.size());
        return conn.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<QueueRow> out = new ArrayList<>();
            rows.forEach(r -> {
                DossierStatus st = DossierStatus.of(r.getString("status"));
                out.add(new QueueRow(r.getUUID("id"), r.getString("receipt_code"), r.getString("procedure_code"), st,
                        r.getString("applicant_name"), r.getOffsetDateTime("submitted_at"), r.getOffsetDateTime("due_at"),
                        st == DossierStatus.SUPPLEMENT_REQUESTED, r.getLong("minutes_left"), r.getString("step_code"),
                        r.getString("holder_name")));
            });
            return out;
        });
    }

    private static String stepCode(Dossier d) {
        return d.current().map(s -> s.code).orElse(null);
    }

    private static String holderName(Dossier d) {
        return d.current().map(s -> s.holderName).orElse(null);
    }

    /** The dossiers an actor submitted or that name them as applicant, newest first. */
    public Uni<List<Dossier>> mine(SqlConnection conn, String actor, int limit) {
        return conn.preparedQuery("select " + COLUMNS + " from dossier d where (d.submitted_by = $1 or d.applicant_actor = $1) "
                + "and d.parent_id is null order by d.submitted_at desc limit $2").execute(Tuple.of(actor, limit))
                .map(rows -> {
                    List<Dossier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    /** The public look-up: a few fields, only when both the code and the phone match. */
    public Uni<Optional<Row>> lookup(SqlConnection conn, String key, String phoneKey) {
        return conn.preparedQuery("select * from dossier_lookup($1, $2)").execute(Tuple.of(key, phoneKey))
                .map(r -> r.size() == 0 ? Optional.empty() : Optional.of(r.iterator().next()));
    }

    /**
     * The dossiers a post office took in or must deliver, newest first: row-level security (the transaction's
     * {@code app.offices}) decides which; the filter only picks the office's role.
     */
    public Uni<List<Dossier>> ofPostOffice(SqlConnection conn, String office, boolean delivery, OffsetDateTime before, int limit) {
        String column = delivery ? "d.delivery_office" : "d.intake_office";
        return conn.preparedQuery("select " + COLUMNS + " from dossier d where " + column + " = $1 and d.submitted_at < $2"
                + " order by d.submitted_at desc, d.id desc limit $3")
                .execute(Tuple.of(office, before, limit))
                .map(rows -> {
                    List<Dossier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    /** One of the applicant's earlier dossiers, as the office working a consented dossier may read it. */
    public record Reusable(String receiptCode, String procedureCode, String tenantId, OffsetDateTime submittedAt, String status,
            JsonObject form) {
    }

    /** The applicant's earlier dossiers, through the consent-checking database function (empty without consent). */
    public Uni<List<Reusable>> reusable(SqlConnection conn, UUID dossierId) {
        return conn.preparedQuery("select * from reusable_dossiers($1)").execute(Tuple.of(dossierId)).map(rows -> {
            List<Reusable> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Reusable(r.getString("receipt_code"), r.getString("procedure_code"), r.getString("tenant_id"),
                    r.getOffsetDateTime("submitted_at"), r.getString("status"), r.getJsonObject("form"))));
            return out;
        });
    }

    static Dossier map(Row r) {
        Dossier d = new Dossier();
        d.id = r.getUUID("id");
        d.receiptCode = r.getString("receipt_code");
        d.parentId = r.getUUID("parent_id");
        d.partIndex = r.getInteger("part_index");
        d.partAgency = r.getString("part_agency");
        d.receivedBy = r.getString("received_by");
        d.tenantId = r.getString("tenant_id");
        d.tenants = new ArrayList<>(Arrays.asList(r.getArrayOfStrings("tenants")));
        d.procedureCode = r.getString("procedure_code");
        d.procedureVersion = r.getLocalDate("procedure_version");
        d.channel = r.getString("channel");
        d.status = DossierStatus.of(r.getString("status"));
        d.submittedBy = r.getString("submitted_by");
        d.submittedByName = r.getString("submitted_by_name");
        d.applicantActor = r.getString("applicant_actor");
        d.applicantName = r.getString("applicant_name");
        d.applicantId = r.getString("applicant_id");
        d.applicantPhone = r.getString("applicant_phone");
        d.phoneKey = r.getString("phone_key");
        d.relationship = r.getString("relationship");
        d.returnChannel = r.getString("return_channel");
        d.form = r.getJsonObject("form");
        d.fee = r.getLong("fee");
        d.processingDays = r.getBigDecimal("processing_days");
        d.supplementClock = r.getString("supplement_clock");
        d.submittedAt = r.getOffsetDateTime("submitted_at");
        d.clockStart = r.getOffsetDateTime("clock_start");
        d.dueAt = r.getOffsetDateTime("due_at");
        d.pausedAt = r.getOffsetDateTime("paused_at");
        d.minutesLeft = r.getLong("minutes_left");
        d.currentStep = r.getInteger("current_step");
        d.outcome = r.getString("outcome");
        d.closedAt = r.getOffsetDateTime("closed_at");
        d.delayReason = r.getString("delay_reason");
        d.appointmentAt = r.getOffsetDateTime("appointment_at");
        d.idempotencyKey = r.getString("idempotency_key");
        d.requestHash = r.getString("request_hash");
        d.version = r.getInteger("version");
        d.intakeOffice = r.getString("intake_office");
        d.deliveryOffice = r.getString("delivery_office");
        d.deliveryAddress = r.getString("delivery_address");
        d.reuseConsentAt = r.getOffsetDateTime("reuse_consent_at");
        d.reuseConsentBy = r.getString("reuse_consent_by");
        return d;
    }

    static Dossier.Step mapStep(Row r) {
        Dossier.Step s = new Dossier.Step();
        s.seq = r.getInteger("seq");
        s.code = r.getString("code");
        s.role = r.getString("role");
        s.share = r.getBigDecimal("share");
        s.tenantId = r.getString("tenant_id");
        s.holderActor = r.getString("holder_actor");
        s.holderName = r.getString("holder_name");
        s.dueAt = r.getOffsetDateTime("due_at");
        s.startedAt = r.getOffsetDateTime("started_at");
        s.endedAt = r.getOffsetDateTime("ended_at");
        s.minutesLeft = r.getLong("minutes_left");
        return s;
    }

    /** A history row (who, when, from, to, why). */
    /** One history row; {@code remoteAddr} is where the change came from (absent for the service's own events). */
    public record Event(UUID dossierId, String tenantId, OffsetDateTime at, String actor, String actorName, String action,
            DossierStatus from, DossierStatus to, String reason, JsonObject detail, String remoteAddr) {

        public Event(UUID dossierId, String tenantId, OffsetDateTime at, String actor, String actorName, String action,
                DossierStatus from, DossierStatus to, String reason, JsonObject detail) {
            this(dossierId, tenantId, at, actor, actorName, action, from, to, reason, detail, null);
        }
    }

    /** A notification to send after the commit; the payload adds to the code, state and due time. */
    public record Outbox(UUID dossierId, String tenantId, String kind, JsonObject payload) {
    }
}
