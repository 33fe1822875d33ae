package vn.motcua.platform.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Inputs a hostile user sends that used to end in a 500: each is now a clear 4xx problem, and nothing is written.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void aNulCharacterInAFilterIsABadRequest() {
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).urlEncodingEnabled(false)
                .get("/api/t/" + Demo.WARD + "/audit?action=dossier%00read&target=A%00").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/bad-request"));
    }

    @Test
    void aTimeOutsideTheCalendarsYearsIsAFieldError() {
        given().urlEncodingEnabled(false).queryParam("tenant", Demo.CITY).queryParam("days", "3")
                .queryParam("from", "%2B999999999-12-31T00:00").get("/api/calendar/due").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().queryParam("tenant", Demo.CITY).queryParam("days", "3").queryParam("from", "-0001-01-01T08:00")
                .get("/api/calendar/due").then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void aValueOfTheWrongTypeInAJsonBodyIsAnErrorOfThatField() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType(ContentType.JSON).body("{\"appointment\": \"soon\"}")
                .post("/api/t/" + Demo.WARD + "/dossiers/KHONG-CO/apologize").then().statusCode(400)
                .body("type", equalTo("/problems/validation-failed")).body("errors.field", hasItem("appointment"));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .body("{\"procedure\": \"1.000656\", \"applicant\": {\"phone\": [\"0912 345 678\"]}}").post("/api/dossiers").then()
                .statusCode(400).body("errors.field", hasItem("applicant.phone"))
                .body("errors[0].message", equalTo("Cần nhập chữ."));
    }

    @Test
    void aUsernameNoAccountCanHaveIsNotFoundWithoutAskingKeycloak() {
        for (String name : new String[] { "%00", "x%0d%0ay", "%E1%BA%A0", "a%20b" }) {
            given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).urlEncodingEnabled(false)
                    .post("/api/t/" + Demo.DISTRICT + "/staff/" + name + "/disable").then().statusCode(404)
                    .body("type", equalTo("/problems/staff-not-found"));
        }
        // A slash or a dot segment never reaches the staff route at all: a plain 404, never a 500.
        for (String name : new String[] { "a%2Fb", ".." }) {
            given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).urlEncodingEnabled(false)
                    .post("/api/t/" + Demo.DISTRICT + "/staff/" + name + "/disable").then().statusCode(404);
        }
    }

    @Test
    void aNameTheStaffRealmRefusesIsAFieldErrorNotAServerError() {
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("username", "canbo.thu" + System.nanoTime() % 100000, "lastName", "<script>", "firstName", "Tên\u200B",
                        "roles", java.util.List.of("receiver")))
                .post("/api/t/" + Demo.DISTRICT + "/staff").then().statusCode(400)
                .body("errors.field", hasItem("lastName")).body("errors.field", hasItem("firstName"));
    }

    @Test
    void aMultipartBodyWithThousandsOfPartsIsRefusedNotAServerError() {
        RequestSpecification request = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN));
        for (int i = 0; i < 3000; i++) {
            request.multiPart("p" + i, "x");
        }
        Response r = request.post("/api/dossiers/KHONG-CO/attachments");
        assertTrue(r.statusCode() == 400, () -> r.statusCode() + " " + r.asString());
        assertTrue(r.asString().contains("/problems/bad-request"), r::asString);
    }
}
