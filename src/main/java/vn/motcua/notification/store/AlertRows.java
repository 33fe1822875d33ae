package vn.motcua.notification.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.notification.NearlyLate;

/** The nearly-late alerts (cảnh báo sắp đến hạn): raised across tenants by V15's function, read per tenant. */
@ApplicationScoped
public class AlertRows {

    static final String RAISE = "select deadline_alerts_raise($1, $2, $3) as n";

    /** The alerts of a tenant whose step is still open. */
    static final String OPEN = """
            select a.receipt_code, a.holder_name, a.due_at, a.raised_at
              from deadline_alert a join dossier_step s on s.dossier_id = a.dossier_id and s.seq = a.step_seq
             where a.tenant_id = $1 and s.ended_at is null
             order by a.due_at limit $2""";

    /** Raises the alerts now due, each once, and queues their e-mails; the number raised. */
    public Uni<Integer> raise(SqlConnection conn, int defaultMinutes, Map<String, Long> perTenant, int limit) {
        JsonObject minutes = new JsonObject();
        perTenant.forEach((tenant, m) -> minutes.put(tenant, m.intValue()));
        return conn.preparedQuery(RAISE).execute(Tuple.of(defaultMinutes, minutes, limit))
                .map(rows -> rows.iterator().next().getInteger("n"));
    }

    public Uni<List<NearlyLate>> open(SqlConnection conn, String tenant, int limit) {
        return conn.preparedQuery(OPEN).execute(Tuple.of(tenant, limit)).map(rows -> {
            List<NearlyLate> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new NearlyLate(r.getString("receipt_code"), r.getString("holder_name"), r.getOffsetDateTime("due_at"),
                        r.getOffsetDateTime("raised_at")));
            }
            return out;
        });
    }
}
