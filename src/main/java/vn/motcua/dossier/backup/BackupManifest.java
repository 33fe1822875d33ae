package vn.motcua.dossier.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup folder holds and says about itself (bản kê của bản sao lưu), {@value #FILE}:
 *
 * <pre>
 * backup.properties    this manifest: schema version, tables in load order, rows per table, sequences
 * tables/NAME.copy     each table in PostgreSQL's COPY text format
 * receipt-codes.txt    every dossier's receipt code, sorted
 * attachments.sha256   every attachment's SHA-256 as the database records it ("sha256sum -c" reads it)
 * attachments/KEY      the attachment files, under their storage key (dossier/attachment)
 * SHA256SUMS           the SHA-256 of every file above, written last: a backup without it is incomplete
 * </pre>
 *
 * @param createdAt          when the database snapshot was taken
 * @param schemaVersion      Flyway's version of the backed-up schema: the restore migrates a fresh database to it
 * @param tables             the tables in load order (a table after those its foreign keys point to)
 * @param rows               rows per table
 * @param sequences          each sequence's last value ({@code null}: never used)
 * @param receiptCodes       how many receipt codes
 * @param attachments        how many attachment files
 * @param missingAtSource    attachment keys the store had no file for when the backup ran
 * @param damagedAtSource    attachment keys whose file in the store did not match the database's checksum
 */
public record BackupManifest(Instant createdAt, String schemaVersion, List<String> tables, Map<String, Long> rows,
        Map<String, Long> sequences, long receiptCodes, long attachments, List<String> missingAtSource,
        List<String> damagedAtSource) {

    public static final String FILE = "backup.properties";
    public static final String SUMS = "SHA256SUMS";
    public static final String RECEIPT_CODES = "receipt-codes.txt";
    public static final String ATTACHMENT_SUMS = "attachments.sha256";
    public static final String TABLES = "tables";
    public static final String ATTACHMENTS = "attachments";
    static final int FORMAT = 1;

    static Path tableFile(Path dir, String table) {
        return dir.resolve(TABLES).resolve(table + ".copy");
    }

    void write(Path dir) {
        StringBuilder b = new StringBuilder("# Motcua backup: see docs/operations.md\n");
        b.append("format=").append(FORMAT).append('\n');
        b.append("created-at=").append(createdAt).append('\n');
        b.append("schema-version=").append(schemaVersion).append('\n');
        b.append("tables=").append(String.join(",", tables)).append('\n');
        rows.forEach((t, n) -> b.append("rows.").append(t).append('=').append(n).append('\n'));
        sequences.forEach((s, v) -> b.append("sequence.").append(s).append('=').append(v == null ? "" : v).append('\n'));
        b.append("receipt-codes=").append(receiptCodes).append('\n');
        b.append("attachments=").append(attachments).append('\n');
        b.append("missing-at-source=").append(String.join(",", missingAtSource)).append('\n');
        b.append("damaged-at-source=").append(String.join(",", damagedAtSource)).append('\n');
        try {
            Files.writeString(dir.resolve(FILE), b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupManifest read(Path dir) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new BackupException("not a Motcua backup (no readable " + FILE + "): " + dir, e);
        }
        if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
            throw new BackupException("backup format " + p.getProperty("format") + " is not one this version reads (" + FORMAT + ")");
        }
        List<String> tables = list(p.getProperty("tables"));
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t, Long.parseLong(p.getProperty("rows." + t, "0"))));
        Map<String, Long> sequences = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("sequence.")).sorted().forEach(k -> {
            String v = p.getProperty(k);
            sequences.put(k.substring("sequence.".length()), v.isBlank() ? null : Long.parseLong(v));
        });
        return new BackupManifest(Instant.parse(p.getProperty("created-at")), p.getProperty("schema-version"), tables,
                rows, sequences, Long.parseLong(p.getProperty("receipt-codes", "0")),
                Long.parseLong(p.getProperty("attachments", "0")), list(p.getProperty("missing-at-source")),
                list(p.getProperty("damaged-at-source")));
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }

    /** Reads a file in {@code sha256sum}'s format: {@code <hex>  <relative path>} per line; path → hex. */
    static Map<String, String> readSums(Path file) {
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    throw new BackupException("not a checksum line in " + file.getFileName() + ": " + line);
                }
                sums.put(line.substring(gap + 2), line.substring(0, gap));
            }
        } catch (IOException e) {
            throw new BackupException("cannot read " + file, e);
        }
        return sums;
    }

    static void writeSums(Path file, Map<String, String> sums) {
        List<String> lines = new ArrayList<>(sums.size());
        sums.forEach((path, sha) -> lines.add(sha + "  " + path));
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(Path file) {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
