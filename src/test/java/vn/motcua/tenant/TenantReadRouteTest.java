package vn.motcua.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.motcua.support.Demo;

/**
 * The tenant read served from memory ({@link TenantReadRoute}) answers as the REST resource does, and leaves to it
 * every case it does not serve itself. The headers both paths share (security, metrics' template) are checked by
 * {@code SecurityHeadersTest} and {@code LatencyBucketsTest} on the same route.
 */
@QuarkusTest
class TenantReadRouteTest {

    @Test
    void takesJsonOnlyWhenTheCallerDoes() {
        assertTrue(TenantReadRoute.takesJson(null));
        assertTrue(TenantReadRoute.takesJson(""));
        assertTrue(TenantReadRoute.takesJson("application/json"));
        assertTrue(TenantReadRoute.takesJson("*/*"));
        assertTrue(TenantReadRoute.takesJson("text/html, Application/JSON; charset=utf-8"));
        assertTrue(TenantReadRoute.takesJson("text/html,application/*;q=0.5"));
        assertFalse(TenantReadRoute.takesJson("text/html"));
        assertFalse(TenantReadRoute.takesJson("application/json;q=0, text/html"));
        assertFalse(TenantReadRoute.takesJson("*/*;q=0.0"));
        assertFalse(TenantReadRoute.takesJson("application/json;q=abc"));
        assertFalse(TenantReadRoute.takesJson("application/json;q=NaN"));
        assertFalse(TenantReadRoute.takesJson("application/xml, text/plain"));
        assertFalse(TenantReadRoute.takesJson("application/json," + "x".repeat(TenantReadRoute.MAX_ACCEPT)));
    }

    @Test
    void answersAsTheResourceDoes() {
        Response fast = given().accept("application/json").get("/api/tenants/{code}", Demo.WARD);
        fast.then().statusCode(200).contentType("application/json").body("code", equalTo(Demo.WARD));
        // HEAD is not the route's: the REST resource answers it.
        given().accept("application/json").head("/api/tenants/{code}", Demo.WARD).then().statusCode(200).contentType("application/json");
        // The same bytes whatever the caller's acceptable types, as long as JSON is one of them.
        assertArrayEquals(fast.asByteArray(), given().accept("text/html, */*;q=0.1").get("/api/tenants/{code}", Demo.WARD).asByteArray());
    }

    @Test
    void travelsCompressedWhenAsked() {
        given().header("Accept-Encoding", "gzip").get("/api/tenants/{code}", Demo.DISTRICT).then().statusCode(200)
                .header("Content-Encoding", "gzip").body("code", equalTo(Demo.DISTRICT));
    }

    @Test
    void leavesEveryOtherCaseToTheResource() {
        given().accept("text/html").get("/api/tenants/{code}", Demo.WARD).then().statusCode(406);
        given().get("/api/tenants/{code}", "khong-co").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/tenant-not-found"));
        String tooLong = "a".repeat(TenantReadRoute.MAX_CODE + 1);
        given().get("/api/tenants/{code}", tooLong).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/tenant-not-found"));
    }
}
