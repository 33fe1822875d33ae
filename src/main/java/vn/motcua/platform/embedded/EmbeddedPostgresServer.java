package vn.motcua.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from the binary that zonky ships on Maven Central, for running and testing without a server
 * or Docker. As root it runs inside a user namespace (zonky does this when {@code unshare -U} works); as a normal
 * user it runs directly. Its data directory survives restarts unless the caller asks for a fresh one.
 *
 * <p>It creates the two roles the service needs: {@value #OWNER}, which owns the database and runs the migrations,
 * and {@value #APP}, which the service connects as: it owns nothing and is not superuser, so row-level security
 * applies to it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "motcua";
    public static final String OWNER = "motcua_owner";
    public static final String APP = "motcua_app";
    /** Development passwords: the embedded server trusts local connections anyway. */
    public static final String OWNER_PASSWORD = "motcua_owner";
    public static final String APP_PASSWORD = "motcua_app";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param durable sync every commit to disk; zonky's defaults ({@code fsync=off}, {@code synchronous_commit=off})
     *                suit throw-away test data only
     * @param config  settings over the defaults below (e.g. {@code shared_buffers})
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path unpackDir, int preferredPort, boolean durable,
            Map<String, String> config) throws IOException {
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(unpackDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(unpackDir.toFile())
                .setPort(FreePorts.preferring(preferredPort))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off");
        config.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg);
        try {
            server.bootstrap();
        } catch (SQLException e) {
            server.close();
            throw new IOException("could not create the motcua database and roles: " + e.getMessage(), e);
        }
        return server;
    }

    private void bootstrap() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", OWNER)) {
                s.execute("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            }
            if (!exists(c, "select 1 from pg_roles where rolname = ?", APP)) {
                s.execute("create role " + APP + " login password '" + APP_PASSWORD
                        + "' nosuperuser nocreatedb nocreaterole nobypassrls");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + OWNER + " encoding 'UTF8' template template0");
                // A default keeps current_setting() defined outside transactions; the scope is set per transaction.
                s.execute("alter database " + DATABASE + " set app.tenants = ''");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The URL in the reactive client's form; the JDBC form is this with {@code jdbc:} in front. */
    public String url() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
