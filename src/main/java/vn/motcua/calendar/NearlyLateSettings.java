package vn.motcua.calendar;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.cache.SharedValue;
import vn.motcua.platform.cache.SharedValues;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;

/**
 * A tenant's nearly-late threshold (ngưỡng cảnh báo sắp đến hạn): how long before a step's due time, in the tenant's
 * working time, the step counts as nearly late. One rule for the desk's "nearly late" queue and for the alerts to the
 * holder and the leaders, so that what the console lists and what is e-mailed never disagree. Set by the tenant's
 * administrators in the console (table {@code tenant_nearly_late}, V20, append-only, the newest row in force); a
 * tenant without one counts one working day of its own calendar.
 *
 * <p>Every replica holds all tenants' thresholds in one shared value ({@link SharedValue}: invalidated on every replica
 * after a change, read again after {@link #MAX_AGE} at most). Writes run on the connection of a transaction the caller
 * opened, scoped to the tenant; the caller then calls {@link #changed()} once it committed.
 */
@ApplicationScoped
public class NearlyLateSettings {

    /** How long a replica serves the thresholds it holds before it reads them again, if no change told it sooner. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** The bounds an administrator may set, in working minutes: one working hour to ten working days of 8 hours. */
    public static final int MIN_MINUTES = 60;
    public static final int MAX_MINUTES = 4800;

    /** One change of a tenant's threshold: {@code minutes} empty when it went back to one working day. */
    public record Change(Integer minutes, String reason, OffsetDateTime at, String by) {
    }

    static final String CURRENT = """
            select tenant_id, working_minutes from (
                select distinct on (tenant_id) tenant_id, working_minutes from tenant_nearly_late order by tenant_id, id desc) t
             where working_minutes is not null""";

    static final String INSERT = """
            insert into tenant_nearly_late (tenant_id, working_minutes, reason, set_by, set_by_name) values ($1, $2, $3, $4, $5)""";

    static final String HISTORY = """
            select working_minutes, reason, set_at, coalesce(set_by_name, set_by) as by from tenant_nearly_late
             where tenant_id = $1 order by id desc limit $2""";

    private final SharedValue<Map<String, Integer>> thresholds;
    private final CalendarService calendars;

    NearlyLateSettings(SharedValues values, ScopedTransactions transactions, CalendarService calendars) {
        this.calendars = calendars;
        this.thresholds = values.value("nearly-late", MAX_AGE, () -> transactions.onConnection(TenantScope.none(),
                conn -> conn.query(CURRENT).execute().map(rows -> {
                    Map<String, Integer> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("tenant_id"), r.getInteger("working_minutes"));
                    }
                    return Map.copyOf(out);
                })));
    }

    /** The working minutes {@code tenant} set, if it set any. */
    public Uni<Optional<Integer>> own(String tenant) {
        return thresholds.get().map(all -> Optional.ofNullable(all.get(tenant)));
    }

    /** {@code tenant}'s threshold in working minutes: its own, or one working day of {@code calendar}. */
    public Uni<Long> minutes(String tenant, WorkingCalendar calendar) {
        return own(tenant).map(own -> own.map(Integer::longValue).orElseGet(() -> calendar.minutes(BigDecimal.ONE)));
    }

    /**
     * The end of "nearly late" for {@code tenant} at {@code now}: a step due after {@code now} and no later than this is
     * nearly late. Counted in the tenant's working time, so a threshold of one working day on a Friday afternoon reaches
     * into Monday.
     */
    public Uni<OffsetDateTime> until(String tenant, WorkingCalendar calendar, OffsetDateTime now) {
        return minutes(tenant, calendar).map(m -> calendar.dueAfterMinutes(now, m));
    }

    /** As {@link #until(String, WorkingCalendar, OffsetDateTime)}, with the tenant's own calendar. */
    public Uni<OffsetDateTime> until(String tenant, OffsetDateTime now) {
        return calendars.of(tenant).chain(calendar -> until(tenant, calendar, now));
    }

    /** Tells every replica that a threshold changed; call once the transaction that changed it committed. */
    public Uni<Void> changed() {
        return thresholds.invalidate();
    }

    /** Sets {@code tenant}'s threshold ({@code null}: back to one working day), in the caller's transaction. */
    public Uni<Void> set(SqlConnection conn, String tenant, Integer minutes, String reason, String actorKey, String actorName) {
        return conn.preparedQuery(INSERT).execute(Tuple.tuple(Arrays.asList(tenant, minutes, reason, actorKey, actorName))).replaceWithVoid();
    }

    /** The newest changes of {@code tenant}'s threshold, newest first. */
    public Uni<List<Change>> history(SqlConnection conn, String tenant, int limit) {
        return conn.preparedQuery(HISTORY).execute(Tuple.of(tenant, limit)).map(rows -> {
            List<Change> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Change(r.getInteger("working_minutes"), r.getString("reason"), r.getOffsetDateTime("set_at"), r.getString("by")));
            }
            return out;
        });
    }
}
