package vn.motcua.platform.embedded;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak from its distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build
 * into a per-user cache), run in production mode ({@code start --optimized}), never {@code start-dev}.
 *
 * <p>The distribution is augmented once ({@code kc.sh build}) in the cache and shared. Each instance gets its own
 * home made of hard links to it with a private {@code data/} folder, so its database, transaction logs and realm
 * imports never mix with another instance's (tests and a running demo can share the machine). Our login theme is
 * copied into the home's {@code themes/} at each start ({@link KeycloakThemes}).
 */
public final class EmbeddedKeycloakServer implements AutoCloseable {

    /** The build options; a change here triggers a new {@code kc.sh build}. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Process process;
    private final int port;
    private final Path log;

    private EmbeddedKeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak with the given realms imported (realms that already exist in the instance are kept as they are).
     *
     * @param distHome    the unpacked distribution, e.g. {@code ~/.cache/motcua/keycloak/keycloak-26.7.3}
     * @param instanceDir where this instance keeps its home and data
     * @param realms      realm name → realm JSON
     */
    public static EmbeddedKeycloakServer start(Path distHome, Path instanceDir, int preferredPort, Map<String, String> realms)
            throws IOException {
        if (!Files.isExecutable(distHome.resolve("bin/kc.sh"))) {
            throw new IOException("Keycloak is not unpacked at " + distHome
                    + ": run './mvnw generate-resources' (it fetches org.keycloak:keycloak-quarkus-dist through Maven)"
                    + " or set MOTCUA_OIDC_URL to use an existing Keycloak");
        }
        String build = ensureBuilt(distHome);
        Path home = instanceDir.resolve("home");
        Path marker = instanceDir.resolve("home.build");
        if (!Files.exists(marker) || !Files.readString(marker).equals(build)) {
            deleteTree(home);
            linkTree(distHome, home);
            Files.writeString(marker, build);
        }
        // Our login theme, written afresh at each start: a folder theme needs no kc.sh build (see KeycloakThemes).
        // The files are copies, not links, so the shared distribution is never written through them.
        KeycloakThemes.install(home.resolve("themes"));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        for (Map.Entry<String, String> realm : realms.entrySet()) {
            Files.writeString(imports.resolve(realm.getKey() + "-realm.json"), realm.getValue(), StandardCharsets.UTF_8);
        }
        int port = FreePorts.preferring(preferredPort);
        int management = FreePorts.preferring(0);
        Path log = instanceDir.resolve("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + port, "--http-management-port=" + management, "--import-realm",
                // One embedded instance is never a cluster: a local cache spares each start a JGroups channel, its
                // discovery table and its certificates (about three seconds).
                "--cache=local"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(pb);
        // The realm files reach Keycloak itself (the national identity broker) through this placeholder.
        pb.environment().put("MOTCUA_KEYCLOAK_URL", "http://127.0.0.1:" + port);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = pb.start();
        EmbeddedKeycloakServer server = new EmbeddedKeycloakServer(process, port, log);
        try {
            server.awaitReady(management, Duration.ofSeconds(240));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void environment(ProcessBuilder pb) {
        // Keycloak 26 needs Java 21+, as this service does: run it on the same JVM installation.
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m");
        pb.environment().remove("KC_DB");
    }

    /** Runs {@code kc.sh build} once per distribution and build options; concurrent starters wait on a file lock. */
    private static String ensureBuilt(Path distHome) throws IOException {
        String build = String.join(" ", BUILD_OPTIONS);
        Path marker = distHome.resolve(".motcua-build");
        try (FileChannel lockFile = FileChannel.open(distHome.resolve(".motcua-build.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (Files.exists(marker) && Files.readString(marker).equals(build)) {
                return build;
            }
            List<String> cmd = new ArrayList<>(List.of(distHome.resolve("bin/kc.sh").toString(), "build"));
            cmd.addAll(BUILD_OPTIONS);
            Path log = distHome.resolve("build.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            environment(pb);
            System.out.println("[motcua] Building Keycloak once (kc.sh build, ~30 s); later starts reuse it.");
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("kc.sh build failed; see " + log);
            }
            Files.writeString(marker, build);
            return build;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building Keycloak", e);
        }
    }

    private void awaitReady(int managementPort, Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak stopped during start (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IOException("Keycloak was not ready within " + timeout.toSeconds() + " s:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hard links every file (the distribution is read-only at run time) and creates a private, empty data folder. */
    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path rel = from.relativize(source);
                if (rel.toString().startsWith("data") || rel.toString().startsWith(".motcua-build")
                        || rel.toString().equals("build.log")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, source);
                    } catch (UnsupportedOperationException | IOException e) {
                        if (e instanceof FileAlreadyExistsException) {
                            continue;
                        }
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Files.createDirectories(to.resolve("data"));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        // kc.sh may run java as a child rather than exec it: stop the whole process tree.
        List<ProcessHandle> tree = process.toHandle().descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle child : tree) {
                child.onExit().get(20, TimeUnit.SECONDS);
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
