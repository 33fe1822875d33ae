package vn.motcua.tenant;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A tenant's own desk hours (lịch tiếp nhận và trả kết quả), set by its administrators in the console over the hours
 * of the tenant files: the table {@code tenant_desk_hours}, append-only, whose newest row per tenant is in force (a
 * row without hours goes back to the files'). The override applies to that tenant alone; the tenants below keep
 * theirs. {@link TenantDirectory}'s tree carries the hours in force, so the portal and the API show them.
 *
 * <p>Writes run on the connection of a transaction the caller opened, scoped to the tenant (row-level security
 * refuses any other); the caller then calls {@link TenantDirectory#invalidate()} once it committed.
 */
@ApplicationScoped
public class DeskHoursSettings {

    /** One change of a tenant's hours: {@code hours} empty when it went back to the files'. */
    public record Change(DeskHours hours, String reason, OffsetDateTime at, String by) {
    }

    static final String CURRENT = """
            select distinct on (tenant_id) tenant_id, week from tenant_desk_hours order by tenant_id, id desc""";

    static final String INSERT = """
            insert into tenant_desk_hours (tenant_id, week, reason, set_by, set_by_name) values ($1, $2, $3, $4, $5)""";

    static final String HISTORY = """
            select week, reason, set_at, coalesce(set_by_name, set_by) as by from tenant_desk_hours
             where tenant_id = $1 order by id desc limit $2""";

    /** The hours in force by tenant, for the tenants that override the files'. */
    public static Uni<Map<String, DeskHours>> overrides(SqlClient client) {
        return client.query(CURRENT).execute().map(rows -> {
            Map<String, DeskHours> out = new HashMap<>();
            for (Row r : rows) {
                JsonObject week = (JsonObject) r.getValue("week");
                if (week != null) {
                    out.put(r.getString("tenant_id"), DeskHoursJson.fromJson(week));
                }
            }
            return out;
        });
    }

    /** Sets {@code tenant}'s hours ({@code null}: back to the files'), in the caller's transaction. */
    public Uni<Void> set(SqlConnection conn, String tenant, DeskHours hours, String reason, String actorKey, String actorName) {
        return conn.preparedQuery(INSERT).execute(Tuple.tuple(Arrays.asList(tenant, hours == null ? null : DeskHoursJson.toJson(hours),
                reason, actorKey, actorName))).replaceWithVoid();
    }

    /** The newest changes of {@code tenant}'s hours, newest first. */
    public Uni<List<Change>> history(SqlConnection conn, String tenant, int limit) {
        return conn.preparedQuery(HISTORY).execute(Tuple.of(tenant, limit)).map(rows -> {
            List<Change> out = new ArrayList<>();
            for (Row r : rows) {
                JsonObject week = (JsonObject) r.getValue("week");
                out.add(new Change(week == null ? null : DeskHoursJson.fromJson(week), r.getString("reason"),
                        r.getOffsetDateTime("set_at"), r.getString("by")));
            }
            return out;
        });
    }

    /** The hours as the API shows them: {@code {"MONDAY": ["07:30-11:30"]}}. */
    public static Map<String, List<String>> view(DeskHours hours) {
        return DeskHoursJson.view(hours);
    }

    /** Days of the week in order, Monday first. */
    public static List<DayOfWeek> week() {
        return List.of(DayOfWeek.values());
    }
}
