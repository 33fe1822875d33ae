package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.motcua.platform.embedded.FreePorts;

/**
 * A real S3-compatible server for the tests: S3Proxy over a temporary folder, signing checked (AWS signature v2 or
 * v4), started once per test JVM (whatever the class loader) from the self-contained jar that Maven put in the cache
 * ({@code motcua.s3proxy.jar}), in a process of its own so that none of its libraries meet the service's. Stopped
 * when the JVM ends.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "motcua-test";
    public static final String SECRET_KEY = "motcua-test-secret";
    public static final String BUCKET = "motcua-attachments";

    /** Where the running server is told to every class loader of the JVM (see {@link #start()}). */
    private static final String ENDPOINT_PROPERTY = "motcua.test.s3.endpoint";
    private static final String FOLDER_PROPERTY = "motcua.test.s3.folder";

    private static S3Server running;

    public final URI endpoint;
    /** The folder under which S3Proxy keeps the objects: {@code <folder>/<bucket>/<key>}. */
    public final Path folder;

    private S3Server(URI endpoint, Path folder) {
        this.endpoint = endpoint;
        this.folder = folder;
    }

    public static synchronized S3Server start() {
        if (running != null) {
            return running;
        }
        // Quarkus loads a test class and its profile in class loaders of their own, each with its own copy of this
        // class: the JVM's system properties let them all find the one server (else the test's objects would be in
        // another server than the service's).
        String started = System.getProperty(ENDPOINT_PROPERTY);
        if (started != null) {
            running = new S3Server(URI.create(started), Path.of(System.getProperty(FOLDER_PROPERTY)));
            return running;
        }
        try {
            Path jar = Path.of(System.getProperty("motcua.s3proxy.jar", ""));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("S3Proxy's jar is missing (" + jar + "): run the tests through Maven");
            }
            Path folder = Files.createTempDirectory("motcua-s3");
            // The bucket exists before the service starts, as in production: a folder is a bucket to S3Proxy.
            Files.createDirectories(folder.resolve(BUCKET));
            int port = FreePorts.preferring(0);
            Path properties = folder.resolveSibling(folder.getFileName() + ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + folder,
                    ""));
            Path log = folder.resolveSibling(folder.getFileName() + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!listening(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroy();
                    throw new IllegalStateException("S3Proxy did not start; its log: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            running = new S3Server(URI.create("http://127.0.0.1:" + port), folder);
            System.setProperty(FOLDER_PROPERTY, folder.toString());
            System.setProperty(ENDPOINT_PROPERTY, running.endpoint.toString());
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new, empty bucket, as an operator would create one for a fresh instance: a folder is a bucket to S3Proxy, as
     * for {@link #BUCKET}.
     */
    public String newBucket() {
        String name = "motcua-" + UUID.randomUUID();
        try {
            Files.createDirectories(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** The file S3Proxy keeps the object {@code key} of {@code bucket} in, to read or damage it behind the store's back. */
    public Path object(String bucket, String key) {
        return folder.resolve(bucket).resolve(key);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
