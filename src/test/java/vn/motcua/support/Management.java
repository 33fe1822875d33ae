package vn.motcua.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface of the service under test: health and metrics, on their own port. */
public final class Management {

    private Management() {
    }

    /** Its port in the tests ({@code quarkus.management.test-port}, 9001 unless set). */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }
}
