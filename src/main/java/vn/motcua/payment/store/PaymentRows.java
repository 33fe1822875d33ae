package vn.motcua.payment.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import vn.motcua.payment.domain.Payment;
import vn.motcua.payment.domain.PaymentState;
import vn.motcua.payment.domain.ReceiptNumbers;

/**
 * The payment tables (V16): one column list and one row mapper for {@code payment}, its history
 * ({@code payment_event}, appended only) and the electronic receipts' counter. Row-level security scopes every
 * statement to the transaction's tenants.
 */
@ApplicationScoped
public class PaymentRows {

    static final String COLUMNS = "id, tenant_id, dossier_id, receipt_code, txn_ref, method, channel, amount, state, gateway_txn_no, "
            + "bank_code, gateway_date, e_receipt_no, paid_at, created_by, taken_by, taken_name, created_at, expires_at";

    /** One entry of a payment's history. */
    public record Event(OffsetDateTime at, String source, String from, String to, String actor, String actorName, JsonObject detail) {
    }

    static Payment map(Row r) {
        return new Payment(r.getUUID("id"), r.getString("tenant_id"), r.getUUID("dossier_id"), r.getString("receipt_code"),
                r.getString("txn_ref"), r.getString("method"), r.getString("channel"), r.getLong("amount"),
                PaymentState.of(r.getString("state")), r.getString("gateway_txn_no"), r.getString("bank_code"), r.getString("gateway_date"),
                r.getString("e_receipt_no"), r.getOffsetDateTime("paid_at"), r.getString("created_by"), r.getString("taken_by"),
                r.getString("taken_name"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("expires_at"));
    }

    static List<Payment> all(RowSet<Row> rows) {
        List<Payment> out = new ArrayList<>();
        rows.forEach(r -> out.add(map(r)));
        return out;
    }

    public Uni<Void> insert(SqlConnection conn, Payment p) {
        return conn.preparedQuery("insert into payment (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                + "$14, $15, $16, $17, $18, $19)")
                .execute(Tuple.from(new Object[] { p.id(), p.tenant(), p.dossierId(), p.receiptCode(), p.txnRef(), p.method(), p.channel(),
                        p.amount(), p.state().wire(), p.gatewayTxnNo(), p.bankCode(), p.gatewayDate(), p.eReceiptNo(), p.paidAt(),
                        p.createdBy(), p.takenBy(), p.takenName(), p.createdAt(), p.expiresAt() }))
                .replaceWithVoid();
    }

    /** Writes what may change of a payment: its state and the gateway's facts, the receipt number, the time paid. */
    public Uni<Void> update(SqlConnection conn, Payment p) {
        return conn.preparedQuery("update payment set state = $2, gateway_txn_no = $3, bank_code = $4, gateway_date = $5, "
                + "e_receipt_no = $6, paid_at = $7, updated_at = clock_timestamp() where id = $1")
                .execute(Tuple.from(new Object[] { p.id(), p.state().wire(), p.gatewayTxnNo(), p.bankCode(), p.gatewayDate(), p.eReceiptNo(),
                        p.paidAt() }))
                .replaceWithVoid();
    }

    /** A payment by its gateway reference, locked for the rest of the transaction (callbacks serialize on it). */
    public Uni<Optional<Payment>> lockByTxnRef(SqlConnection conn, String txnRef) {
        return byTxnRef(conn, txnRef, " for update");
    }

    public Uni<Optional<Payment>> byTxnRef(SqlConnection conn, String txnRef) {
        return byTxnRef(conn, txnRef, "");
    }

    private Uni<Optional<Payment>> byTxnRef(SqlConnection conn, String txnRef, String lock) {
        return conn.preparedQuery("select " + COLUMNS + " from payment where txn_ref = $1" + lock).execute(Tuple.of(txnRef))
                .map(rows -> rows.size() == 0 ? Optional.<Payment>empty() : Optional.of(map(rows.iterator().next())));
    }

    /** A dossier's payments, newest first; {@code lock} holds them until the transaction ends. */
    public Uni<List<Payment>> ofDossier(SqlConnection conn, UUID dossierId, boolean lock) {
        return conn.preparedQuery("select " + COLUMNS + " from payment where dossier_id = $1 order by created_at desc, id"
                + (lock ? " for update" : "")).execute(Tuple.of(dossierId)).map(PaymentRows::all);
    }

    /** Payments in a state, oldest first, created before an instant (the reconciliation's work). */
    public Uni<List<Payment>> inState(SqlConnection conn, PaymentState state, OffsetDateTime createdBefore, int limit) {
        return conn.preparedQuery("select " + COLUMNS + " from payment where state = $1 and created_at < $2 order by created_at limit $3")
                .execute(Tuple.of(state.wire(), createdBefore, limit)).map(PaymentRows::all);
    }

    public Uni<Void> event(SqlConnection conn, Payment p, String source, PaymentState from, String actor, String actorName,
            JsonObject detail) {
        return conn.preparedQuery("insert into payment_event (payment_id, tenant_id, source, from_state, to_state, actor, actor_name, detail) "
                + "values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] { p.id(), p.tenant(), source, from == null ? null : from.wire(), p.state().wire(), actor,
                        actorName, detail }))
                .replaceWithVoid();
    }

    public Uni<List<Event>> history(SqlConnection conn, UUID paymentId) {
        return conn.preparedQuery("select at, source, from_state, to_state, actor, actor_name, detail from payment_event "
                + "where payment_id = $1 order by id").execute(Tuple.of(paymentId)).map(rows -> {
                    List<Event> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Event(r.getOffsetDateTime("at"), r.getString("source"), r.getString("from_state"),
                            r.getString("to_state"), r.getString("actor"), r.getString("actor_name"), (JsonObject) r.getValue("detail"))));
                    return out;
                });
    }

    /** The next electronic receipt number of a tenant's year, taken in this transaction (gap-free: see V16). */
    public Uni<String> nextReceiptNumber(SqlConnection conn, String tenant, int year) {
        return conn.preparedQuery("insert into e_receipt_counter (tenant_id, year, last_value) values ($1, $2, 1) "
                + "on conflict (tenant_id, year) do update set last_value = e_receipt_counter.last_value + 1 returning last_value")
                .execute(Tuple.of(tenant, year))
                .map(rows -> ReceiptNumbers.format(year, rows.iterator().next().getInteger("last_value")));
    }

    /** Which tenant a gateway reference belongs to, seen without a scope (the callback's first question). */
    public Uni<Optional<String>> tenantOf(SqlConnection conn, String txnRef) {
        return conn.preparedQuery("select payment_tenant($1) as t").execute(Tuple.of(txnRef)).map(rows -> {
            String t = rows.iterator().next().getString("t");
            return Optional.ofNullable(t);
        });
    }
}
