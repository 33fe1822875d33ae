package vn.motcua.dossier.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file of a dossier (tệp đính kèm): which required document it is for (1-based, in the procedure's list), what it
 * really is (sniffed from its bytes), its size as sent and as stored, its SHA-256, and where the store keeps it.
 */
public record AttachmentRecord(UUID id, UUID dossierId, int document, String fileName, String contentType, long sizeBytes,
        long storedBytes, String sha256, String storageKey, String uploadedBy, OffsetDateTime uploadedAt) {
}
