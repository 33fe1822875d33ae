package vn.motcua.dossier.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.postgresql.PGConnection;

/**
 * The database half of a backup: every application table copied out with {@code COPY ... TO STDOUT} inside one
 * repeatable-read, read-only transaction, so that all tables, the receipt codes and the attachment list come from
 * the same instant while the service keeps writing. pg_dump is not used: the embedded PostgreSQL 17 ships none, and
 * an older pg_dump (Debian 12's is 15) refuses a newer server.
 *
 * <p>Runs as a role that sees every row. {@code row_security = off} makes PostgreSQL fail the copy of a table whose
 * policies would hide rows from that role, instead of silently writing a partial backup.
 */
final class DatabaseDump {

    /** Tables that are not data: Flyway's own history (the restore re-creates it) and the live cluster membership. */
    static final List<String> SKIPPED = List.of("flyway_schema_history", "jgroups");

    /** The attachment rows as the database records them: storage key → SHA-256 (hex). */
    record Dumped(BackupManifest manifest, Map<String, String> attachments) {
    }

    private DatabaseDump() {
    }

    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "motcua-backup");
        // The driver, not DriverManager: the Quarkus runner's class loader hides it from the service loader.
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return c;
    }

    static Dumped dump(Connection c, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir.resolve(BackupManifest.TABLES));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            sessionForCopy(s);
            String version = schemaVersion(s);
            List<String> tables = tablesInLoadOrder(c);
            Map<String, Long> rows = new LinkedHashMap<>();
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(BackupManifest.tableFile(dir, table)), 1 << 16)) {
                    rows.put(table, copy.copyOut("COPY " + quote(table) + " TO STDOUT", out));
                }
            }
            Map<String, Long> sequences = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    long v = rs.getLong(2);
                    sequences.put(name, rs.wasNull() ? null : v);
                }
            }
            long codes = 0;
            try (var w = Files.newBufferedWriter(dir.resolve(BackupManifest.RECEIPT_CODES), StandardCharsets.UTF_8);
                    ResultSet rs = s.executeQuery("SELECT receipt_code FROM dossier ORDER BY receipt_code")) {
                while (rs.next()) {
                    w.write(rs.getString(1));
                    w.write('\n');
                    codes++;
                }
            }
            // A submitted draft's paper keeps its key: the draft's row and the dossier's may name the same file.
            Map<String, String> attachments = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT storage_key, sha256 FROM attachment UNION "
                    + "SELECT storage_key, sha256 FROM draft_attachment")) {
                while (rs.next()) {
                    String earlier = attachments.put(rs.getString(1), rs.getString(2));
                    if (earlier != null && !earlier.equals(rs.getString(2))) {
                        throw new BackupException("two rows give the file " + rs.getString(1) + " different checksums");
                    }
                }
            }
            c.commit();
            BackupManifest manifest = new BackupManifest(null, version, tables, rows, sequences, codes, attachments.size(),
                    List.of(), List.of());
            return new Dumped(manifest, attachments);
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Those of {@code keys} that an attachment row still names now. */
    static List<String> stillRecorded(Connection c, List<String> keys) throws SQLException {
        List<String> still = new ArrayList<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT k FROM unnest(?::text[]) k WHERE EXISTS "
                        + "(SELECT 1 FROM attachment WHERE storage_key = k) OR EXISTS (SELECT 1 FROM draft_attachment WHERE storage_key = k)")) {
            s.execute("SET LOCAL row_security = off");
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    still.add(rs.getString(1));
                }
            }
            c.commit();
        }
        return still;
    }

    /** Settings that make the COPY text the same whoever runs it, and that refuse a partial read. */
    static void sessionForCopy(Statement s) throws SQLException {
        s.execute("SET LOCAL row_security = off");
        s.execute("SET LOCAL TimeZone = 'UTC'");
        s.execute("SET LOCAL DateStyle = 'ISO, YMD'");
        s.execute("SET LOCAL IntervalStyle = 'postgres'");
        s.execute("SET LOCAL extra_float_digits = 3");
    }

    static String schemaVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new BackupException("the database has no migrated schema (flyway_schema_history is empty)");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new BackupException("the database has no Motcua schema (no flyway_schema_history)", e);
            }
            throw e;
        }
    }

    /** The schema's tables (except {@link #SKIPPED}), each after the tables its foreign keys point to. */
    static List<String> tablesInLoadOrder(Connection c) throws SQLException {
        Map<String, TreeSet<String>> needs = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = current_schema()::text::regnamespace "
                        + "AND relkind IN ('r', 'p') AND NOT relispartition")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    needs.put(rs.getString(1), new TreeSet<>());
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT t.relname, r.relname FROM pg_constraint k "
                        + "JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid "
                        + "WHERE k.contype = 'f' AND k.connamespace = current_schema()::text::regnamespace")) {
            while (rs.next()) {
                String table = rs.getString(1);
                String target = rs.getString(2);
                // A table that points to itself (the tenant tree) loads in one COPY: its checks run at the end of it.
                if (needs.containsKey(table) && needs.containsKey(target) && !table.equals(target)) {
                    needs.get(table).add(target);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        needs.forEach((t, n) -> {
            if (n.isEmpty()) {
                ready.add(t);
            }
        });
        while (!ready.isEmpty()) {
            String t = ready.poll();
            order.add(t);
            needs.forEach((other, n) -> {
                if (n.remove(t) && n.isEmpty()) {
                    ready.add(other);
                }
            });
        }
        if (order.size() != needs.size()) {
            needs.keySet().removeAll(order);
            throw new BackupException("foreign keys form a cycle between " + needs.keySet() + ": no load order exists");
        }
        return order;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
