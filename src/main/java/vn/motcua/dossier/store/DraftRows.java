package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Drafts (hồ sơ nháp) in SQL: one column list, one row mapper. Row-level security keeps each draft to its owner
 * ({@code app.actor}), so these statements need no owner condition of their own to be safe, and carry one anyway.
 */
@ApplicationScoped
public class DraftRows {

    /** A draft as stored. */
    public record Draft(UUID id, String owner, String procedureCode, LocalDate procedureVersion, JsonObject data,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, String receiptCode) {
    }

    static final String COLUMNS = "id, owner, procedure_code, procedure_version, data, created_at, updated_at, receipt_code";

    /** How many unsubmitted drafts one account keeps: the oldest beyond it are dropped. */
    public static final int KEPT = 20;

    private static Draft map(Row r) {
        return new Draft(r.getUUID("id"), r.getString("owner"), r.getString("procedure_code"), r.getLocalDate("procedure_version"),
                r.getJsonObject("data"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"), r.getString("receipt_code"));
    }

    /** A new draft; {@link #prune} then keeps the owner's newest {@link #KEPT}. */
    public Uni<Draft> insert(SqlConnection conn, String owner, String procedure, LocalDate version, JsonObject data) {
        return conn.preparedQuery("INSERT INTO dossier_draft (id, owner, procedure_code, procedure_version, data) VALUES ($1, $2, $3, $4, $5) RETURNING "
                + COLUMNS).execute(Tuple.of(UUID.randomUUID(), owner, procedure, version, data))
                .map(rows -> map(rows.iterator().next()));
    }

    /**
     * Drops the owner's unsubmitted drafts beyond the newest {@link #KEPT} (their staged files first:
     * {@link DraftFiles#dropPruned}, in the same order).
     */
    public Uni<Void> prune(SqlConnection conn, String owner) {
        return conn.preparedQuery("DELETE FROM dossier_draft WHERE owner = $1 AND receipt_code IS NULL AND id IN "
                + "(SELECT id FROM dossier_draft WHERE owner = $1 AND receipt_code IS NULL ORDER BY " + NEWEST + " OFFSET $2)")
                .execute(Tuple.of(owner, KEPT)).replaceWithVoid();
    }

    /** Newest first, the id breaking ties: the same order wherever drafts are pruned. */
    static final String NEWEST = "updated_at DESC, id";

    public Uni<Optional<Draft>> find(SqlConnection conn, String owner, UUID id) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM dossier_draft WHERE id = $1 AND owner = $2").execute(Tuple.of(id, owner))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** The draft's answers replaced, unless it was submitted meanwhile (then nothing changes: empty). */
    public Uni<Optional<Draft>> save(SqlConnection conn, String owner, UUID id, JsonObject data) {
        return conn.preparedQuery("UPDATE dossier_draft SET data = $3, updated_at = clock_timestamp() WHERE id = $1 AND owner = $2 "
                + "AND receipt_code IS NULL RETURNING " + COLUMNS).execute(Tuple.of(id, owner, data))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Uni<Void> submitted(SqlConnection conn, String owner, UUID id, String receiptCode) {
        return conn.preparedQuery("UPDATE dossier_draft SET receipt_code = $3, updated_at = clock_timestamp() WHERE id = $1 AND owner = $2")
                .execute(Tuple.of(id, owner, receiptCode)).replaceWithVoid();
    }

    /** The account's unsubmitted drafts, latest first. */
    public Uni<List<Draft>> open(SqlConnection conn, String owner) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM dossier_draft WHERE owner = $1 AND receipt_code IS NULL ORDER BY updated_at DESC LIMIT $2")
                .execute(Tuple.of(owner, KEPT)).map(rows -> {
                    List<Draft> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    public Uni<Void> delete(SqlConnection conn, String owner, UUID id) {
        return conn.preparedQuery("DELETE FROM dossier_draft WHERE id = $1 AND owner = $2 AND receipt_code IS NULL")
                .execute(Tuple.of(id, owner)).replaceWithVoid();
    }
}
