package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The dossier table's lists, each read in one statement on the connection of a scoped transaction: a tenant's work
 * queue, a citizen's own dossiers, a post office's, the public look-up and the applicant's earlier dossiers for
 * once-only reuse. {@link DossierRepository} loads and writes single dossiers.
 */
@ApplicationScoped
public class DossierQueries {

    /**
     * A row of the work queue: what an officer's list shows, read from the dossier table alone. {@code tenantId} is the
     * office holding it (another than the queue's own for a dossier the desk received for another office).
     */
    public record QueueRow(UUID id, String receiptCode, String procedureCode, LocalDate procedureVersion, DossierStatus status,
            String applicantName,
            OffsetDateTime submittedAt, OffsetDateTime dueAt, boolean paused, Long minutesLeft, String stepCode,
            String holderName, String channel, String tenantId) {
    }

    /**
     * Which of a tenant's open dossiers a queue page lists; every part optional.
     *
     * @param statuses          only in these states (empty: any)
     * @param onlineOnly        only those sent online (not yet received, typically)
     * @param running           only those whose clock runs (not waiting for a supplement)
     * @param dueFrom           due at or after
     * @param dueBefore         due before
     * @param receivedForOthers the dossiers this desk received for another office and follows to the return (Decree
     *                          118/2025/NĐ-CP), instead of those it holds
     * @param folded            a part of the applicant's name, folded ({@code motcua_fold}: lower case, no diacritics)
     * @param procedures        or one of these procedures (those whose name matched the search)
     * @param applicantId       the applicant's ID number, exactly
     */
    public record QueueFilter(List<DossierStatus> statuses, boolean onlineOnly, boolean running, OffsetDateTime dueFrom,
            OffsetDateTime dueBefore, boolean receivedForOthers, String folded, List<String> procedures, String applicantId) {

        public static final QueueFilter ALL = new QueueFilter(List.of(), false, false, null, null, false, null, List.of(), null);
    }

    private static final String QUEUE_COLUMNS = """
            select d.id, d.receipt_code, d.procedure_code, d.procedure_version, d.status, d.applicant_name, d.submitted_at, d.due_at,
                   d.minutes_left, d.step_code, d.holder_name, d.channel, d.tenant_id
              from dossier d where d.closed_at is null""";

