package vn.motcua.nationalportal.store;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.notification.OutboxItem;

/**
 * The national portal's lane of the outbox (hàng đợi đồng bộ): claiming its due rows through V18's
 * {@code national_portal_claim}, and counting what was synced per tenant and period.
 */
@ApplicationScoped
public class PortalRows {

    static final String CLAIM = "select * from national_portal_claim($1, $2)";

    static final String RATES = """
            select o.tenant_id,
                   count(*) as total,
                   count(*) filter (where o.status = 'sent') as synced,
                   count(*) filter (where o.status = 'pending') as pending,
                   count(*) filter (where o.status = 'dead') as dead,
                   avg(extract(epoch from o.sent_at - o.created_at)) filter (where o.status = 'sent') as mean_lag,
                   percentile_cont(0.9) within group (order by extract(epoch from o.sent_at - o.created_at))
                       filter (where o.status = 'sent') as p90_lag,
                   max(extract(epoch from clock_timestamp() - o.created_at)) filter (where o.status <> 'sent') as oldest_unsynced
              from outbox o
             where o.tenant_id = any($1) and o.kind in ('portal-status', 'rating') and o.created_at >= $2 and o.created_at < $3
             group by o.tenant_id""";

    /** One tenant's own rows of the period: how many, in which state, and how long the synced ones took (seconds). */
    public record Rate(String tenant, long total, long synced, long pending, long dead, Double meanLagSeconds, Double p90LagSeconds,
            Double oldestUnsyncedSeconds) {
    }

    /** Up to {@code limit} due rows, leased for {@code lease}, each with the dossier as it stands now ({@code facts}). */
    public Uni<List<OutboxItem>> claim(SqlConnection conn, int limit, Duration lease) {
        return conn.preparedQuery(CLAIM).execute(Tuple.of(limit, (int) Math.max(1, lease.toSeconds()))).map(rows -> {
            List<OutboxItem> out = new ArrayList<>();
            for (Row r : rows) {
                JsonObject facts = new JsonObject().put("procedureCode", r.getString("procedure_code"))
                        .put("channel", r.getString("dossier_channel")).put("status", r.getString("dossier_status"))
                        .put("receivedBy", r.getString("received_by")).put("holder", r.getString("holder"))
                        .put("submittedAt", text(r.getOffsetDateTime("submitted_at"))).put("dueAt", text(r.getOffsetDateTime("due_at")))
                        .put("closedAt", text(r.getOffsetDateTime("closed_at"))).put("resultAt", text(r.getOffsetDateTime("result_at")))
                        .put("returnChannel", r.getString("return_channel")).put("applicantName", r.getString("applicant_name"))
                        .put("applicantPhone", r.getString("applicant_phone")).put("portalId", r.getString("portal_id"));
                out.add(new OutboxItem(r.getLong("id"), r.getUUID("dossier_id"), r.getString("tenant_id"), r.getString("kind"),
                        r.getInteger("attempts"), r.getString("receipt_code"), r.getJsonObject("payload"), facts));
            }
            return out;
        });
    }

    /** The rows of {@code tenants} queued from {@code from} (inclusive) to {@code to} (exclusive), per tenant. */
    public Uni<List<Rate>> rates(SqlConnection conn, String[] tenants, OffsetDateTime from, OffsetDateTime to) {
        return conn.preparedQuery(RATES).execute(Tuple.of(tenants, from, to)).map(rows -> {
            List<Rate> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Rate(r.getString("tenant_id"), r.getLong("total"), r.getLong("synced"), r.getLong("pending"), r.getLong("dead"),
                        number(r, "mean_lag"), number(r, "p90_lag"), number(r, "oldest_unsynced")));
            }
            return out;
        });
    }

    private static Double number(Row r, String column) {
        Object v = r.getValue(column);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
