package vn.motcua.dossier.store;

import java.util.UUID;

/**
 * Where attachment bytes live, outside the database row: a folder ({@link FileAttachmentStore}, the default) or an
 * S3-compatible object store ({@link S3AttachmentStore}, when configured). The row keeps the key, the size and the
 * checksum. Blocking: call from a worker thread.
 */
public interface AttachmentStore {

    /**
     * Stores the bytes of a new attachment; returns the key to find them again. {@code dossierId} names the folder: the
     * dossier's id, or the draft's for a paper staged in a citizen's draft (kept there once the draft is submitted: the
     * dossier's attachment row takes the same key).
     */
    String put(UUID dossierId, UUID attachmentId, byte[] bytes);

    /** The bytes stored under {@code key}. */
    byte[] get(String key);

    /** Removes the bytes under {@code key}, if any: a file whose row could not be written is not kept. */
    void delete(String key);

    /** What kind of store this is, as the health check reports it: {@code folder} or {@code s3}. */
    String kind();

    /** Fails when files could not be stored now: the folder is not writable, the bucket is missing or refuses us. */
    void check();

    /** Holds no file at all (the folder's, or the bucket's under the prefix): a restore fills only an empty store. */
    boolean isEmpty();
}
