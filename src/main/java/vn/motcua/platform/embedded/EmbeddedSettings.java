package vn.motcua.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the launcher must start, read from the environment before Quarkus reads its configuration: a server is
 * embedded exactly when no URL for it is configured.
 *
 * @param dataDir      where embedded servers keep their data between runs ({@code MOTCUA_DATA_DIR}, default {@code .data})
 * @param cacheDir     per-user cache of unpacked binaries ({@code MOTCUA_CACHE_DIR}, default {@code ~/.cache/motcua})
 * @param tenantsDir   the tenant data the Keycloak realms are generated from ({@code MOTCUA_TENANTS_DIR})
 * @param appBaseUrls  where browsers reach the service, allowed as sign-in redirect targets
 * @param postgres     start an embedded PostgreSQL ({@code MOTCUA_DB_URL} unset)
 * @param keycloak     start an embedded Keycloak ({@code MOTCUA_OIDC_URL} unset)
 * @param durable      whether the embedded PostgreSQL syncs each commit to disk ({@code MOTCUA_DB_DURABLE}, default
 *                     {@code true}): what was accepted survives a power cut. Only the test suite turns it off.
 * @param serverConfig extra settings of the embedded PostgreSQL over its defaults ({@code MOTCUA_EMBEDDED_DB_CONFIG},
 *                     {@code name=value} pairs separated by commas, e.g. {@code shared_buffers=2GB,max_wal_size=4GB}):
 *                     the defaults suit a laptop; a benchmark or a bigger machine sizes the server as a deployment
 *                     would
 */
public record EmbeddedSettings(Path dataDir, Path cacheDir, Path tenantsDir, List<String> appBaseUrls, boolean postgres,
        boolean keycloak, int postgresPort, int keycloakPort, String keycloakVersion, boolean durable,
        Map<String, String> serverConfig) {

    public static EmbeddedSettings fromEnvironment() {
        int httpPort = Integer.parseInt(setting("QUARKUS_HTTP_PORT", "quarkus.http.port", "8080"));
        return new EmbeddedSettings(
                Path.of(setting("MOTCUA_DATA_DIR", "motcua.data-dir", ".data")).toAbsolutePath(),
                Path.of(setting("MOTCUA_CACHE_DIR", "motcua.cache-dir", System.getProperty("user.home") + "/.cache/motcua")),
                Path.of(setting("MOTCUA_TENANTS_DIR", "motcua.tenants.root", "tenants")),
                List.of("http://localhost:" + httpPort, "http://127.0.0.1:" + httpPort),
                setting("MOTCUA_DB_URL", "MOTCUA_DB_URL", "").isBlank(),
                setting("MOTCUA_OIDC_URL", "MOTCUA_OIDC_URL", "").isBlank(),
                Integer.parseInt(setting("MOTCUA_EMBEDDED_DB_PORT", "motcua.embedded.db-port", "54329")),
                Integer.parseInt(setting("MOTCUA_EMBEDDED_OIDC_PORT", "motcua.embedded.oidc-port", "8180")),
                buildProperty("keycloak.version"),
                !"false".equalsIgnoreCase(setting("MOTCUA_DB_DURABLE", "motcua.embedded.db-durable", "true")),
                serverConfig(setting("MOTCUA_EMBEDDED_DB_CONFIG", "motcua.embedded.db-config", "")));
    }

    static Map<String, String> serverConfig(String pairs) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("MOTCUA_EMBEDDED_DB_CONFIG: expected name=value, got '" + pair.strip() + "'");
            }
            config.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return Map.copyOf(config);
    }

    public boolean needsAny() {
        return postgres || keycloak;
    }

    public Path keycloakHome() {
        String override = System.getenv("MOTCUA_KEYCLOAK_HOME");
        return override != null && !override.isBlank() ? Path.of(override)
                : cacheDir.resolve("keycloak").resolve("keycloak-" + keycloakVersion);
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value;
    }

    static String buildProperty(String name) {
        try (InputStream in = EmbeddedSettings.class.getResourceAsStream("/motcua-build.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(name);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("motcua-build.properties is missing from the build", e));
        }
    }
}
