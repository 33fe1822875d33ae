package vn.motcua.dossier.backup;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Backup and restore, for real (sao lưu và khôi phục): dossiers with files submitted through the API, backed up while
 * the service runs, restored into a second, freshly created database of the same PostgreSQL and an empty attachment
 * store, and checked there by receipt code and checksum; a backup altered afterwards is caught by its verification.
 * Here the store is the folder; {@code BackupRestoreS3Test} runs every case again with a bucket ({@link #store()},
 * {@link #freshStore()}, {@link #fileIn}).
 */
@QuarkusTest
class BackupRestoreTest {

    static final String RESTORED_DB = "motcua_restore_test";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appRole;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    @ConfigProperty(name = "motcua.dossiers.attachments.root")
    Path root;

    /** Receipt code → the bytes of the file uploaded with it; filled once, by the first test. */
    static final Map<String, byte[]> SUBMITTED = new LinkedHashMap<>();
    static Path backup;

    /** A backup of its own for each class: the folder's and the bucket's runs share the suite's database only. */
    @BeforeAll
    static void aBackupOfItsOwn() {
        SUBMITTED.clear();
        backup = null;
    }

    /** The store the service keeps its files in. */
    BackupSettings.Store store() {
        return BackupSettings.Store.folder(root);
    }

    /** A new, empty store of the same kind, for a restore. */
    BackupSettings.Store freshStore() {
        return BackupSettings.Store.folder(Path.of("target", "test-data", "restored-attachments", UUID.randomUUID().toString()));
    }

    /** The file in which {@code store} keeps {@code key}, read (or damaged) behind the store's back. */
    Path fileIn(BackupSettings.Store store, String key) {
        return store.root().resolve(key);
    }

    BackupSettings source() {
        return source(store());
    }

    BackupSettings source(BackupSettings.Store store) {
        return new BackupSettings(url, "postgres", "", owner, ownerPassword, appRole, store);
    }

    /** Three dossiers, each with its own file, then one backup of everything, taken once for the class. */
    synchronized Path backedUp() throws Exception {
        if (backup == null) {
            for (int i = 0; i < 3; i++) {
                String code = Dossiers.submitOnline(Demo.CITIZEN, Dossiers.DEATH, Demo.WARD, Dossiers.deathForm());
                byte[] pdf = ("%PDF-1.4\n% backup test " + UUID.randomUUID() + "\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n"
                        + "endobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                        .getBytes(StandardCharsets.US_ASCII);
                String sha = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN))
                        .multiPart("document", "1").multiPart("file", "to-khai.pdf", pdf, "application/pdf")
                        .post("/api/dossiers/{code}/attachments", code).then().statusCode(201).extract().path("sha256");
                assertEquals(BackupManifest.sha256(pdf), sha, "the file is kept as it came, so its bytes can be compared");
                SUBMITTED.put(code, pdf);
            }
            Path dir = newBackupDir();
            Backups.BackupResult result = Backups.backup(source(), dir);
            assertTrue(result.manifest().receiptCodes() >= 3);
            assertTrue(result.manifest().tables().indexOf("tenant") < result.manifest().tables().indexOf("dossier"),
                    "a table loads after those its foreign keys point to: " + result.manifest().tables());
            assertTrue(result.manifest().tables().indexOf("dossier") < result.manifest().tables().indexOf("attachment"));
            assertFalse(result.manifest().tables().contains("flyway_schema_history"));
            backup = dir;
        }
        return backup;
    }

    @Test
    void aRestoreIntoAFreshDatabaseHasEveryReceiptCodeAndEveryFileWithItsChecksum() throws Exception {
        Path dir = backedUp();
        Backups.Verification v = Backups.verify(dir);
        assertTrue(v.ok(), "a fresh backup verifies: " + v);
        List<String> codes = Files.readAllLines(dir.resolve(BackupManifest.RECEIPT_CODES));
        assertTrue(codes.containsAll(SUBMITTED.keySet()), "the backup lists the new receipt codes");

        freshDatabase();
        BackupSettings target = restoredInto(freshStore());
        Backups.RestoreResult r = Backups.restore(target, dir);
        assertTrue(r.ok(), "the restored instance checks out: " + r);
        assertEquals(codes.size(), r.receiptCodesChecked());
        assertEquals(r.manifest().rows(), r.rows());

        // Checked again here, independently of the restore's own check: by receipt code, in the restored database
        // and the restored store, against what was uploaded.
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), "postgres", "");
                PreparedStatement ps = c.prepareStatement("SELECT a.sha256, a.storage_key FROM dossier d "
                        + "JOIN attachment a ON a.dossier_id = d.id WHERE d.receipt_code = ?")) {
            for (Map.Entry<String, byte[]> s : SUBMITTED.entrySet()) {
                ps.setString(1, s.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "dossier " + s.getKey() + " and its file are restored");
                    assertEquals(BackupManifest.sha256(s.getValue()), rs.getString(1));
                    assertArrayEquals(s.getValue(), Files.readAllBytes(fileIn(target.store(), rs.getString(2))));
                }
            }
        }
        // The sequences go on from where they were: no identity value is handed out twice.
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")) {
            Map<String, Long> sequences = new java.util.TreeMap<>();
            while (rs.next()) {
                String name = rs.getString(1);
                long value = rs.getLong(2);
                sequences.put(name, rs.wasNull() ? null : value);
            }
            assertEquals(r.manifest().sequences(), sequences);
            assertTrue(r.manifest().sequences().get("dossier_event_id_seq") > 0, "the history's sequence was used");
        }
        // Row-level security came back with the schema: the service's role sees the ward's dossier only in its scope.
        String code = SUBMITTED.keySet().iterator().next();
        assertEquals(1, countAsApp(target.jdbcUrl(), Demo.WARD, code));
        assertEquals(0, countAsApp(target.jdbcUrl(), Demo.OTHER_WARD, code));

        // A second restore into the same, now filled, database is refused before it writes anything.
        BackupException refused = assertThrows(BackupException.class, () -> Backups.restore(restoredInto(freshStore()), dir));
        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
    }

    @Test
    void aFileAlteredAfterTheBackupIsCaughtAndNotRestored() throws Exception {
        Path copy = copyOf(backedUp());
        String key = storageKey(SUBMITTED.keySet().iterator().next());
        Path file = copy.resolve(BackupManifest.ATTACHMENTS).resolve(key);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Files.writeString(BackupManifest.tableFile(copy, "dossier_event"), "", StandardOpenOption.APPEND);
        Files.writeString(BackupManifest.tableFile(copy, "tenant"), "x\n", StandardOpenOption.APPEND);

        Backups.Verification v = Backups.verify(copy);
        assertFalse(v.ok());
        assertEquals(List.of("attachments/" + key, "tables/tenant.copy"), v.altered().stream().sorted().toList(),
                "the flipped bit and the added line are found, the unchanged table is not");
        assertEquals(List.of("attachments/" + key), v.notMatchingDatabase());

        Files.delete(copy.resolve(BackupManifest.RECEIPT_CODES));
        assertEquals(List.of(BackupManifest.RECEIPT_CODES), Backups.verify(copy).missing());

        BackupException refused = assertThrows(BackupException.class, () -> Backups.restore(restoredInto(freshStore()), copy));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
    }

    @Test
    void aStoreThatAlreadyHoldsFilesIsNotRestoredInto() throws Exception {
        Path dir = backedUp();
        freshDatabase();
        BackupException refused = assertThrows(BackupException.class, () -> Backups.restore(restoredInto(store()), dir));
        assertTrue(refused.getMessage().contains("not empty") && refused.getMessage().contains(store().describe()),
                refused.getMessage());
        assertEquals(0, tables(restoredInto(store())), "refused before the database was touched");
    }

    @Test
    void aFileGoneOrDamagedInTheStoreIsReportedByTheBackupNotHidden() throws Exception {
        backedUp(); // the class's backup first: the store is damaged here only for the time of one backup
        List<String> codes = List.copyOf(SUBMITTED.keySet());
        String gone = storageKey(codes.get(0));
        String damaged = storageKey(codes.get(1));
        Path goneFile = fileIn(store(), gone);
        Path damagedFile = fileIn(store(), damaged);
        Path aside = Files.createTempFile("motcua-backup-test", ".aside");
        byte[] original = Files.readAllBytes(damagedFile);
        Files.move(goneFile, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            byte[] flipped = original.clone();
            flipped[flipped.length / 2] ^= 1;
            Files.write(damagedFile, flipped);
            Path dir = newBackupDir();
            Backups.BackupResult r = Backups.backup(source(), dir);
            assertFalse(r.complete());
            assertTrue(r.lost().contains(gone) && !r.lost().contains(damaged), "a file whose row remains is lost: " + r.lost());
            assertTrue(r.manifest().damagedAtSource().contains(damaged) && !r.manifest().damagedAtSource().contains(gone),
                    r.manifest().damagedAtSource().toString());
            // The backup keeps what the store gave and says it does not match the row: verify-backup says so too.
            Backups.Verification v = Backups.verify(dir);
            assertTrue(v.intact(), v.toString());
            assertTrue(v.notMatchingDatabase().contains(BackupManifest.ATTACHMENTS + "/" + damaged), v.toString());
        } finally {
            Files.move(aside, goneFile, StandardCopyOption.REPLACE_EXISTING);
            Files.write(damagedFile, original);
        }
    }

    @Test
    void theOwnerRoleCannotTakeABackupThatMissesRows() throws Exception {
        backedUp();
        Path dir = newBackupDir();
        BackupSettings asOwner = new BackupSettings(url, owner, ownerPassword, owner, ownerPassword, appRole, store());
        SQLException e = assertThrows(SQLException.class, () -> Backups.backup(asOwner, dir));
        assertTrue(e.getMessage().contains("row-level security"), e.getMessage());
        BackupException unfinished = assertThrows(BackupException.class, () -> Backups.verify(dir));
        assertTrue(unfinished.getMessage().contains("not a Motcua backup") || unfinished.getMessage().contains("did not finish"),
                unfinished.getMessage());
    }

    static Path newBackupDir() {
        return Path.of("target", "test-data", "backups", UUID.randomUUID().toString());
    }

    /** The freshly created database ({@link #freshDatabase()}) and {@code store}. */
    BackupSettings restoredInto(BackupSettings.Store store) {
        String restoredUrl = url.substring(0, url.lastIndexOf('/') + 1) + RESTORED_DB;
        return new BackupSettings(restoredUrl, "postgres", "", owner, ownerPassword, appRole, store);
    }

    /** The storage key of the file submitted with the dossier {@code code}, as the suite's database records it. */
    String storageKey(String code) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement ps = c.prepareStatement("SELECT a.storage_key FROM dossier d JOIN attachment a "
                        + "ON a.dossier_id = d.id WHERE d.receipt_code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), code);
                return rs.getString(1);
            }
        }
    }

    /** How many tables the database of {@code target} has: 0 while a restore has not touched it. */
    static long tables(BackupSettings target) throws SQLException {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A new database as an operator would create it for the service (see the README's external PostgreSQL). */
    void freshDatabase() throws SQLException {
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + RESTORED_DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + RESTORED_DB + " OWNER " + owner + " ENCODING 'UTF8' TEMPLATE template0");
            s.execute("ALTER DATABASE " + RESTORED_DB + " SET app.tenants = ''");
        }
    }

    private long countAsApp(String jdbcUrl, String tenant, String code) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, appRole, appPassword)) {
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement("SELECT set_config('app.tenants', ?, true)");
                    PreparedStatement count = c.prepareStatement("SELECT count(*) FROM dossier WHERE receipt_code = ?")) {
                scope.setString(1, tenant);
                scope.executeQuery().close();
                count.setString(1, code);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static Path copyOf(Path dir) throws IOException {
        Path copy = dir.resolveSibling(dir.getFileName() + "-copy-" + UUID.randomUUID());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = copy.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}
