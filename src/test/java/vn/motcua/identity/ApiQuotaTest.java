package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import vn.motcua.support.ClusteredProfile;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * A tenant's API quota ({@link ApiQuota}): past it, a 429 problem of its own type with {@code Retry-After} (the seconds
 * left in the window, the same in the body); other tenants go on; the next window allows again; and only callers who
 * serve the tenant spend it. The profile gives {@link ClusteredProfile#QUOTA_TENANT} {@value ClusteredProfile#QUOTA}
 * requests per {@link ClusteredProfile#QUOTA_WINDOW}.
 */
@QuarkusTest
@TestProfile(ClusteredProfile.class)
class ApiQuotaTest {

    static final String PATH = "/api/t/" + ClusteredProfile.QUOTA_TENANT + "/access";
    static final String NEIGHBOUR = "/api/t/ha-dong-van-quan/access";

    static Response access(String path, String token) {
        return given().auth().oauth2(token).get(path);
    }

    @Test
    void pastItsQuotaATenantsApiAnswers429WithRetryAfterUntilTheWindowEnds() throws Exception {
        String admin = Tokens.staff(Demo.CITY_ADMIN);
        access(NEIGHBOUR, admin).then().statusCode(200); // the first request of a start verifies slowly: not in the window
        ClusteredProfile.awaitWindowStart();
        for (int i = 0; i < ClusteredProfile.QUOTA; i++) {
            access(PATH, admin).then().statusCode(200);
        }
        Response refused = given().auth().oauth2(admin).header("Accept-Language", "en").get(PATH);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/api-quota-exceeded"))
                .body("status", equalTo(429))
                .body("title", equalTo("The office's API quota is used up"))
                .body("detail", containsString(ClusteredProfile.QUOTA_TENANT))
                .body("tenant", equalTo(ClusteredProfile.QUOTA_TENANT))
                .body("instance", equalTo(PATH));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= ClusteredProfile.QUOTA_WINDOW.toSeconds(), "Retry-After " + retryAfter);
        assertEquals(retryAfter, ((Number) refused.path("retryAfter")).longValue(), "the body says the same wait");
        access(PATH, admin).then().statusCode(429).body("title", equalTo("Đơn vị đã dùng hết hạn mức gọi API"));

        access(NEIGHBOUR, admin).then().statusCode(200);
        access("/api/t/" + Demo.DISTRICT + "/access", Tokens.staff(Demo.DISTRICT_ADMIN)).then().statusCode(200);

        Thread.sleep(retryAfter * 1000 + 100);
        access(PATH, admin).then().statusCode(200);
    }

    @Test
    void onlyCallersWhoServeTheTenantSpendItsQuota() throws Exception {
        String outsider = Tokens.staff(Demo.OTHER_WARD_RECEIVER);
        String citizen = Tokens.citizen(Demo.CITIZEN);
        String admin = Tokens.staff(Demo.CITY_ADMIN);
        access(NEIGHBOUR, admin).then().statusCode(200);
        ClusteredProfile.awaitWindowStart();
        long start = System.nanoTime();
        for (int i = 0; i < ClusteredProfile.QUOTA + 1; i++) {
            given().get(PATH).then().statusCode(401);
            given().auth().oauth2("not-a-token").get(PATH).then().statusCode(401);
            access(PATH, outsider).then().statusCode(403);
            access(PATH, citizen).then().statusCode(403);
        }
        // None of those counted: the tenant's own caller still has the whole quota, in the same window.
        for (int i = 0; i < ClusteredProfile.QUOTA; i++) {
            access(PATH, admin).then().statusCode(200);
        }
        assertTrue(System.nanoTime() - start < ClusteredProfile.QUOTA_WINDOW.toNanos() - 500_000_000L,
                "all in one window, or the test proves nothing");
    }
}
