package vn.motcua.platform.embedded;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets the launcher stop the embedded servers only after the service has closed its connections, and print the
 * sign-in banner once the service is ready rather than before.
 */
@ApplicationScoped
public class AppLifecycle {

    /** System property the launcher sets with the banner to print when ready. */
    public static final String BANNER = "motcua.embedded.banner";

    private static volatile boolean started;
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    void onStart(@Observes StartupEvent event) {
        started = true;
        String banner = System.getProperty(BANNER);
        if (banner != null) {
            System.out.println(banner);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        STOPPED.countDown();
    }

    /** Waits for the service to finish stopping, if it ever started. */
    public static void awaitStopped(long seconds) {
        if (!started) {
            return;
        }
        try {
            STOPPED.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
