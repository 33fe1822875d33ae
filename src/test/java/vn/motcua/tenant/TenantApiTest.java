package vn.motcua.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;

/** The tenant API over the demo city (three levels), served from the cache after the start-up sync. */
@QuarkusTest
class TenantApiTest {

    @Test
    void servesTheWholeTreeWithItsLevels() {
        given().get("/api/tenants").then().statusCode(200)
                .body("size", equalTo(40))
                .body("levels.code", contains("city", "district", "ward"))
                .body("root.code", equalTo(Demo.CITY))
                .body("root.agencyCode", equalTo("000.00.00.H26"))
                .body("root.children.code", hasItem(Demo.DISTRICT))
                .body("root.children.find { it.code == 'ba-dinh' }.children.code", hasItem(Demo.WARD));
    }

    @Test
    void servesOneTenantWithAncestorsChildrenAndEffectiveDeskHours() {
        given().get("/api/tenants/ba-dinh-dien-bien").then().statusCode(200)
                .body("name.vi", equalTo("Phường Điện Biên"))
                .body("level", equalTo("ward"))
                .body("depth", equalTo(2))
                .body("ancestors.code", contains(Demo.CITY, Demo.DISTRICT))
                .body("children", hasSize(0))
                .body("deskHoursInherited", equalTo(false))
                .body("deskHours.SATURDAY", hasSize(1))
                .body("postalOffices.code", hasItem(Demo.POST_OFFICE));
        given().get("/api/tenants/ba-dinh").then().statusCode(200)
                .body("children.code", contains(Demo.WARD, Demo.WARD_NGOC_HA, Demo.WARD_KIM_MA))
                .body("descendants", equalTo(3))
                .body("deskHoursInherited", equalTo(true));
    }

    @Test
    void servesDescendantsDepthFirst() {
        given().get("/api/tenants/ha-noi/descendants").then().statusCode(200)
                .body("", hasSize(39))
                .body("[0].code", equalTo(Demo.DISTRICT))
                .body("[1].code", equalTo(Demo.WARD));
    }

    @Test
    void unknownTenantIsA404Problem() {
        given().get("/api/tenants/atlantis").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/tenant-not-found"))
                .body("status", equalTo(404))
                .body("title", equalTo("Không tìm thấy đơn vị"))
                .body("detail", equalTo("Không có đơn vị nào mang mã \"atlantis\"."))
                .body("instance", equalTo("/api/tenants/atlantis"));
        given().header("Accept-Language", "en-GB,en;q=0.8").get("/api/tenants/atlantis/descendants").then().statusCode(404)
                .body("title", equalTo("Office not found"))
                .body("detail", startsWith("There is no office"));
    }
}
