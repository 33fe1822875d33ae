package vn.motcua.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where attachment bytes live, outside the database row: files under the configured root, one per attachment, in
 * a folder per dossier. Written to a temporary name then moved, so a crash never leaves half a file under the real
 * name. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class AttachmentStore {

    private final Path root;

    AttachmentStore(DossierConfig config) {
        this.root = config.attachments().root().toAbsolutePath();
    }

    /** Stores the bytes; returns the key to find them again. */
    public String put(UUID dossierId, UUID attachmentId, byte[] bytes) {
        String key = dossierId + "/" + attachmentId;
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), attachmentId.toString(), ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] get(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("outside the attachment store: " + key);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
