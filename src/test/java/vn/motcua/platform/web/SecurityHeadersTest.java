package vn.motcua.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Every answer carries the browser's safety headers, set once for the whole service; a redirect never takes its
 * target from the client's {@code Host} header.
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void aPageMayRunOnlyOurOwnScriptAndIsNeverFramed() {
        given().accept("text/html").get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void dataRunsNothingAndProblemsToo() {
        given().get("/api/tenants/" + Demo.WARD).then().statusCode(200)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.DATA_POLICY))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/api/tenants/khong-co").then().statusCode(404)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.DATA_POLICY))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void whatASignedInPersonIsShownIsNeverStored() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/me").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aRouteThatSetsItsOwnValueKeepsIt() {
        // The console's staff page says no-store itself; the default does not replace it (nor add a second one).
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).accept("text/html").get("/console/" + Demo.DISTRICT + "/staff")
                .then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aForgedHostHeaderIsNotWhereTheConsoleSendsYou() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).header("Host", "evil.example").redirects().follow(false)
                .get("/console").then().statusCode(303)
                .header("Location", equalTo("/console/" + Demo.WARD + "/queue"));
    }

    @Test
    void behindATrustedTlsProxyEveryCookieIsSecureAndTheSiteAsksForHttpsOnly() {
        // The suite's proxy is 127.0.0.1 (%test.motcua.web.trusted-proxies).
        io.restassured.response.Response page = given().accept("text/html").header("X-Forwarded-Proto", "https")
                .queryParam("lang", "en").get("/");
        page.then().statusCode(200).header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS));
        org.junit.jupiter.api.Assertions.assertTrue(page.headers().getValues("Set-Cookie").stream()
                .allMatch(c -> c.contains("; Secure")), () -> page.headers().getValues("Set-Cookie").toString());
        // Plain HTTP: no HSTS (it would be ignored anyway), cookies as they are.
        given().accept("text/html").get("/").then().statusCode(200).header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aClientsOwnForwardedProtoCountsForNothing() {
        java.util.Set<String> proxy = java.util.Set.of("10.0.0.5");
        org.junit.jupiter.api.Assertions.assertTrue(SecurityHeaders.overTls(false, "10.0.0.5", "https", proxy));
        org.junit.jupiter.api.Assertions.assertTrue(SecurityHeaders.overTls(true, "203.0.113.9", null, proxy));
        org.junit.jupiter.api.Assertions.assertFalse(SecurityHeaders.overTls(false, "203.0.113.9", "https", proxy));
        org.junit.jupiter.api.Assertions.assertFalse(SecurityHeaders.overTls(false, "10.0.0.5", "http", proxy));
        org.junit.jupiter.api.Assertions.assertFalse(SecurityHeaders.overTls(false, "10.0.0.5", "https", java.util.Set.of()));
    }

    @Test
    void aForgedHostCannotBecomeWhereTheSignInSendsItsCode() {
        // Quarkus OIDC builds the sign-in's redirect_uri from the request; Keycloak accepts only the client's own
        // addresses, so a forged Host ends at Keycloak's refusal, never with a code sent elsewhere.
        String location = given().redirects().follow(false).accept("text/html").header("Host", "evil.example").get("/me")
                .then().statusCode(302).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.contains("evil.example"), location);
        io.restassured.response.Response keycloak = given().redirects().follow(false).urlEncodingEnabled(false).get(location);
        org.junit.jupiter.api.Assertions.assertEquals(400, keycloak.statusCode(), keycloak::asString);
        org.junit.jupiter.api.Assertions.assertTrue(keycloak.getHeader("Location") == null, "no redirect anywhere");
    }
}
