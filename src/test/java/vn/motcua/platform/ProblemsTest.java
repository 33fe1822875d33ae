package vn.motcua.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** One mapper to RFC 9457 problems with stable types, and the same errors as plain Vietnamese pages. */
@QuarkusTest
class ProblemsTest {

    @Test
    void unknownApiRouteIsANotFoundProblem() {
        given().get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblemWithoutInternals() {
        given().delete("/api/tenants/ha-noi").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"))
                .body(not(containsString("Exception")))
                .body(not(containsString("vn.motcua")));
    }

    @Test
    void anErrorPageSpeaksPlainVietnameseAndLinksItsType() {
        given().accept("text/html").get("/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("Không tìm thấy trang"))
                .body(containsString("href=\"/problems/not-found\""));
        given().accept("text/html").cookie("lang", "en").get("/no-such-page").then().statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void everyProblemTypeIsDocumentedAtItsUri() {
        for (var type : vn.motcua.platform.error.ProblemType.values()) {
            given().get(type.uri()).then().statusCode(200).body(containsString("<code>" + type.uri() + "</code>"));
        }
        given().accept("text/html").get("/problems/made-up").then().statusCode(404);
    }
}
