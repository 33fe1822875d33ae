package vn.motcua.dossier.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The database half of a restore, into a fresh database: Flyway builds the schema as the owner up to the backed-up
 * version (so the tables, policies, grants and triggers are exactly the migrations' own), then one transaction
 * empties what the migrations seeded, loads every table with {@code COPY ... FROM STDIN} in foreign-key order with
 * the tables' own triggers switched off (an append-only guard or the national-portal queue must not fire for rows
 * that are history), switches them back on and sets each sequence where it was. Either all of it commits or none.
 */
final class DatabaseLoad {

    private DatabaseLoad() {
    }

    /** Refuses a database that already has tables: a restore never merges into live data. */
    static void requireFresh(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::text::regnamespace "
                        + "AND relkind IN ('r', 'p')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new BackupException("the target database is not empty (" + rs.getLong(1)
                        + " tables): restore into a freshly created database");
            }
        }
    }

    static void migrate(BackupSettings settings, String version) {
        Flyway.configure(DatabaseLoad.class.getClassLoader())
                .dataSource(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", settings.appRole()))
                .target(version)
                .load()
                .migrate();
    }

    static void load(Connection c, Path dir, BackupManifest manifest) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            DatabaseDump.sessionForCopy(s);
            List<String> tables = manifest.tables();
            for (String t : tables) {
                s.execute("ALTER TABLE " + DatabaseDump.quote(t) + " DISABLE TRIGGER USER");
            }
            s.execute("TRUNCATE " + String.join(", ", tables.stream().map(DatabaseDump::quote).toList()));
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String t : tables) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(BackupManifest.tableFile(dir, t)), 1 << 16)) {
                    long rows = copy.copyIn("COPY " + DatabaseDump.quote(t) + " FROM STDIN", in);
                    if (rows != manifest.rows().get(t)) {
                        throw new BackupException(t + ": loaded " + rows + " rows, the manifest says " + manifest.rows().get(t));
                    }
                }
            }
            for (String t : tables) {
                s.execute("ALTER TABLE " + DatabaseDump.quote(t) + " ENABLE TRIGGER USER");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(quote_ident(?)::regclass, ?, true)")) {
                for (Map.Entry<String, Long> seq : manifest.sequences().entrySet()) {
                    if (seq.getValue() != null) {
                        ps.setString(1, seq.getKey());
                        ps.setLong(2, seq.getValue());
                        ps.executeQuery().close();
                    }
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Rows per table as the restored database counts them. */
    static Map<String, Long> rowCounts(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL row_security = off");
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + DatabaseDump.quote(t))) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            c.commit();
        }
        return counts;
    }

    /** Every receipt code in the restored database. */
    static Set<String> receiptCodes(Connection c) throws SQLException {
        Set<String> codes = new HashSet<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL row_security = off");
            try (ResultSet rs = s.executeQuery("SELECT receipt_code FROM dossier")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            c.commit();
        }
        return codes;
    }

    /** The attachment rows of the restored database: storage key → SHA-256. */
    static Map<String, String> attachments(Connection c) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL row_security = off");
            try (ResultSet rs = s.executeQuery("SELECT storage_key, sha256 FROM attachment UNION "
                    + "SELECT storage_key, sha256 FROM draft_attachment")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
            c.commit();
        }
        return rows;
    }
}
