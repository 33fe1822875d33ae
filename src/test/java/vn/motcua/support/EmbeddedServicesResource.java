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
import vn.motcua.platform.embedded.EmbeddedServices;
import vn.motcua.platform.embedded.EmbeddedSettings;

/**
 * The real PostgreSQL and Keycloak for the whole suite, started once (the first test class that needs them) and
 * stopped when the test JVM exits: the same embedded servers the run command uses, with fresh data each run.
 */
public class EmbeddedServicesResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedServices services;

    public static synchronized EmbeddedServices services() {
        if (services == null) {
            Path data = Path.of("target", "test-data").toAbsolutePath();
            deleteTree(data);
            EmbeddedSettings defaults = EmbeddedSettings.fromEnvironment();
            EmbeddedSettings settings = new EmbeddedSettings(data, defaults.cacheDir(), Path.of("tenants"),
                    List.of("http://localhost:8081", "http://127.0.0.1:8081"), true, true, 0, 0,
                    defaults.keycloakVersion());
            try {
                services = EmbeddedServices.start(settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedServices started = services;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-embedded-stop"));
        }
        return services;
    }

    @Override
    public Map<String, String> start() {
        return new HashMap<>(services().properties());
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
