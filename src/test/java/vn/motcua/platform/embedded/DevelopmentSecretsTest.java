package vn.motcua.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The public development secrets are refused against any Keycloak but the embedded one. */
class DevelopmentSecretsTest {

    static final List<String> ALL = List.of("MOTCUA_OIDC_CONSOLE_SECRET", "MOTCUA_OIDC_PORTAL_SECRET",
            "MOTCUA_OIDC_PROVISIONING_SECRET", "MOTCUA_CSRF_SECRET");

    @Test
    void anExternalKeycloakWithTheDevelopmentValuesNamesEveryVariableToSet() {
        Map<String, String> config = DevelopmentSecrets.developmentValues();
        assertEquals(ALL, DevelopmentSecrets.stillDevelopment(false, config::get));
    }

    @Test
    void theEmbeddedKeycloakMayUseThem() {
        Map<String, String> config = DevelopmentSecrets.developmentValues();
        assertEquals(List.of(), DevelopmentSecrets.stillDevelopment(true, config::get));
    }

    @Test
    void onlyTheOnesStillAtTheirDevelopmentValueOrEmptyAreNamed() {
        Map<String, String> config = new HashMap<>(DevelopmentSecrets.developmentValues());
        config.put("quarkus.oidc.staff-config.credentials.secret", "k3V…long-random");
        config.put("quarkus.oidc.citizens-config.credentials.secret", "p0R…long-random");
        config.put("quarkus.keycloak.admin-client.client-secret", " ");
        assertEquals(List.of("MOTCUA_OIDC_PROVISIONING_SECRET", "MOTCUA_CSRF_SECRET"),
                DevelopmentSecrets.stillDevelopment(false, config::get));
        config.put("quarkus.keycloak.admin-client.client-secret", "x");
        config.put("motcua.web.csrf-secret", "y");
        assertEquals(List.of(), DevelopmentSecrets.stillDevelopment(false, config::get));
    }

    @Test
    void theDevelopmentValuesAreTheOnesTheConfigurationDefaultsTo() throws Exception {
        // If application.properties changes a default, this list must follow, or the guard would let it through.
        String properties = new String(getClass().getResourceAsStream("/application.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (DevelopmentSecrets.Secret s : DevelopmentSecrets.SECRETS) {
            assertEquals(true, properties.contains(s.property() + "=${" + s.variable() + ":" + s.developmentValue() + "}"),
                    s.property() + " defaults to " + s.developmentValue() + " from " + s.variable());
        }
    }
}
