package vn.motcua.dossier.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.motcua.dossier.store.AttachmentStore;

/**
 * Backup, verification and restore of the database and the attachment store (sao lưu và khôi phục), as
 * {@code ./motcua backup|verify-backup|restore DIR} runs them; the steps are in docs/operations.md.
 *
 * <ul>
 * <li>{@link #backup}: one consistent snapshot of every table, then each attachment the snapshot names, checked
 * against the checksum its row records; a folder with a manifest and the SHA-256 of every file.</li>
 * <li>{@link #verify}: the folder alone, wherever it was copied: every file present and unchanged since the backup,
 * every attachment matching the database's checksum.</li>
 * <li>{@link #restore}: into a fresh database and an empty store, then checked: the rows of every table, every
 * receipt code, and every attachment read back from the store against the restored row's checksum.</li>
 * </ul>
 */
public final class Backups {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}/[0-9a-f-]{36}");

    private Backups() {
    }

    /**
     * What a backup wrote. {@code lost}: the attachments of the manifest's {@code missingAtSource} whose row still
     * exists after the copy (the others were deleted in the meantime, a discarded draft's papers: not a loss).
     */
    public record BackupResult(BackupManifest manifest, List<String> lost, Duration database, Duration attachments,
            long bytes) {

        /** Every file the snapshot names was copied and matched its checksum. */
        public boolean complete() {
            return lost.isEmpty() && manifest.damagedAtSource().isEmpty();
        }
    }

    /**
     * What {@link #verify} found: {@code missing} and {@code altered} files (not as the backup wrote them),
     * {@code unlisted} files the backup did not write, and attachments whose bytes do not match the checksum the
     * database recorded (a file damaged in the store before the backup, or altered since).
     */
    public record Verification(int files, List<String> missing, List<String> altered, List<String> unlisted,
            List<String> notMatchingDatabase) {

        /** Every file the backup wrote is there, unchanged. */
        public boolean intact() {
            return missing.isEmpty() && altered.isEmpty();
        }

        public boolean ok() {
            return intact() && notMatchingDatabase.isEmpty();
        }
    }

    /**
     * What a restore loaded and what the check after it found: tables whose row count differs, receipt codes of the
     * backup absent from the restored database, attachments the restored store does not give back with their row's
     * checksum (beyond those already missing or damaged when the backup was taken, listed in the manifest).
     */
    public record RestoreResult(BackupManifest manifest, Map<String, Long> rows, List<String> tablesDiffering,
            long receiptCodesChecked, List<String> receiptCodesMissing, long attachmentsChecked,
            List<String> attachmentsNotMatching, Duration database, Duration attachments) {

        public boolean ok() {
            return tablesDiffering.isEmpty() && receiptCodesMissing.isEmpty() && attachmentsNotMatching.isEmpty();
        }
    }

    public static BackupResult backup(BackupSettings settings, Path dir) throws SQLException, IOException {
        if (Files.exists(dir) && !isEmptyDirectory(dir)) {
            throw new BackupException("the backup folder is not empty: " + dir + " (a backup never overwrites another)");
        }
        Files.createDirectories(dir);
        // Before the snapshot: a store that cannot be read would otherwise count every file as missing, in a backup
        // that looks finished and restores "OK" without them.
        requireUsable(settings.store(), "no backup taken");
        Instant started = Instant.now();
        DatabaseDump.Dumped dumped;
        try (Connection c = DatabaseDump.connect(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword())) {
            dumped = DatabaseDump.dump(c, dir);
        }
        Instant dbDone = Instant.now();
        Map<String, String> sums = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        Map<String, String> recorded = new LinkedHashMap<>();
        try (Closing closing = new Closing(settings.store().open())) {
            AttachmentStore store = closing.store();
            for (Map.Entry<String, String> a : dumped.attachments().entrySet()) {
                String key = a.getKey();
                if (!KEY.matcher(key).matches()) {
                    missing.add(key);
                    continue;
                }
                String path = BackupManifest.ATTACHMENTS + "/" + key;
                byte[] bytes;
                try {
                    bytes = store.get(key);
                } catch (RuntimeException e) {
                    // A row whose file is gone (a draft discarded since the snapshot, or a loss): said, not hidden. A
                    // store that fails as a whole (the endpoint gone mid-way) is no missing file: the backup stops.
                    requireUsable(store, settings.store(), "the backup is unfinished");
                    missing.add(key);
                    continue;
                }
                Path file = dir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                String sha = BackupManifest.sha256(bytes);
                if (!sha.equals(a.getValue())) {
                    damaged.add(key);
                }
                sums.put(path, sha);
                recorded.put(path, a.getValue());
            }
        }
        BackupManifest.writeSums(dir.resolve(BackupManifest.ATTACHMENT_SUMS), recorded);
        List<String> lost = List.of();
        if (!missing.isEmpty()) {
            try (Connection c = DatabaseDump.connect(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword())) {
                lost = DatabaseDump.stillRecorded(c, missing);
            }
        }
        BackupManifest m = dumped.manifest();
        BackupManifest manifest = new BackupManifest(started, m.schemaVersion(), m.tables(), m.rows(), m.sequences(),
                m.receiptCodes(), recorded.size(), missing, damaged);
        manifest.write(dir);
        for (String name : List.of(BackupManifest.FILE, BackupManifest.RECEIPT_CODES, BackupManifest.ATTACHMENT_SUMS)) {
            sums.put(name, BackupManifest.sha256(dir.resolve(name)));
        }
        for (String t : manifest.tables()) {
            sums.put(BackupManifest.TABLES + "/" + t + ".copy", BackupManifest.sha256(BackupManifest.tableFile(dir, t)));
        }
        // Written last: its presence marks a backup that finished.
        BackupManifest.writeSums(dir.resolve(BackupManifest.SUMS), sums);
        return new BackupResult(manifest, lost, Duration.between(started, dbDone), Duration.between(dbDone, Instant.now()),
                folderSize(dir));
    }

    public static Verification verify(Path dir) {
        BackupManifest manifest = BackupManifest.read(dir);
        Path sumsFile = dir.resolve(BackupManifest.SUMS);
        if (!Files.exists(sumsFile)) {
            throw new BackupException("the backup did not finish (no " + BackupManifest.SUMS + "): " + dir);
        }
        Map<String, String> sums = BackupManifest.readSums(sumsFile);
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        sums.forEach((path, sha) -> {
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                missing.add(path);
                return;
            }
            String found = BackupManifest.sha256(file);
            actual.put(path, found);
            if (!found.equals(sha)) {
                altered.add(path);
            }
        });
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(BackupManifest.SUMS) && !sums.containsKey(p)).sorted().forEach(unlisted::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> notMatching = new ArrayList<>();
        if (!missing.contains(BackupManifest.ATTACHMENT_SUMS)) {
            BackupManifest.readSums(dir.resolve(BackupManifest.ATTACHMENT_SUMS)).forEach((path, sha) -> {
                if (actual.containsKey(path) && !actual.get(path).equals(sha)) {
                    notMatching.add(path);
                }
            });
        }
        if (!missing.contains(BackupManifest.RECEIPT_CODES) && lines(dir.resolve(BackupManifest.RECEIPT_CODES)) != manifest.receiptCodes()) {
            altered.add(BackupManifest.RECEIPT_CODES);
        }
        return new Verification(sums.size(), missing, altered, unlisted, notMatching);
    }

    public static RestoreResult restore(BackupSettings settings, Path dir) throws SQLException, IOException {
        Verification v = verify(dir);
        if (!v.intact()) {
            throw new BackupException("the backup is damaged, nothing restored: missing " + v.missing() + ", altered " + v.altered());
        }
        BackupManifest manifest = BackupManifest.read(dir);
        // Both before the database is touched: a store found unusable after the load leaves a database without files.
        try (Closing closing = new Closing(settings.store().open())) {
            requireUsable(closing.store(), settings.store(), "nothing restored");
            settings.store().requireFresh(closing.store());
        }
        Instant started = Instant.now();
        try (Connection c = DatabaseDump.connect(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword())) {
            DatabaseLoad.requireFresh(c);
            DatabaseLoad.migrate(settings, manifest.schemaVersion());
            try {
                DatabaseLoad.load(c, dir, manifest);
            } catch (SQLException | RuntimeException e) {
                throw new BackupException("loading the tables failed and was rolled back (" + e.getMessage()
                        + "); the database now holds the empty schema: drop it and create it again before another try", e);
            }
        }
        Instant dbDone = Instant.now();
        Map<String, String> recorded = BackupManifest.readSums(dir.resolve(BackupManifest.ATTACHMENT_SUMS));
        try (Closing closing = new Closing(settings.store().open())) {
            AttachmentStore store = closing.store();
            for (String path : recorded.keySet()) {
                String key = checkedKey(path.substring(BackupManifest.ATTACHMENTS.length() + 1));
                String[] ids = key.split("/");
                String stored;
                try {
                    stored = store.put(UUID.fromString(ids[0]), UUID.fromString(ids[1]), Files.readAllBytes(dir.resolve(path)));
                } catch (RuntimeException e) {
                    throw new BackupException("the database is restored, but storing " + key + " in the "
                            + settings.store().describe() + " failed (" + reason(e) + "): drop the database, empty the "
                            + "store and restore again", e);
                }
                if (!stored.equals(key)) {
                    throw new BackupException("the store put " + key + " under another key: " + stored);
                }
            }
            Instant filesDone = Instant.now();
            return check(settings, dir, manifest, store, Duration.between(started, dbDone), Duration.between(dbDone, filesDone));
        }
    }

    /** The restored instance against the backup: rows, receipt codes, and every attachment read back. */
    private static RestoreResult check(BackupSettings settings, Path dir, BackupManifest manifest, AttachmentStore store,
            Duration database, Duration attachments) throws SQLException, IOException {
        try (Connection c = DatabaseDump.connect(settings.jdbcUrl(), settings.adminUser(), settings.adminPassword())) {
            Map<String, Long> rows = DatabaseLoad.rowCounts(c, manifest.tables());
            List<String> differing = manifest.tables().stream()
                    .filter(t -> !rows.get(t).equals(manifest.rows().get(t))).toList();
            Set<String> codes = DatabaseLoad.receiptCodes(c);
            List<String> expected = Files.readAllLines(dir.resolve(BackupManifest.RECEIPT_CODES), StandardCharsets.UTF_8);
            List<String> codesMissing = expected.stream().filter(code -> !codes.contains(code)).toList();
            Set<String> knownBad = new HashSet<>(manifest.missingAtSource());
            knownBad.addAll(manifest.damagedAtSource());
            List<String> notMatching = new ArrayList<>();
            Map<String, String> restored = DatabaseLoad.attachments(c);
            for (Map.Entry<String, String> a : restored.entrySet()) {
                if (knownBad.contains(a.getKey())) {
                    continue;
                }
                try {
                    if (!BackupManifest.sha256(store.get(a.getKey())).equals(a.getValue())) {
                        notMatching.add(a.getKey());
                    }
                } catch (RuntimeException e) {
                    notMatching.add(a.getKey());
                }
            }
            return new RestoreResult(manifest, rows, differing, expected.size(), codesMissing, restored.size(), notMatching,
                    database, attachments);
        }
    }

    /** Fails with what to check when the store cannot be used now: an endpoint unreachable, a bucket missing, keys refused. */
    private static void requireUsable(BackupSettings.Store where, String consequence) throws IOException {
        try (Closing closing = new Closing(where.open())) {
            requireUsable(closing.store(), where, consequence);
        }
    }

    private static void requireUsable(AttachmentStore store, BackupSettings.Store where, String consequence) {
        try {
            store.check();
        } catch (RuntimeException e) {
            throw new BackupException("the attachment store cannot be used, " + consequence + ": " + where.describe()
                    + ": " + reason(e), e);
        }
    }

    /** The store's own words, with the status code of an S3 refusal said plainly (the SDK's message is "null" then). */
    private static String reason(RuntimeException e) {
        if (e instanceof S3Exception s3 && s3.statusCode() == 404) {
            return "no such bucket (404)";
        }
        if (e instanceof S3Exception s3 && s3.statusCode() == 403) {
            return "the access key or secret key is refused (403)";
        }
        return e.getMessage();
    }

    private static String checkedKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new BackupException("not an attachment key: " + key);
        }
        return key;
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static long folderSize(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Closes an S3 store's client; the folder store has nothing to close. */
    private record Closing(AttachmentStore store) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (store instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
