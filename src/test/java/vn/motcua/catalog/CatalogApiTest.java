package vn.motcua.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;

/** The public catalog: search without diacritics, filters by tenant and field, versions by date. */
@QuarkusTest
class CatalogApiTest {

    @Test
    void findsBirthRegistrationTypedWithoutDiacritics() {
        given().queryParam("q", "dang ky khai sinh").get("/api/procedures").then().statusCode(200)
                .body("[0].name.vi", equalTo("Đăng ký khai sinh"));
        given().queryParam("q", "ĐĂNG KÝ   Khai-Sinh").get("/api/procedures").then().statusCode(200)
                .body("[0].name.vi", equalTo("Đăng ký khai sinh"));
        given().queryParam("q", "khai sinh").get("/api/procedures").then().statusCode(200)
                .body("name.vi", hasItem("Đăng ký khai sinh"))
                .body("interconnected", hasItem(true));
    }

    @Test
    void aWardIsOfferedWardProceduresOnlyAndAFieldFilters() {
        List<String> levels = given().queryParam("tenant", Demo.WARD).get("/api/procedures").then().statusCode(200)
                .extract().jsonPath().getList("levels.flatten()");
        assertTrue(levels.contains("ward"));
        given().queryParam("tenant", Demo.WARD).get("/api/procedures").then()
                .body("levels", everyItem(hasItem("ward")));
        given().queryParam("tenant", Demo.DISTRICT).queryParam("field", "business").get("/api/procedures").then().statusCode(200)
                .body("field", everyItem(equalTo("business")))
                .body("size()", org.hamcrest.Matchers.greaterThan(0));
        given().queryParam("tenant", Demo.CITY).get("/api/procedures").then().statusCode(200)
                .body("levels", everyItem(hasItem("city")));
        given().queryParam("tenant", "atlantis").get("/api/procedures").then().statusCode(404)
                .body("type", equalTo("/problems/tenant-not-found"));
    }

    @Test
    void aProcedureShowsItsDocumentsFormFeesAndSteps() {
        String code = given().queryParam("q", "dang ky khai sinh").get("/api/procedures").then().extract().path("[0].code");
        given().get("/api/procedures/" + code).then().statusCode(200)
                .body("code", equalTo(code))
                .body("version.documents.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("version.form.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("version.steps.role", hasItem("receiver"))
                .body("version.supplement", org.hamcrest.Matchers.oneOf("pause", "restart"));
        given().get("/api/procedures/9.999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/procedure-not-found"));
        given().queryParam("at", "soon").get("/api/procedures/" + code).then().statusCode(400)
                .body("errors[0].field", equalTo("at"))
                .body("errors[0].message", equalTo("Cần nhập ngày theo dạng năm-tháng-ngày, ví dụ 2025-03-31."));
        given().header("Accept-Language", "en").queryParam("at", "soon").get("/api/procedures/" + code).then().statusCode(400)
                .body("errors[0].message", equalTo("Enter a date as year-month-day, e.g. 2025-03-31."));
    }

    @Test
    void theProceduresReceivedAnywhereInTheProvinceSaySo() {
        // Decree 118/2025: birth registration at any desk of the city since 1 July 2025; death registration at the ward.
        given().queryParam("q", "dang ky khai sinh").get("/api/procedures").then().statusCode(200)
                .body("find { it.code == '1.001193' }.receivedAnywhere", equalTo(true));
        given().get("/api/procedures/1.001193").then().statusCode(200).body("version.receivedAnywhere", equalTo(true));
        given().queryParam("at", "2025-06-30").get("/api/procedures/1.001193").then().statusCode(200)
                .body("version.receivedAnywhere", equalTo(false));
        given().get("/api/procedures/1.000656").then().statusCode(200).body("version.receivedAnywhere", equalTo(false));
    }

    @Test
    void anOlderDossierDateGetsTheVersionThenInForce() {
        List<String> codes = given().get("/api/procedures").then().statusCode(200).extract().path("code");
        boolean found = false;
        for (String code : codes) {
            List<String> versions = given().get("/api/procedures/" + code).then().extract().path("versions");
            if (versions.size() > 1) {
                found = true;
                LocalDate latest = LocalDate.parse(versions.get(versions.size() - 1));
                given().queryParam("at", latest.minusDays(1).toString()).get("/api/procedures/" + code).then().statusCode(200)
                        .body("version.effectiveFrom", equalTo(versions.get(versions.size() - 2)));
                given().queryParam("at", latest.toString()).get("/api/procedures/" + code).then().statusCode(200)
                        .body("version.effectiveFrom", equalTo(latest.toString()));
                given().queryParam("at", LocalDate.parse(versions.get(0)).minusDays(1).toString()).get("/api/procedures/" + code)
                        .then().statusCode(404);
            }
        }
        assertTrue(found, "the seed catalog has a procedure with two versions");
        assertFalse(codes.isEmpty());
        given().queryParam("q", "zzzz khong co").get("/api/procedures").then().statusCode(200).body("size()", equalTo(0))
                .body("code", not(hasItem("x")));
    }
}
