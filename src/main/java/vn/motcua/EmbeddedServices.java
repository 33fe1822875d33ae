package vn.motcua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.tenant.TenantFiles;
import vn.motcua.tenant.TenantTree;
import vn.motcua.platform.embedded.EmbeddedKeycloakServer;
import vn.motcua.platform.embedded.EmbeddedPostgresServer;
import vn.motcua.platform.embedded.DevelopmentSecrets;
import vn.motcua.platform.embedded.EmbeddedSettings;

/**
 * The embedded defaults, started together: PostgreSQL and Keycloak (in parallel: Keycloak takes the longer) for
 * whichever has no URL configured. Used by the service's main and by the test suite, so both run the same parts.
 *
 * <p>It lives in the composition root beside {@link MotcuaMain}, not in {@code platform.embedded}: it assembles the
 * servers (platform) with the realms generated from the tenant tree (features), and platform imports no feature.
 */
public final class EmbeddedServices implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKeycloakServer keycloak;
    private final List<DemoUser> demoUsers;

    private EmbeddedServices(EmbeddedPostgresServer postgres, EmbeddedKeycloakServer keycloak, List<DemoUser> demoUsers) {
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.demoUsers = demoUsers;
    }

    public static EmbeddedServices start(EmbeddedSettings settings) throws IOException {
        CompletableFuture<EmbeddedKeycloakServer> keycloak = CompletableFuture.completedFuture(null);
        List<DemoUser> users = List.of();
        if (settings.keycloak()) {
            // The realms come from the same tenant files the service loads; a bad file stops here with its reason.
            TenantTree tree = TenantFiles.load(settings.tenantsDir());
            RealmGenerator generator = new RealmGenerator(tree, settings.appBaseUrls());
            users = generator.demoUsers();
            Map<String, String> realms = generator.realmsAsJson();
            keycloak = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedKeycloakServer.start(settings.keycloakHome(), settings.dataDir().resolve("keycloak"),
                            settings.keycloakPort(), realms);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        EmbeddedPostgresServer pg = null;
        try {
            if (settings.postgres()) {
                pg = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"),
                        settings.cacheDir().resolve("postgres-bin"), settings.postgresPort(), settings.durable(),
                        settings.serverConfig());
            }
            return new EmbeddedServices(pg, keycloak.join(), users);
        } catch (IOException | RuntimeException e) {
            if (pg != null) {
                pg.close();
            }
            keycloak.thenAccept(k -> {
                if (k != null) {
                    k.close();
                }
            });
            if (e instanceof CompletionException c && c.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    /** The settings the service reads (see application.properties), pointing at what was started. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (postgres != null) {
            p.put("MOTCUA_DB_URL", postgres.url());
            p.put("MOTCUA_DB_USER", EmbeddedPostgresServer.APP);
            p.put("MOTCUA_DB_PASSWORD", EmbeddedPostgresServer.APP_PASSWORD);
            p.put("MOTCUA_DB_OWNER_USER", EmbeddedPostgresServer.OWNER);
            p.put("MOTCUA_DB_OWNER_PASSWORD", EmbeddedPostgresServer.OWNER_PASSWORD);
        }
        if (keycloak != null) {
            p.put("MOTCUA_OIDC_URL", keycloak.url());
            p.put("MOTCUA_OIDC_CONSOLE_SECRET", RealmGenerator.DEV_CONSOLE_SECRET);
            p.put("MOTCUA_OIDC_PORTAL_SECRET", RealmGenerator.DEV_PORTAL_SECRET);
            // The development secrets are this Keycloak's own: allowed (see DevelopmentSecrets).
            p.put(DevelopmentSecrets.EMBEDDED_KEYCLOAK, "true");
        }
        return p;
    }

    public String postgresUrl() {
        return postgres == null ? null : postgres.url();
    }

    public String keycloakUrl() {
        return keycloak == null ? null : keycloak.url();
    }

    public List<DemoUser> demoUsers() {
        return demoUsers;
    }

    /** What a newcomer needs after start: where everything is and how to sign in. */
    public String banner(String appUrl) {
        StringBuilder b = new StringBuilder("\n========================= Motcua is running =========================\n");
        b.append("  Portal (citizens)      ").append(appUrl).append("/\n");
        b.append("  Console (officers)     ").append(appUrl).append("/console\n");
        b.append("  API / OpenAPI          ").append(appUrl).append("/api/tenants   ").append(appUrl).append("/q/openapi\n");
        if (postgres != null) {
            b.append("  PostgreSQL (embedded)  jdbc:").append(postgres.url()).append("  user ").append(EmbeddedPostgresServer.APP).append('\n');
        }
        if (keycloak != null) {
            b.append("  Keycloak (embedded)    ").append(keycloak.url()).append("/admin   admin / ").append(EmbeddedKeycloakServer.ADMIN_PASSWORD).append('\n');
            b.append("  Demo sign-ins (password ").append(DemoUser.PASSWORD).append("):\n");
            for (DemoUser u : demoUsers) {
                b.append(String.format("    %-9s %-22s %s%n", u.realm(), u.username(), u.description()));
            }
            for (RealmGenerator.NationalIdentity p : RealmGenerator.NATIONAL_IDENTITIES) {
                b.append(String.format("    %-9s %-22s %s%n", "VNeID", p.citizenId(),
                        p.lastName() + " " + p.firstName() + ": portal › Đăng nhập › VNeID (national identity, stand-in)"));
            }
        }
        b.append("  Ctrl-C stops the service and the embedded servers; data stays in .data/\n");
        b.append("======================================================================\n");
        return b.toString();
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("[motcua] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
