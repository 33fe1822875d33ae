package vn.motcua.platform.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Configured as in production: served over HTTPS behind a TLS proxy ({@code MOTCUA_SECURE_COOKIES=true}), the
 * sign-in's cookies, which Quarkus OIDC writes itself, are marked {@code Secure} although the proxy speaks plain HTTP
 * to the service; with its public address set ({@code MOTCUA_PUBLIC_URL}), a request for another host is refused
 * before anything builds a link from it.
 */
@QuarkusTest
@TestProfile(SecureCookiesTest.BehindTls.class)
class SecureCookiesTest {

    public static class BehindTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MOTCUA_SECURE_COOKIES", "true", "MOTCUA_PUBLIC_URL", "http://localhost:8081");
        }
    }

    @Test
    void theSignInsStateCookieIsSecure() {
        List<String> cookies = given().redirects().follow(false).accept("text/html").get("/me").then().statusCode(302)
                .extract().headers().getValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "the sign-in sets its state cookie");
        assertTrue(cookies.stream().allMatch(c -> c.contains("; Secure")), cookies::toString);
    }

    @Test
    void aRequestForAnotherHostIsRefusedBeforeAnythingReadsIt() {
        given().header("Host", "evil.example").accept("text/html").redirects().follow(false).get("/me").then().statusCode(421);
        given().header("Host", "evil.example").get("/api/tenants").then().statusCode(421);
        given().header("Host", "localhost:8081").get("/api/tenants").then().statusCode(200);
    }
}
