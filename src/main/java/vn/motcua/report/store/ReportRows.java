package vn.motcua.report.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.report.domain.Figures;

/**
 * The report's tables (V17): the refresh's watermark, one row per dossier ({@code report_dossier}) and per ended step
 * ({@code report_step}), the weekly reports; and the sums the report reads. Plain SQL on the reactive client, inside
 * the caller's scoped transaction.
 */
@ApplicationScoped
public class ReportRows {

    /** Where the history was read up to, locked for this transaction; empty when another replica holds it. */
    public Uni<Optional<Long>> lockWatermark(SqlConnection conn) {
        return conn.query("select last_event from report_refresh where id = 1 for update skip locked").execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("last_event")));
    }

    public Uni<Void> moveWatermark(SqlConnection conn, long lastEvent) {
        return conn.preparedQuery("update report_refresh set last_event = $1, ran_at = clock_timestamp() where id = 1")
                .execute(Tuple.of(lastEvent)).replaceWithVoid();
    }

    /** The history rows past the watermark, older than {@code lagSeconds}: their last id, and the dossiers they touch. */
    public record Touched(long lastEvent, List<UUID> dossiers) {
    }

    public Uni<Touched> touched(SqlConnection conn, long after, int batch, long lagSeconds) {
        // A dossier's parts fold into their parent: the row is the parent's. The lag leaves alone the rows whose
        // transaction may not have committed yet (identity values are taken before commit, not in commit order).
        return conn.preparedQuery("""
                with e as (select id, dossier_id from dossier_event
                            where id > $1 and occurred_at < clock_timestamp() - make_interval(secs => $3)
                            order by id limit $2)
                select (select max(id) from e) as last_event,
                       array(select distinct coalesce(d.parent_id, d.id) from e join dossier d on d.id = e.dossier_id) as dossiers""")
                .execute(Tuple.of(after, batch, (double) lagSeconds)).map(rows -> {
                    Row r = rows.iterator().next();
                    Long last = r.getLong("last_event");
                    UUID[] ids = r.getArrayOfUUIDs("dossiers");
                    return new Touched(last == null ? after : last, ids == null ? List.of() : List.of(ids));
                });
    }

    /**
     * What a dossier's report row is computed from: the dossier, its supplement pauses, its rating, and whether its fee
     * was paid online (a gateway payment of it that is {@code paid}, V16; one refunded or still pending is not).
     */
    public record Source(UUID id, String tenant, String procedure, String channel, OffsetDateTime submittedAt, OffsetDateTime clockStart,
            OffsetDateTime dueAt, OffsetDateTime closedAt, String outcome, long fee, boolean reused, boolean received, Integer rating,
            List<OffsetDateTime[]> pauses, int supplements, boolean paidOnline) {
    }

    public Uni<List<Source>> sources(SqlConnection conn, List<UUID> ids) {
        // Pauses from the history: a row into supplement-requested stops the clock, the next one out of it restarts
        // it (whoever answered: the applicant online or the desk).
        return conn.preparedQuery("""
                select d.id, d.received_by, d.procedure_code, d.channel, d.submitted_at, d.clock_start, d.due_at, d.closed_at, d.outcome,
                       d.fee, d.reuse_consent_at is not null as reused,
                       exists (select 1 from dossier_event e where e.dossier_id = d.id and e.action = 'receive') as received,
                       (select r.score from dossier_rating r where r.dossier_id = d.id) as rating,
                       exists (select 1 from payment p where p.dossier_id = d.id and p.method = 'gateway' and p.state = 'paid') as paid_online,
                       array(select e.occurred_at from dossier_event e
                              where e.dossier_id = d.id
                                and (e.to_status = 'supplement-requested') <> (coalesce(e.from_status, '') = 'supplement-requested')
                              order by e.id) as turns,
                       (select count(*) from dossier_event e where e.dossier_id = d.id and e.to_status = 'supplement-requested'
                           and coalesce(e.from_status, '') <> 'supplement-requested') as supplements
                  from dossier d where d.id = any($1)""")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
                    List<Source> out = new ArrayList<>();
                    for (Row r : rows) {
                        OffsetDateTime[] turns = r.getArrayOfOffsetDateTimes("turns");
                        List<OffsetDateTime[]> pauses = new ArrayList<>();
                        for (int i = 0; i < turns.length; i += 2) {
                            pauses.add(new OffsetDateTime[] { turns[i], i + 1 < turns.length ? turns[i + 1] : null });
                        }
                        out.add(new Source(r.getUUID("id"), r.getString("received_by"), r.getString("procedure_code"), r.getString("channel"),
                                r.getOffsetDateTime("submitted_at"), r.getOffsetDateTime("clock_start"), r.getOffsetDateTime("due_at"),
                                r.getOffsetDateTime("closed_at"), r.getString("outcome"), r.getLong("fee"), r.getBoolean("reused"),
                                r.getBoolean("received"), r.getInteger("rating"), pauses, r.getLong("supplements").intValue(),
                                r.getBoolean("paid_online")));
                    }
                    return out;
                });
    }

    /** A dossier's report row, as the refresh computed it. */
    public record Fact(UUID id, String tenant, String procedure, String channel, LocalDate receivedOn, LocalDate closedOn, String outcome,
            String timeliness, int supplements, Long workingMinutes, int minutesPerDay, boolean digitized, boolean reused, boolean hasFee,
            boolean paidOnline, Integer rating) {
    }

    public Uni<Void> upsert(SqlConnection conn, List<Fact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = facts.stream().map(f -> Tuple.from(new Object[] { f.id(), f.tenant(), f.procedure(), f.channel(), f.receivedOn(),
                f.closedOn(), f.outcome(), f.timeliness(), f.supplements(), f.workingMinutes(), f.minutesPerDay(), f.digitized(), f.reused(),
                f.hasFee(), f.paidOnline(), f.rating() })).toList();
        return conn.preparedQuery("""
                insert into report_dossier (dossier_id, tenant_id, procedure_code, channel, received_on, closed_on, outcome, timeliness,
                                            supplements, working_minutes, minutes_per_day, digitized, reused, has_fee, paid_online, rating)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                on conflict (dossier_id) do update set tenant_id = excluded.tenant_id, procedure_code = excluded.procedure_code,
                    channel = excluded.channel, received_on = excluded.received_on, closed_on = excluded.closed_on, outcome = excluded.outcome,
                    timeliness = excluded.timeliness, supplements = excluded.supplements, working_minutes = excluded.working_minutes,
                    minutes_per_day = excluded.minutes_per_day, digitized = excluded.digitized, reused = excluded.reused,
                    has_fee = excluded.has_fee, paid_online = excluded.paid_online, rating = excluded.rating, refreshed_at = clock_timestamp()""")
                .executeBatch(batch).replaceWithVoid();
    }

    /** Every ended step of these dossiers and their parts, counted under the top dossier's receiving desk. */
    public Uni<Void> upsertSteps(SqlConnection conn, List<UUID> tops) {
        return conn.preparedQuery("""
                insert into report_step (dossier_id, seq, tenant_id, step_code, step_tenant, holder_name, ended_on, late)
                select s.dossier_id, s.seq, top.received_by, s.code, s.tenant_id, s.holder_name,
                       (s.ended_at at time zone 'Asia/Ho_Chi_Minh')::date, s.ended_at > s.due_at
                  from dossier top
                  join dossier d on d.id = top.id or d.parent_id = top.id
                  join dossier_step s on s.dossier_id = d.id and s.ended_at is not null
                 where top.id = any($1)
                on conflict (dossier_id, seq) do update set tenant_id = excluded.tenant_id, step_code = excluded.step_code,
                    step_tenant = excluded.step_tenant, holder_name = excluded.holder_name, ended_on = excluded.ended_on, late = excluded.late""")
                .execute(Tuple.of(tops.toArray(UUID[]::new))).replaceWithVoid();
    }

    /**
     * The figures of each group of tenants over {@code from}–{@code to} (days, inclusive), and of all of them together
     * (the row whose group is null). {@code tenants[i]} belongs to {@code groups[i]}.
     */
    public Uni<List<Figures>> figures(SqlConnection conn, String[] tenants, String[] groups, LocalDate from, LocalDate to) {
        // The service's connections plan without parallel workers (application.properties); a year of a city's rows is
        // the one read that gains from them: PostgreSQL's default (two per gather) for this transaction only.
        return conn.query("set local max_parallel_workers_per_gather = 2").execute().chain(() -> conn.preparedQuery("""
                with g as (select * from unnest($1::text[], $2::text[]) as g(tenant, grp)),
                r as (select g.grp, f.*,
                             f.received_on between $3 and $4 as rin,
                             f.closed_on between $3 and $4 and f.outcome <> 'refused' as din
                        from report_dossier f join g on g.tenant = f.tenant_id
                       where f.received_on between $3 and $4 or f.closed_on between $3 and $4)
                select grp,
                       count(*) filter (where rin) as received,
                       count(*) filter (where rin and channel in ('online-full', 'online-partial')) as online,
                       count(*) filter (where rin and channel in ('counter', 'postal')) as paper,
                       count(*) filter (where rin and channel in ('counter', 'postal') and digitized) as digitized,
                       count(*) filter (where rin and reused) as reused,
                       count(*) filter (where rin and has_fee) as with_fee,
                       count(*) filter (where rin and has_fee and paid_online) as paid_online,
                       coalesce(sum(supplements) filter (where rin), 0) as supplements,
                       count(*) filter (where din) as decided,
                       count(*) filter (where din and timeliness = 'early') as early,
                       count(*) filter (where din and timeliness = 'on-time') as on_time,
                       count(*) filter (where din and timeliness = 'late') as late,
                       count(*) filter (where closed_on between $3 and $4 and outcome = 'refused') as refused,
                       avg(working_minutes::float8 / minutes_per_day) filter (where din) as mean_days,
                       percentile_cont(0.9) within group (order by working_minutes::float8 / minutes_per_day) filter (where din) as p90_days,
                       count(rating) filter (where din) as ratings,
                       avg(rating::float8) filter (where din) as mean_rating
                  from r group by grouping sets ((grp), ())""")
                .execute(Tuple.from(new Object[] { tenants, groups, from, to })).map(rows -> {
                    List<Figures> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Figures(r.getString("grp"), r.getLong("received"), r.getLong("online"), r.getLong("paper"),
                                r.getLong("digitized"), r.getLong("reused"), r.getLong("with_fee"), r.getLong("paid_online"),
                                r.getLong("supplements"), r.getLong("decided"), r.getLong("early"), r.getLong("on_time"), r.getLong("late"),
                                r.getLong("refused"), r.getDouble("mean_days"), r.getDouble("p90_days"), r.getLong("ratings"),
                                r.getDouble("mean_rating")));
                    }
                    return out;
                }));
    }

    /** Late steps, by step and office, or by holder: {@code key} and {@code office} name the group. */
    public record LateCount(String key, String office, long late, long ended) {
    }

    public Uni<List<LateCount>> lateBy(SqlConnection conn, boolean byHolder, String[] tenants, LocalDate from, LocalDate to, int limit) {
        String key = byHolder ? "coalesce(holder_name, '')" : "step_code";
        return conn.preparedQuery("select " + key + " as key, step_tenant, count(*) filter (where late) as late, count(*) as ended "
                + "from report_step where tenant_id = any($1) and ended_on between $2 and $3 group by 1, 2 "
                + (byHolder ? "having count(*) filter (where late) > 0 " : "") + "order by 3 desc, 1, 2 limit $4")
                .execute(Tuple.of(tenants, from, to, limit)).map(rows -> {
                    List<LateCount> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new LateCount(r.getString("key"), r.getString("step_tenant"), r.getLong("late"), r.getLong("ended"))));
                    return out;
                });
    }

    /** Per week (its Monday) of the period: dossiers returned, and of them early or on time. */
    public Uni<List<vn.motcua.report.domain.Charts.Week>> weeks(SqlConnection conn, String[] tenants, LocalDate from, LocalDate to) {
        return conn.preparedQuery("""
                select date_trunc('week', closed_on)::date as week, count(*) as decided,
                       count(*) filter (where timeliness in ('early', 'on-time')) as in_time
                  from report_dossier where tenant_id = any($1) and closed_on between $2 and $3 and outcome <> 'refused'
                 group by 1 order by 1""")
                .execute(Tuple.of(tenants, from, to)).map(rows -> {
                    List<vn.motcua.report.domain.Charts.Week> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new vn.motcua.report.domain.Charts.Week(r.getLocalDate("week").toString(), r.getLong("decided"),
                            r.getLong("in_time"))));
                    return out;
                });
    }

    /** Of {@code procedures}, those no tenant of {@code tenants} received a dossier of since {@code since}. */
    public Uni<List<String>> unused(SqlConnection conn, String[] tenants, String[] procedures, LocalDate since) {
        return conn.preparedQuery("""
                select p from unnest($2::text[]) as p
                 where not exists (select 1 from report_dossier f
                                    where f.procedure_code = p and f.received_on >= $3 and f.tenant_id = any($1))
                 order by p""")
                .execute(Tuple.of(tenants, procedures, since)).map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** Keeps a week's report unless one is there already (another replica wrote it first): true when this one was kept. */
    public Uni<Boolean> keepWeekly(SqlConnection conn, String tenant, LocalDate weekStart, String csv, byte[] pdf) {
        return conn.preparedQuery("insert into report_weekly (tenant_id, week_start, csv, pdf) values ($1, $2, $3, $4) "
                + "on conflict do nothing").execute(Tuple.of(tenant, weekStart, csv, io.vertx.core.buffer.Buffer.buffer(pdf)))
                .map(rs -> rs.rowCount() == 1);
    }

    public Uni<Boolean> hasWeekly(SqlConnection conn, String tenant, LocalDate weekStart) {
        return conn.preparedQuery("select 1 from report_weekly where tenant_id = $1 and week_start = $2")
                .execute(Tuple.of(tenant, weekStart)).map(rows -> rows.size() > 0);
    }

    /** A weekly report not yet e-mailed, with its files. */
    public record Unsent(String tenant, LocalDate weekStart, String csv, byte[] pdf) {
    }

    /** The weeks since {@code since} whose report of {@code tenant} is not yet e-mailed, oldest first. */
    public Uni<List<LocalDate>> unsentWeeks(SqlConnection conn, String tenant, LocalDate since) {
        return conn.preparedQuery("select week_start from report_weekly where tenant_id = $1 and week_start >= $2 and sent_at is null "
                + "order by week_start").execute(Tuple.of(tenant, since)).map(rows -> {
                    List<LocalDate> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getLocalDate(0)));
                    return out;
                });
    }

    /**
     * A week's report to e-mail, locked for this transaction ({@code SKIP LOCKED}: another replica sending it means
     * this one passes); empty when it was sent meanwhile or is being sent.
     */
    public Uni<java.util.Optional<Unsent>> lockUnsent(SqlConnection conn, String tenant, LocalDate weekStart) {
        return conn.preparedQuery("select csv, pdf from report_weekly where tenant_id = $1 and week_start = $2 and sent_at is null "
                + "for update skip locked").execute(Tuple.of(tenant, weekStart)).map(rows -> {
                    if (rows.size() == 0) {
                        return java.util.Optional.<Unsent>empty();
                    }
                    Row r = rows.iterator().next();
                    return java.util.Optional.of(new Unsent(tenant, weekStart, r.getString("csv"), r.getBuffer("pdf").getBytes()));
                });
    }

    /** Records that a week's report was e-mailed to {@code recipients} addresses. */
    public Uni<Void> weeklySent(SqlConnection conn, String tenant, LocalDate weekStart, int recipients) {
        return conn.preparedQuery("update report_weekly set sent_at = clock_timestamp(), sent_to = $3, send_error = null "
                + "where tenant_id = $1 and week_start = $2").execute(Tuple.of(tenant, weekStart, recipients)).replaceWithVoid();
    }

    /** Records why a week's report could not be e-mailed; it is tried again at the next run. */
    public Uni<Void> weeklyFailed(SqlConnection conn, String tenant, LocalDate weekStart, String error) {
        return conn.preparedQuery("update report_weekly set send_error = left($3, 500) where tenant_id = $1 and week_start = $2")
                .execute(Tuple.of(tenant, weekStart, error)).replaceWithVoid();
    }
}
