package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.cache.SharedValue;
import vn.motcua.platform.cache.SharedValues;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.tenant.LocalizedText;

/**
 * Tenants' own calendar days (local closures, extra working days, swapped days), set by their administrators in the
 * console: the table {@code tenant_calendar_day}, append-only, whose newest row per tenant and day is in force. Every
 * replica holds all of them in one shared value ({@link SharedValue}: invalidated on every replica after a change,
 * refreshed after {@link #MAX_AGE} at most), which {@link CalendarService} composes into each tenant's calendar.
 *
 * <p>Writes run on the connection of a transaction the caller opened, scoped to the tenant (row-level security refuses
 * any other); the caller then calls {@link #changed()} once it committed.
 */
@ApplicationScoped
public class CalendarSettings {

    /** How long a replica serves the days it holds before it reads them again, if no change told it sooner. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** One entry of a tenant's history: {@code kind} empty when the day went back to the calendar's. */
    public record Change(LocalDate date, CalendarDay.Kind kind, LocalDate paired, String reason, OffsetDateTime at, String by) {
    }

    /** Every tenant's days in force, by tenant, in date order. */
    public record Snapshot(Map<String, List<CalendarDay>> byTenant) {
        static final Snapshot EMPTY = new Snapshot(Map.of());

        public List<CalendarDay> of(String tenant) {
            return byTenant.getOrDefault(tenant, List.of());
        }
    }

    static final String CURRENT = """
            select tenant_id, day, kind, paired_day, reason_vi, reason_en from (
                select distinct on (tenant_id, day) tenant_id, day, kind, paired_day, reason_vi, reason_en
                  from tenant_calendar_day order by tenant_id, day, id desc) d
             where kind <> 'cleared' order by tenant_id, day""";

    static final String INSERT = """
            insert into tenant_calendar_day (tenant_id, day, kind, paired_day, reason_vi, reason_en, set_by, set_by_name)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    static final String HISTORY = """
            select day, kind, paired_day, reason_vi, set_at, coalesce(set_by_name, set_by) as by from tenant_calendar_day
             where tenant_id = $1 and day between $2 and $3 order by id desc limit $4""";

    private final SharedValue<Snapshot> snapshot;

    CalendarSettings(SharedValues values, ScopedTransactions transactions) {
        this.snapshot = values.value("calendar-days", MAX_AGE,
                () -> transactions.onConnection(TenantScope.none(), conn -> conn.query(CURRENT).execute().map(CalendarSettings::snapshot)));
    }

    /** Every tenant's days in force. */
    public Uni<Snapshot> snapshot() {
        return snapshot.get();
    }

    /** Tells every replica that the days changed; call once the transaction that changed them committed. */
    public Uni<Void> changed() {
        return snapshot.invalidate();
    }

    /** Sets a day of {@code tenant}, in the caller's transaction. */
    public Uni<Void> set(SqlConnection conn, String tenant, CalendarDay day, String actorKey, String actorName) {
        return insert(conn, tenant, day.date(), day.kind().wire(), day.paired(), day.reason().vi(), day.reason().en(), actorKey, actorName);
    }

    /** Takes back what was set for a day of {@code tenant} (the calendar's own rule applies again), in the caller's transaction. */
    public Uni<Void> clear(SqlConnection conn, String tenant, LocalDate date, String actorKey, String actorName) {
        return insert(conn, tenant, date, "cleared", null, null, null, actorKey, actorName);
    }

    /** The changes of {@code tenant}'s days between two dates, newest first. */
    public Uni<List<Change>> history(SqlConnection conn, String tenant, LocalDate from, LocalDate to, int limit) {
        return conn.preparedQuery(HISTORY).execute(Tuple.of(tenant, from, to, limit)).map(rows -> {
            List<Change> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Change(r.getLocalDate("day"), CalendarDay.Kind.of(r.getString("kind")), r.getLocalDate("paired_day"),
                        r.getString("reason_vi"), r.getOffsetDateTime("set_at"), r.getString("by")));
            }
            return out;
        });
    }

    private static Uni<Void> insert(SqlConnection conn, String tenant, LocalDate date, String kind, LocalDate paired, String vi, String en,
            String actorKey, String actorName) {
        return conn.preparedQuery(INSERT).execute(Tuple.tuple(Arrays.asList(tenant, date, kind, paired, vi, en, actorKey, actorName)))
                .replaceWithVoid();
    }

    private static Snapshot snapshot(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Map<String, List<CalendarDay>> out = new HashMap<>();
        for (Row r : rows) {
            String vi = r.getString("reason_vi");
            String en = r.getString("reason_en");
            out.computeIfAbsent(r.getString("tenant_id"), t -> new ArrayList<>()).add(new CalendarDay(r.getLocalDate("day"),
                    CalendarDay.Kind.of(r.getString("kind")), r.getLocalDate("paired_day"),
                    new LocalizedText(vi, en == null || en.isBlank() ? vi : en)));
        }
        out.replaceAll((t, days) -> List.copyOf(days));
        return out.isEmpty() ? Snapshot.EMPTY : new Snapshot(Map.copyOf(out));
    }
}