    /**
     * One page of a tenant's open dossiers, soonest due first, after the keyset {@code (afterDue, afterId)}. The
     * partial index on {@code (tenant_id, due_at, id)} serves it without sorting, however long the queue grows; a
     * filter only skips rows of that ordered scan.
     */
    public Uni<List<QueueRow>> queue(SqlConnection conn, String tenant, QueueFilter filter, OffsetDateTime afterDue, UUID afterId,
            int limit) {
        StringBuilder sql = new StringBuilder(QUEUE_COLUMNS);
        List<Object> args = new ArrayList<>();
        where(sql, args, tenant, filter);
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
                out.add(new QueueRow(r.getUUID("id"), r.getString("receipt_code"), r.getString("procedure_code"),
                        r.getLocalDate("procedure_version"), st,
                        r.getString("applicant_name"), r.getOffsetDateTime("submitted_at"), r.getOffsetDateTime("due_at"),
                        st == DossierStatus.SUPPLEMENT_REQUESTED, r.getLong("minutes_left"), r.getString("step_code"),
                        r.getString("holder_name"), r.getString("channel"), r.getString("tenant_id")));
            });
            return out;
        });
    }

    /** The filter's conditions, each value a parameter: never a typed word in the statement. */
    private static void where(StringBuilder sql, List<Object> args, String tenant, QueueFilter f) {
        args.add(tenant);
        // Written as the partial index dossier_received_for_others is, so that it is used.
        sql.append(f.receivedForOthers() ? " and d.received_by = $1 and d.received_by <> d.tenant_id" : " and d.tenant_id = $1");
        if (!f.statuses().isEmpty()) {
            args.add(f.statuses().stream().map(DossierStatus::wire).toArray(String[]::new));
            sql.append(" and d.status = any($").append(args.size()).append(")");
        }
        if (f.onlineOnly()) {
            sql.append(" and d.channel like 'online%'");
        }
        if (f.running()) {
            sql.append(" and d.status <> 'supplement-requested'");
        }
        if (f.dueFrom() != null) {
            args.add(f.dueFrom());
            sql.append(" and d.due_at >= $").append(args.size());
        }
        if (f.dueBefore() != null) {
            args.add(f.dueBefore());
            sql.append(" and d.due_at < $").append(args.size());
        }
        if (f.applicantId() != null) {
            args.add(f.applicantId());
            sql.append(" and d.applicant_id = $").append(args.size());
        }
        if (f.folded() != null) {
            args.add("%" + f.folded().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" and (motcua_fold(d.applicant_name) like $").append(args.size());
            if (!f.procedures().isEmpty()) {
                args.add(f.procedures().toArray(String[]::new));
                sql.append(" or d.procedure_code = any($").append(args.size()).append(")");
            }
            sql.append(")");
        }
    }

    /**
     * How many open dossiers each queue of a tenant holds, in one pass over its open dossiers.
     *
     * @param now       the instant lateness is counted at
     * @param soon      the end of "nearly late": due before it but not yet
     */
    public record QueueCounts(long all, long online, long toReceive, long toProcess, long toApprove, long toReturn, long waiting,
            long soon, long late, long receivedForOthers) {
    }

    public Uni<QueueCounts> counts(SqlConnection conn, String tenant, OffsetDateTime now, OffsetDateTime soon) {
        // Two parts, each on its own partial index (dossier_queue_status; dossier_received_for_others): one OR across
        // both made PostgreSQL scan the whole table under row-level security, 4 s at 1 M dossiers.
        return conn.preparedQuery("""
                select count(*) filter (where d.mine) as all_open,
                       count(*) filter (where d.mine and d.status = 'submitted' and d.channel like 'online%') as online,
                       count(*) filter (where d.mine and d.status in ('submitted', 'forwarded')) as to_receive,
                       count(*) filter (where d.mine and d.status in ('received', 'in-progress')) as to_process,
                       count(*) filter (where d.mine and d.status = 'awaiting-approval') as to_approve,
                       count(*) filter (where d.mine and d.status in ('approved', 'rejected', 'result-ready')) as to_return,
                       count(*) filter (where d.mine and d.status = 'supplement-requested') as waiting,
                       count(*) filter (where d.mine and d.status <> 'supplement-requested'
                                          and d.due_at >= $2 and d.due_at < $3) as soon,
                       count(*) filter (where d.mine and d.status <> 'supplement-requested' and d.due_at < $2) as late,
                       count(*) filter (where not d.mine) as for_others
                  from (select true as mine, status, channel, due_at from dossier
                         where closed_at is null and tenant_id = $1
                        union all
                        select false, status, channel, due_at from dossier
                         where closed_at is null and received_by = $1 and received_by <> tenant_id) d""")
                .execute(Tuple.of(tenant, now, soon)).map(rows -> {
                    Row r = rows.iterator().next();
                    return new QueueCounts(r.getLong("all_open"), r.getLong("online"), r.getLong("to_receive"), r.getLong("to_process"),
                            r.getLong("to_approve"), r.getLong("to_return"), r.getLong("waiting"), r.getLong("soon"), r.getLong("late"),
                            r.getLong("for_others"));
                });
    }

    /** The receipt code of a dossier the reader may see, by its code typed loosely (case, spaces, dashes). */
    public Uni<Optional<String>> codeOf(SqlConnection conn, String lookupKey) {
        return conn.preparedQuery("select receipt_code from dossier where lookup_key = $1").execute(Tuple.of(lookupKey))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("receipt_code")));
    }

    /** The status of each of these dossiers the transaction sees, by id (nothing personal). */
    public Uni<java.util.Map<UUID, DossierStatus>> statuses(SqlConnection conn, List<UUID> ids) {
        return conn.preparedQuery("select id, status from dossier where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    java.util.Map<UUID, DossierStatus> out = new java.util.HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("id"), DossierStatus.of(r.getString("status"))));
                    return out;
                });
    }

    /** The dossiers an actor submitted or that name them as applicant, newest first. */
    public Uni<List<Dossier>> mine(SqlConnection conn, String actor, int limit) {
        return conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where (d.submitted_by = $1 or d.applicant_actor = $1) "
                + "and d.parent_id is null order by d.submitted_at desc limit $2").execute(Tuple.of(actor, limit))
                .map(rows -> {
                    List<Dossier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(DossierRows.map(r)));
                    return out;
                });
    }

    /** What the public look-up shows of a dossier: where it stands, nothing personal. */
    public record LookupRow(String receiptCode, DossierStatus status, String procedureCode, LocalDate procedureVersion,
            String stepCode, String stepTenant, OffsetDateTime stepDueAt, OffsetDateTime dueAt, OffsetDateTime submittedAt,
            OffsetDateTime closedAt, String delayReason, OffsetDateTime appointmentAt) {
    }

    /** The public look-up: a few fields, only when both the code and the phone match. */
    public Uni<Optional<LookupRow>> lookup(SqlConnection conn, String key, String phoneKey) {
        return conn.preparedQuery("select * from dossier_lookup($1, $2)").execute(Tuple.of(key, phoneKey))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new LookupRow(r.getString("receipt_code"), DossierStatus.of(r.getString("status")),
                            r.getString("procedure_code"), r.getLocalDate("procedure_version"), r.getString("step_code"),
                            r.getString("step_tenant") != null ? r.getString("step_tenant") : r.getString("tenant_id"),
                            r.getOffsetDateTime("step_due_at"), r.getOffsetDateTime("due_at"), r.getOffsetDateTime("submitted_at"),
                            r.getOffsetDateTime("closed_at"), r.getString("delay_reason"), r.getOffsetDateTime("appointment_at")));
                });
    }

    /**
     * The dossiers a post office took in or must deliver, newest first: row-level security (the transaction's
     * {@code app.offices}) decides which; the filter only picks the office's role.
     */
    public Uni<List<Dossier>> ofPostOffice(SqlConnection conn, String office, boolean delivery, OffsetDateTime before, int limit) {
        String column = delivery ? "d.delivery_office" : "d.intake_office";
        return conn.preparedQuery("select " + DossierRows.SELECT + " from dossier d where " + column + " = $1 and d.submitted_at < $2"
                + " order by d.submitted_at desc, d.id desc limit $3")
                .execute(Tuple.of(office, before, limit))
                .map(rows -> {
                    List<Dossier> out = new ArrayList<>();
                    rows.forEach(r -> out.add(DossierRows.map(r)));
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
}
