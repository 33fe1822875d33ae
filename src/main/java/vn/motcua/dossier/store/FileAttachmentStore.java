package vn.motcua.dossier.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Attachments as files under the configured root, one per attachment, in a folder per dossier. Written to a temporary
 * name then moved, so a crash never leaves half a file under the real name.
 */
public final class FileAttachmentStore implements AttachmentStore {

    private final Path root;

    public FileAttachmentStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
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

    @Override
    public String kind() {
        return "folder";
    }

    @Override
    public void check() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isWritable(root)) {
            throw new IllegalStateException("the attachment folder is not writable: " + root);
        }
    }

    @Override
    public boolean isEmpty() {
        if (!Files.isDirectory(root)) {
            return true;
        }
        try (var files = Files.walk(root)) {
            return files.noneMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("outside the attachment store: " + key);
        }
        return file;
    }
}
