package vn.motcua;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import vn.motcua.dossier.backup.BackupException;
import vn.motcua.dossier.backup.BackupSettings;
import vn.motcua.dossier.backup.Backups;
import vn.motcua.platform.embedded.EmbeddedSettings;

/**
 * {@code backup DIR}, {@code verify-backup DIR} and {@code restore DIR} (docs/operations.md). Against the database of
 * {@code MOTCUA_DB_URL}, as {@code MOTCUA_DB_ADMIN_USER}; without a URL, against the embedded PostgreSQL of
 * {@code MOTCUA_DATA_DIR} (default {@code .data}), started for the command: the service must not be running on the
 * same folder. A restore with a new {@code MOTCUA_DATA_DIR} (and {@code MOTCUA_ATTACHMENTS_DIR}) is a restore into a
 * fresh instance. Exit status 0 when everything checked out, 1 otherwise.
 */
final class BackupCommand {

    private BackupCommand() {
    }

    static int run(String command, List<String> args) {
        if (args.size() != 1) {
            System.err.println("usage: " + command + " DIR");
            return 2;
        }
        Path dir = Path.of(args.get(0)).toAbsolutePath();
        try {
            if (command.equals("verify-backup")) {
                return verify(dir) ? 0 : 1;
            }
            return withDatabase(settings -> command.equals("backup") ? backup(settings, dir) : restore(settings, dir));
        } catch (BackupException e) {
            System.err.println("[motcua] " + command + ": " + e.getMessage());
            return 1;
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println("[motcua] " + command + " failed: " + e);
            return 1;
        }
    }

    private interface Work {
        int run(BackupSettings settings) throws SQLException, IOException;
    }

    private static int withDatabase(Work work) throws SQLException, IOException {
        EmbeddedSettings env = EmbeddedSettings.fromEnvironment();
        if (!env.postgres()) {
            String url = System.getProperty("MOTCUA_DB_URL", System.getenv("MOTCUA_DB_URL"));
            return work.run(BackupSettings.fromEnvironment(url));
        }
        EmbeddedSettings pgOnly = new EmbeddedSettings(env.dataDir(), env.cacheDir(), env.tenantsDir(), env.appBaseUrls(), true,
                false, env.postgresPort(), env.keycloakPort(), env.keycloakVersion(), env.durable(), env.serverConfig());
        System.out.println("[motcua] starting the embedded PostgreSQL of " + env.dataDir() + " (the service must not be running on it)");
        try (EmbeddedServices services = EmbeddedServices.start(pgOnly)) {
            // The owner and application roles the embedded server created; the superuser postgres reads and loads.
            services.properties().forEach(System::setProperty);
            return work.run(BackupSettings.fromEnvironment(services.postgresUrl()));
        }
    }

    private static int backup(BackupSettings settings, Path dir) throws SQLException, IOException {
        Backups.BackupResult r = Backups.backup(settings, dir);
        var m = r.manifest();
        long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "Backed up schema version %s: %d tables, %d rows, %d receipt codes, %d attachment files (%s)%n",
                m.schemaVersion(), m.tables().size(), rows, m.receiptCodes(), m.attachments(), megabytes(r.bytes()));
        System.out.printf(Locale.ROOT, "  database %s, attachments %s (from the %s) -> %s%n", seconds(r.database()),
                seconds(r.attachments()), settings.store().describe(), dir);
        report("attachments deleted while the backup ran (not a loss)", m.missingAtSource().stream()
                .filter(k -> !r.lost().contains(k)).toList());
        report("WARNING: attachments missing from the store", r.lost());
        report("WARNING: attachments not matching the checksum the database recorded", m.damagedAtSource());
        return r.complete() ? 0 : 1;
    }

    private static boolean verify(Path dir) {
        Backups.Verification v = Backups.verify(dir);
        System.out.printf(Locale.ROOT, "Backup %s: %d files checked%n", dir, v.files());
        report("missing", v.missing());
        report("altered since the backup", v.altered());
        report("not matching the checksum the database recorded", v.notMatchingDatabase());
        report("not written by the backup (ignored)", v.unlisted());
        System.out.println(v.ok() ? "  OK: every file as the backup wrote it, every attachment as the database recorded it"
                : "  FAILED");
        return v.ok();
    }

    private static int restore(BackupSettings settings, Path dir) throws SQLException, IOException {
        Backups.RestoreResult r = Backups.restore(settings, dir);
        long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "Restored schema version %s: %d tables, %d rows in %s; %d attachment files in %s (into the %s)%n",
                r.manifest().schemaVersion(), r.rows().size(), rows, seconds(r.database()), r.manifest().attachments(),
                seconds(r.attachments()), settings.store().describe());
        System.out.printf(Locale.ROOT, "Checked: %d receipt codes, %d attachments read back against their checksum%n",
                r.receiptCodesChecked(), r.attachmentsChecked());
        report("tables with another row count", r.tablesDiffering());
        report("receipt codes missing", r.receiptCodesMissing());
        report("attachments not matching their checksum", r.attachmentsNotMatching());
        report("attachments already missing when backed up", r.manifest().missingAtSource());
        report("attachments already damaged when backed up", r.manifest().damagedAtSource());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        return r.ok() ? 0 : 1;
    }

    private static void report(String what, List<String> items) {
        if (!items.isEmpty()) {
            System.out.println("  " + items.size() + " " + what + ": "
                    + String.join(", ", items.subList(0, Math.min(20, items.size()))) + (items.size() > 20 ? ", ..." : ""));
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
