package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.motcua.EmbeddedServices;
import vn.motcua.platform.embedded.EmbeddedSettings;

/**
 * The real PostgreSQL and Keycloak for the whole suite, started once (by the first test class that needs them) and
 * stopped when the test JVM exits: the same embedded servers the run command uses, with fresh data each run.
 *
 * <p>Each test profile restarts Quarkus in a new class loader, where static fields start empty; the addresses are
 * therefore kept in system properties, which every class loader shares.
 */
public class EmbeddedServicesResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "motcua.test.services.";

    /** The settings that point the service at the suite's servers. */
    public static synchronized Map<String, String> properties() {
        if (System.getProperty(PREFIX + "MOTCUA_DB_URL") == null) {
            EmbeddedServices started = startServers();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-embedded-stop"));
            started.properties().forEach((k, v) -> System.setProperty(PREFIX + k, v));
        }
        Map<String, String> p = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith(PREFIX)) {
                p.put(k.toString().substring(PREFIX.length()), v.toString());
            }
        });
        // Payments go to the local stand-in for VNPAY, on a port chosen once; the payment tests start it. In every
        // profile, so that they need no profile (and no build of the service) of their own.
        p.putAll(VnpayTestGateway.configOnFreePort());
        return p;
    }

    public static String keycloakUrl() {
        return properties().get("MOTCUA_OIDC_URL");
    }

    private static EmbeddedServices startServers() {
        Path data = Path.of("target", "test-data").toAbsolutePath();
        deleteTree(data);
        EmbeddedSettings defaults = EmbeddedSettings.fromEnvironment();
        EmbeddedSettings settings = new EmbeddedSettings(data, defaults.cacheDir(), Path.of("tenants"),
                List.of("http://localhost:8081", "http://127.0.0.1:8081"), true, true, 0, 0, defaults.keycloakVersion(), false,
                defaults.serverConfig());
        try {
            return EmbeddedServices.start(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return properties();
    }

    @Override
    public void stop() {
        // Shared by every test profile: stopped by the shutdown hook when the suite ends.
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
