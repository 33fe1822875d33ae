package vn.motcua.support;

import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Starts the suite's PostgreSQL and Keycloak ({@link EmbeddedServicesResource}) on a thread of its own as soon as JUnit
 * begins to discover the tests, when at least one of them is a {@code @QuarkusTest}: the discovery builds the service
 * once per test profile (about ten seconds each on two cores), and Keycloak's first start on a fresh machine (its
 * {@code kc.sh build}, then its realms) takes about as long again. Before this, the two ran one after the other. A
 * run of plain unit tests starts nothing. Registered in {@code META-INF/services}.
 */
public class EarlyServices implements LauncherDiscoveryListener {

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (request.getSelectorsByType(ClassSelector.class).stream().noneMatch(EarlyServices::isQuarkusTest)) {
            return;
        }
        Thread start = new Thread(() -> {
            try {
                EmbeddedServicesResource.properties();
            } catch (RuntimeException e) {
                // Kept in the start's state: the first test that needs the servers fails with it.
                System.err.println("[motcua] the suite's servers did not start: " + e);
            }
        }, "suite-services-start");
        start.setDaemon(true);
        start.setContextClassLoader(EarlyServices.class.getClassLoader());
        start.start();
    }

    private static boolean isQuarkusTest(ClassSelector selector) {
        try {
            return Class.forName(selector.getClassName(), false, EarlyServices.class.getClassLoader()).isAnnotationPresent(QuarkusTest.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
