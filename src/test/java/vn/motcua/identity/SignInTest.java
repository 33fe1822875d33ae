package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** Bearer tokens from the real Keycloak, both realms; tenant coverage decided by the access policy. */
@QuarkusTest
class SignInTest {

    @Test
    void aStaffTokenNamesItsRealmRolesAndExactlyItsOwnTenant() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/me").then().statusCode(200)
                .body("realm", equalTo("staff"))
                .body("username", equalTo(Demo.RECEIVER))
                .body("roles", hasItem("receiver"))
                // Not the ancestors: a ward officer is not a member of the district.
                .body("tenants", containsInAnyOrder(Demo.WARD));
    }

    @Test
    void aCitizenTokenIsACitizenWithNoTenant() {
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/me").then().statusCode(200)
                .body("realm", equalTo("citizens"))
                .body("name", equalTo("Nguyễn Văn An"))
                .body("roles", hasItem("citizen"))
                .body("tenants.size()", equalTo(0));
    }

    @Test
    void aPostalClerkIsBoundToTheirPostOfficeNotATenant() {
        given().auth().oauth2(Tokens.staff(Demo.POSTAL_CLERK)).get("/api/me").then().statusCode(200)
                .body("postalOffices", containsInAnyOrder(Demo.POST_OFFICE))
                .body("tenants.size()", equalTo(0));
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-signed-in"));
        given().get("/api/t/ba-dinh-dien-bien/access").then().statusCode(401);
    }

    @Test
    void aStaffMemberWorksTheirOwnTenant() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/ba-dinh-dien-bien/access").then().statusCode(200)
                .body("access", equalTo("own"))
                .body("mayAct", equalTo(true))
                .body("agencyCode", equalTo("000.01.01.H26"));
    }

    @Test
    void aStaffTokenOfAnotherTenantGets403() {
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).get("/api/t/ba-dinh-dien-bien/access").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/tenant-forbidden"));
        // A ward officer does not cover their district either.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/ba-dinh/access").then().statusCode(403)
                .body("type", equalTo("/problems/tenant-forbidden"));
    }

    @Test
    void aDistrictOfficerSupervisesItsWardsWithoutActing() {
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).get("/api/t/ba-dinh-dien-bien/access").then().statusCode(200)
                .body("access", equalTo("supervise"))
                .body("mayAct", equalTo(false));
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).get("/api/t/cau-giay-yen-hoa/access").then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).get("/api/t/cau-giay-yen-hoa/access").then().statusCode(200)
                .body("access", equalTo("supervise"));
    }

    @Test
    void aCitizenTokenHasNoStaffAccess() {
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/t/ba-dinh-dien-bien/access").then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void anUnknownTenantIs404EvenForStaff() {
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).get("/api/t/atlantis/access").then().statusCode(404)
                .body("type", equalTo("/problems/tenant-not-found"));
    }

    @Test
    void aForgedTokenIsRejected() {
        String real = Tokens.staff(Demo.OTHER_WARD_RECEIVER);
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("/ha-noi/cau-giay/cau-giay-yen-hoa", "/ha-noi/ba-dinh/ba-dinh-dien-bien");
        assertTrue(payload.contains(Demo.WARD));
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(forged).get("/api/t/ba-dinh-dien-bien/access").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/me").then().statusCode(401);
    }

    @Test
    void tokensOfEitherRealmAreRoutedByIssuer() {
        assertEquals("staff", RealmResolver.realmOfToken(Tokens.staff(Demo.RECEIVER)));
        assertEquals("citizens", RealmResolver.realmOfToken(Tokens.citizen(Demo.OTHER_CITIZEN)));
        assertEquals("staff", RealmResolver.realmOfToken("garbage"));
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/me").then().statusCode(200)
                .body("roles", not(hasItem("receiver")));
    }
}
