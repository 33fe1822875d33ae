package vn.motcua.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Since July 2025: province › commune. The depth of the tree is data; nothing in the code assumes three levels. */
@QuarkusTest
@TestProfile(TwoLevelTreeTest.TwoLevels.class)
class TwoLevelTreeTest {

    public static class TwoLevels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.tenants.root", "src/test/resources/tenants-two-level",
                    "motcua.catalog.root", "src/test/resources/catalog-two-level");
        }
    }

    @Test
    void servesATwoLevelTree() {
        given().get("/api/tenants").then().statusCode(200)
                .body("levels.code", contains("province", "commune"))
                .body("root.code", equalTo("hue"))
                .body("root.children.children", everyItem(hasSize(0)));
        given().get("/api/tenants/hue-phu-xuan").then().statusCode(200)
                .body("ancestors.code", contains("hue"))
                .body("level", equalTo("commune"));
    }

    @Test
    void communesInheritTheProvinceDeskHoursUnlessTheyHaveTheirOwn() {
        given().get("/api/tenants/hue-thuan-hoa").then().statusCode(200)
                .body("deskHoursInherited", equalTo(true))
                .body("deskHours.SATURDAY", equalTo(null));
        given().get("/api/tenants/hue-phu-xuan").then().statusCode(200)
                .body("deskHoursInherited", equalTo(false))
                .body("deskHours.SATURDAY", hasSize(1));
    }
}
