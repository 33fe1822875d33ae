package vn.motcua.platform.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * No development secret outside the embedded demo (khóa dùng thử không được dùng khi vận hành thật). The defaults
 * of the OIDC clients' secrets, the provisioning client's secret (which opens Keycloak's user management) and the
 * anti-forgery key are public: they are in this repository. With the embedded Keycloak, which the launcher starts
 * with those very secrets, that is the point; against any other Keycloak the service refuses to start while one of
 * them is still the development value, and says which variable to set.
 */
@ApplicationScoped
public class DevelopmentSecrets {

    /** Set by the launcher (and the test suite) when it started the embedded Keycloak itself. */
    public static final String EMBEDDED_KEYCLOAK = "MOTCUA_OIDC_EMBEDDED";

    /** Each secret: the variable that sets it, the property it becomes, its development value. */
    record Secret(String variable, String property, String developmentValue) {
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("MOTCUA_OIDC_CONSOLE_SECRET", "quarkus.oidc.staff-config.credentials.secret", "dev-console-secret"),
            new Secret("MOTCUA_OIDC_PORTAL_SECRET", "quarkus.oidc.citizens-config.credentials.secret", "dev-portal-secret"),
            new Secret("MOTCUA_OIDC_PROVISIONING_SECRET", "quarkus.keycloak.admin-client.client-secret", "dev-provisioning-secret"),
            new Secret("MOTCUA_CSRF_SECRET", "motcua.web.csrf-secret", "development-only-csrf-secret"));

    void check(@Observes StartupEvent event, Config config) {
        boolean embedded = config.getOptionalValue(EMBEDDED_KEYCLOAK, Boolean.class).orElse(false);
        List<String> left = stillDevelopment(embedded, p -> config.getOptionalValue(p, String.class).orElse(null));
        if (!left.isEmpty()) {
            throw new IllegalStateException("Development secrets against an external Keycloak: set " + String.join(", ", left)
                    + " (long random values; the Keycloak clients' secrets must match). The development values are public.");
        }
    }

    /** The variables still at their development value, unless the Keycloak is the embedded one. */
    static List<String> stillDevelopment(boolean embeddedKeycloak, Function<String, String> property) {
        List<String> left = new ArrayList<>();
        if (embeddedKeycloak) {
            return left;
        }
        for (Secret s : SECRETS) {
            String value = property.apply(s.property());
            if (value == null || value.isBlank() || value.equals(s.developmentValue())) {
                left.add(s.variable());
            }
        }
        return left;
    }

    /** For a test: the development values as a configuration would hold them. */
    static Map<String, String> developmentValues() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        SECRETS.forEach(s -> m.put(s.property(), s.developmentValue()));
        return m;
    }
}
