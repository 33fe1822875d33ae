package vn.motcua.dossier.backup;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import vn.motcua.dossier.store.AttachmentStore;
import vn.motcua.dossier.store.FileAttachmentStore;
import vn.motcua.dossier.store.S3AttachmentStore;

/**
 * Where the backup reads from and the restore writes to (sao lưu, khôi phục): read from the same environment variables
 * as the service's configuration (application.properties), because the commands run before and without Quarkus.
 *
 * @param jdbcUrl       the database, {@code jdbc:} and {@code MOTCUA_DB_URL}
 * @param adminUser     a role that sees every row: superuser, or {@code BYPASSRLS} and a member of the owner role
 *                      ({@code MOTCUA_DB_ADMIN_USER}, default {@code postgres}, the embedded server's superuser). The
 *                      owner itself will not do: the tables force row-level security on their owner too.
 * @param adminPassword its password ({@code MOTCUA_DB_ADMIN_PASSWORD})
 * @param ownerUser     the owner role Flyway migrates as ({@code MOTCUA_DB_OWNER_USER})
 * @param ownerPassword its password ({@code MOTCUA_DB_OWNER_PASSWORD})
 * @param appRole       the service's role, which the migrations grant to ({@code MOTCUA_DB_USER})
 * @param store         the attachment store
 */
public record BackupSettings(String jdbcUrl, String adminUser, String adminPassword, String ownerUser,
        String ownerPassword, String appRole, Store store) {

    /**
     * The attachment store's settings: the folder, or the S3-compatible store when {@code endpoint} is given (the
     * same variables as the service's: {@code MOTCUA_ATTACHMENTS_DIR}, {@code MOTCUA_ATTACHMENTS_S3_*}).
     */
    public record Store(Path root, Optional<URI> endpoint, String bucket, String region, String accessKey,
            String secretKey, boolean pathStyle, String prefix) {

        public static Store folder(Path root) {
            return new Store(root, Optional.empty(), "", "us-east-1", "", "", true, "attachments/");
        }

        AttachmentStore open() {
            if (endpoint.isEmpty()) {
                return new FileAttachmentStore(root);
            }
            return new S3AttachmentStore(endpoint.get(), bucket, region, accessKey, secretKey, pathStyle, prefix);
        }

        /**
         * Refuses a store that already holds files (the folder, or the bucket under the prefix): a restore fills a
         * fresh store, it does not merge into a live one.
         */
        void requireFresh(AttachmentStore store) {
            if (!store.isEmpty()) {
                throw new BackupException("the attachment store is not empty: " + describe() + " (restore into a fresh instance: "
                        + (endpoint.isEmpty() ? "set MOTCUA_ATTACHMENTS_DIR to a new folder"
                                : "a new bucket, or a new MOTCUA_DOSSIERS_ATTACHMENTS_S3_PREFIX")
                        + "); nothing restored");
            }
        }

        public String describe() {
            return endpoint.map(e -> "bucket " + bucket + " at " + e + " (prefix " + prefix + ")")
                    .orElse("folder " + root.toAbsolutePath());
        }
    }

    /** From the environment (or system properties of the same names), with {@code dbUrl} in the reactive form. */
    public static BackupSettings fromEnvironment(String dbUrl) {
        String endpoint = setting("MOTCUA_ATTACHMENTS_S3_ENDPOINT", "");
        Store store = new Store(Path.of(setting("MOTCUA_ATTACHMENTS_DIR", ".data/attachments")),
                endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                setting("MOTCUA_ATTACHMENTS_S3_BUCKET", ""), setting("MOTCUA_ATTACHMENTS_S3_REGION", "us-east-1"),
                setting("MOTCUA_ATTACHMENTS_S3_ACCESS_KEY", ""), setting("MOTCUA_ATTACHMENTS_S3_SECRET_KEY", ""),
                !"false".equalsIgnoreCase(setting("MOTCUA_DOSSIERS_ATTACHMENTS_S3_PATH_STYLE", "true")),
                setting("MOTCUA_DOSSIERS_ATTACHMENTS_S3_PREFIX", "attachments/"));
        return new BackupSettings("jdbc:" + dbUrl, setting("MOTCUA_DB_ADMIN_USER", "postgres"),
                setting("MOTCUA_DB_ADMIN_PASSWORD", ""), setting("MOTCUA_DB_OWNER_USER", "motcua_owner"),
                setting("MOTCUA_DB_OWNER_PASSWORD", "motcua_owner"), setting("MOTCUA_DB_USER", "motcua_app"), store);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
