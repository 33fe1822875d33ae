package vn.motcua.dossier.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Papers staged in a draft (giấy tờ đính kèm hồ sơ nháp) in SQL: one column list, one row mapper. Row-level security
 * keeps each file to the draft's owner ({@code app.actor}), and lets none be staged into a draft the owner cannot see
 * or that was submitted; the statements carry the owner anyway. Statements that drop rows return the storage keys
 * whose bytes the caller must remove after the commit: never those of a file that already became a dossier's
 * attachment (same id), whose bytes the dossier now owns.
 */
@ApplicationScoped
public class DraftFiles {

    /** A staged file as stored; {@link #asAttachment} makes it a dossier's. */
    public record Staged(UUID id, UUID draftId, String owner, int document, String fileName, String contentType, long sizeBytes,
            long storedBytes, String sha256, String storageKey) {

        /** The dossier's attachment this file becomes on submission: the same id and storage key, no copy of the bytes. */
        public AttachmentRecord asAttachment(UUID dossierId) {
            return new AttachmentRecord(id, dossierId, document, fileName, contentType, sizeBytes, storedBytes, sha256, storageKey, owner,
                    null);
        }
    }

    static final String COLUMNS = "id, draft_id, owner, document, file_name, content_type, size_bytes, stored_bytes, sha256, storage_key";

    /** The storage keys of the rows a statement dropped whose bytes no dossier took over. */
    private static final String ORPHANED = " RETURNING storage_key, EXISTS (SELECT 1 FROM attachment a WHERE a.id = draft_attachment.id) AS moved";

    private static Staged map(Row r) {
        return new Staged(r.getUUID("id"), r.getUUID("draft_id"), r.getString("owner"), r.getInteger("document"), r.getString("file_name"),
                r.getString("content_type"), r.getLong("size_bytes"), r.getLong("stored_bytes"), r.getString("sha256"),
                r.getString("storage_key"));
    }

    /** The draft's staged files, by paper. */
    public Uni<List<Staged>> of(SqlConnection conn, String owner, UUID draftId) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM draft_attachment WHERE draft_id = $1 AND owner = $2 ORDER BY document")
                .execute(Tuple.of(draftId, owner)).map(rows -> {
                    List<Staged> out = new ArrayList<>();
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    /** One staged file of the draft, if it is there. */
    public Uni<Optional<Staged>> find(SqlConnection conn, String owner, UUID draftId, UUID id) {
        return conn.preparedQuery("SELECT " + COLUMNS + " FROM draft_attachment WHERE id = $1 AND draft_id = $2 AND owner = $3")
                .execute(Tuple.of(id, draftId, owner))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Stages {@code f} for its paper, replacing the file staged for that paper before; the item is the replaced
     * file's storage key to remove after the commit, if there was one.
     */
    public Uni<List<String>> stage(SqlConnection conn, Staged f) {
        return remove(conn, f.owner(), f.draftId(), f.document()).call(replaced -> conn.preparedQuery("INSERT INTO draft_attachment ("
                + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)").execute(Tuple.tuple(Arrays.asList(f.id(), f.draftId(),
                        f.owner(), f.document(), f.fileName(), f.contentType(), f.sizeBytes(), f.storedBytes(), f.sha256(), f.storageKey()))));
    }

    /** Removes the file staged for one paper; the item is the storage keys to remove after the commit. */
    public Uni<List<String>> remove(SqlConnection conn, String owner, UUID draftId, int document) {
        return conn.preparedQuery("DELETE FROM draft_attachment WHERE draft_id = $1 AND owner = $2 AND document = $3" + ORPHANED)
                .execute(Tuple.of(draftId, owner, document)).map(DraftFiles::orphaned);
    }

    /** Drops every file of the draft (discarded, or submitted); the item is the storage keys no dossier took over. */
    public Uni<List<String>> drop(SqlConnection conn, String owner, UUID draftId) {
        return conn.preparedQuery("DELETE FROM draft_attachment WHERE draft_id = $1 AND owner = $2" + ORPHANED)
                .execute(Tuple.of(draftId, owner)).map(DraftFiles::orphaned);
    }

    /**
     * Drops the files of the owner's unsubmitted drafts beyond the newest {@code kept} (which {@link DraftRows#insert}
     * then prunes); the item is the storage keys to remove after the commit.
     */
    public Uni<List<String>> dropPruned(SqlConnection conn, String owner, int kept) {
        return conn.preparedQuery("DELETE FROM draft_attachment WHERE owner = $1 AND draft_id IN (SELECT id FROM dossier_draft WHERE owner = $1 "
                + "AND receipt_code IS NULL ORDER BY " + DraftRows.NEWEST + " OFFSET $2)" + ORPHANED).execute(Tuple.of(owner, kept))
                .map(DraftFiles::orphaned);
    }

    private static List<String> orphaned(RowSet<Row> rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(r -> {
            if (!r.getBoolean("moved")) {
                keys.add(r.getString("storage_key"));
            }
        });
        return keys;
    }
}
