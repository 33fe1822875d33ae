package vn.motcua.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Keycloak down (chaos, docs/chaos.md): a page that needs sign-in says so plainly in the visitor's language, with a
 * time to come back, instead of sending the browser to a dead address or failing with an incident; what needs no
 * sign-in goes on. Both realms point at a port where nothing listens.
 */
@QuarkusTest
@TestProfile(SignInUnavailableTest.KeycloakDown.class)
class SignInUnavailableTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.staff-config.auth-server-url", "http://127.0.0.1:1/realms/staff",
                    "quarkus.oidc.citizens-config.auth-server-url", "http://127.0.0.1:1/realms/citizens");
        }
    }

    @Test
    void theCitizensSignInSaysInVietnameseThatItIsUnavailable() {
        given().accept("text/html").redirects().follow(false).get("/signin").then().statusCode(503)
                .header("Location", nullValue())
                .header("Retry-After", equalTo("30"))
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("Tạm thời chưa đăng nhập được"))
                .body(containsString("tra cứu hồ sơ mà không cần đăng nhập"))
                .body(containsString("href=\"/problems/sign-in-unavailable\""))
                .body(not(containsString("Exception")));
    }

    @Test
    void theConsoleSaysItToo_andInEnglishForWhoeverChoseEnglish() {
        given().accept("text/html").redirects().follow(false).get("/console").then().statusCode(503)
                .body(containsString("Tạm thời chưa đăng nhập được"));
        given().accept("text/html").cookie("lang", "en").redirects().follow(false).get("/console").then().statusCode(503)
                .body(containsString("Sign-in is unavailable for now"));
    }

    @Test
    void aProgramAsksForAPageAndGetsTheProblem() {
        given().accept("*/*").redirects().follow(false).get("/signin").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/sign-in-unavailable"));
    }

    @Test
    void whatNeedsNoSignInGoesOn() {
        given().accept("text/html").get("/").then().statusCode(200);
        given().get("/api/tenants/ba-dinh").then().statusCode(200);
        // The API never sends anyone to sign in: without a token it is the usual 401 problem.
        given().get("/api/me").then().statusCode(401).body("type", equalTo("/problems/not-signed-in"));
    }
}
