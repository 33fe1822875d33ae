package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;
import vn.motcua.support.EmbeddedServicesResource;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;

/** The console's session cookie and Keycloak's brute-force protection, observed from outside. */
@QuarkusTest
class SessionProtectionTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theConsolesSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> console = browser.signIn(browser.get(base + "console"), Demo.RECEIVER, DemoUser.PASSWORD);
        assertEquals(200, console.statusCode(), console.body());
        List<String> session = browser.setCookieHeaders("q_session");
        assertFalse(session.isEmpty(), "the service set its session cookie");
        for (String header : session) {
            String h = header.toLowerCase(Locale.ROOT);
            assertTrue(h.contains("httponly"), header);
            assertTrue(h.contains("samesite=lax"), header);
            assertTrue(h.contains("path=/"), header);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        String username = "bruteforce." + UUID.randomUUID().toString().substring(0, 6);
        String id = KeycloakAdmin.createStaff(username);
        KeycloakAdmin.setPassword(RealmGenerator.STAFF, id, "Motcua@Right-2026");
        for (int i = 0; i < 5; i++) {
            grant(username, "wrong-" + i).then().statusCode(org.hamcrest.Matchers.not(200));
        }
        // The right password no longer works until the wait is over.
        grant(username, "Motcua@Right-2026").then().statusCode(org.hamcrest.Matchers.not(200));
        assertTrue(KeycloakAdmin.bruteForceLocked(RealmGenerator.STAFF, id), "Keycloak reports the account as locked");
        // Other accounts are not affected.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/me").then().statusCode(200);
    }

    private static io.restassured.response.Response grant(String username, String password) {
        return given().baseUri(EmbeddedServicesResource.keycloakUrl()).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", RealmGenerator.CLI_CLIENT, "username", username, "password", password))
                .post("/realms/staff/protocol/openid-connect/token");
    }
}
