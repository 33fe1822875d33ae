package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import vn.motcua.platform.embedded.FreePorts;

/**
 * Another replica of the service beside the one under test: the packaged service ({@code target/quarkus-app}, built
 * before the tests: see the pom) run as its own process in production mode, as a deployment runs it, against the
 * suite's PostgreSQL and Keycloak. That it becomes ready at all shows the packaged service starts in production mode
 * (its configuration checked as in production, none of the test profile's settings).
 *
 * <p>It gets only what a deployment would set: the servers' addresses and secrets, its ports, and the caller's
 * settings. Its outbox relay and nearly-late scan are off, as the suite's own replica's are, so that it sends nothing a
 * test expects to drive. Its log is {@code target/<name>.log}.
 */
public final class Replica implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread killer;

    private Replica(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.killer = new Thread(process::destroyForcibly, "replica-kill");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts it and returns once {@code /q/health/ready} answers 200 on its management port.
     *
     * @param settings configuration properties, given as system properties ({@code -Dname=value})
     */
    public static Replica start(String name, Map<String, String> settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build makes it before the tests (./mvnw verify, ./motcua build)");
        }
        int port = FreePorts.preferring(0);
        int management = FreePorts.preferring(0);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m", "--enable-native-access=ALL-UNNAMED"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("MOTCUA_") || k.startsWith("QUARKUS_"));
        env.putAll(EmbeddedServicesResource.properties());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("MOTCUA_MANAGEMENT_PORT", Integer.toString(management));
        env.put("MOTCUA_ATTACHMENTS_DIR", Path.of("target", "test-data", name + "-attachments").toString());
        env.put("MOTCUA_NOTIFY_RELAY", "false");
        env.put("MOTCUA_NEARLY_LATE", "false");
        Path log = Path.of("target", name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Replica replica = new Replica(builder.start(), log, port);
        try {
            replica.awaitReady(management);
        } catch (RuntimeException | InterruptedException e) {
            replica.close();
            throw e;
        }
        return replica;
    }

    private void awaitReady(int management) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + management + "/q/health/ready");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the replica stopped (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the replica was not ready within " + READY_WITHIN + ":\n" + tail());
    }

    /** Its base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything it logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of its log, for a failure's message. */
    public String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Stops it as an orchestrator would (SIGTERM: it leaves the cluster and removes its discovery row), then for good. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already stopping
        }
    }
}
