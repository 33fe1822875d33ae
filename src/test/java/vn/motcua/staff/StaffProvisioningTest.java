package vn.motcua.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.motcua.support.Demo;
import vn.motcua.support.EmbeddedServicesResource;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;

/**
 * Tenant administrators provision their staff through Keycloak's admin API, within their reach and the roles they
 * may grant; the start gives every tenant its group without touching anyone.
 */
@QuarkusTest
class StaffProvisioningTest {

    static final String DISTRICT = Demo.DISTRICT;
    static final String WARD = Demo.WARD;
    static final String ADMIN = Demo.DISTRICT_ADMIN;

    @Inject
    GroupSync groups;

    static ValidatableResponse create(String admin, String tenant, String username, List<String> roles) {
        return given().auth().oauth2(Tokens.staff(admin)).contentType(ContentType.JSON)
                .body(Map.of("username", username, "firstName", "Mới", "lastName", "Cán Bộ", "email", username + "@demo.motcua.vn",
                        "roles", roles))
                .post("/api/t/{t}/staff", tenant).then();
    }

    static String fresh() {
        return "canbo.moi." + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aDistrictAdministratorCreatesReRolesAndDisablesAWardOfficer() {
        String username = fresh();
        create(ADMIN, WARD, username, List.of("receiver")).statusCode(201)
                .body("member.username", equalTo(username))
                .body("member.roles", equalTo(List.of("receiver")))
                .body("member.enabled", equalTo(true))
                .body("temporaryPassword", notNullValue());
        given().auth().oauth2(Tokens.staff(ADMIN)).get("/api/t/{t}/staff", WARD).then().statusCode(200)
                .body("username", hasItems(username, Demo.RECEIVER));
        // In Keycloak: the ward's group, and a new password to choose at the first sign-in.
        Map<String, Object> user = KeycloakAdmin.user("staff", username);
        assertEquals(List.of("UPDATE_PASSWORD"), user.get("requiredActions"));
        assertTrue(KeycloakAdmin.groupPaths("staff", (String) user.get("id")).contains("/ha-noi/ba-dinh/ba-dinh-dien-bien"));

        given().auth().oauth2(Tokens.staff(ADMIN)).contentType(ContentType.JSON).body(Map.of("roles", List.of("processor", "approver")))
                .put("/api/t/{t}/staff/{u}/roles", WARD, username).then().statusCode(200)
                .body("roles", equalTo(List.of("approver", "processor")));

        // A usable account, then disabled: it can no longer sign in.
        KeycloakAdmin.setPassword("staff", (String) user.get("id"), "Motcua@Test-2026");
        String token = KeycloakAdmin.passwordGrant("staff", username, "Motcua@Test-2026");
        given().auth().oauth2(token).get("/api/t/{t}/queue", WARD).then().statusCode(200);
        given().auth().oauth2(Tokens.staff(ADMIN)).post("/api/t/{t}/staff/{u}/disable", WARD, username).then().statusCode(200)
                .body("enabled", equalTo(false));
        given().baseUri(EmbeddedServicesResource.keycloakUrl()).formParam("grant_type", "password").formParam("client_id", "motcua-cli")
                .formParam("username", username).formParam("password", "Motcua@Test-2026")
                .post("/realms/staff/protocol/openid-connect/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(Tokens.staff(ADMIN)).post("/api/t/{t}/staff/{u}/enable", WARD, username).then().statusCode(200)
                .body("enabled", equalTo(true));

        // Each change is in the ward's audit log.
        given().auth().oauth2(Tokens.staff(ADMIN)).queryParam("target", username).get("/api/t/{t}/audit", WARD).then().statusCode(200)
                .body("action", hasItems("staff.create", "staff.roles", "staff.disable", "staff.enable"));
    }

    @Test
    void onlyAdministratorsWithinTheirReachAndOnlyTheRolesTheyMayGrant() {
        create(Demo.RECEIVER, WARD, fresh(), List.of("receiver")).statusCode(403);
        create(ADMIN, Demo.OTHER_WARD, fresh(), List.of("receiver")).statusCode(403);
        create(ADMIN, WARD, fresh(), List.of("city-admin")).statusCode(400).body("errors[0].field", equalTo("roles"));
        create(ADMIN, WARD, "A b", List.of()).statusCode(400).body("errors.field", hasItems("username", "roles"));
        create(ADMIN, WARD, Demo.RECEIVER, List.of("receiver")).statusCode(409).body("type", equalTo("/problems/staff-exists"));
        // Someone of another tenant is not found through this one.
        given().auth().oauth2(Tokens.staff(ADMIN)).contentType(ContentType.JSON).body(Map.of("roles", List.of("approver")))
                .put("/api/t/{t}/staff/{u}/roles", DISTRICT, Demo.OTHER_WARD_RECEIVER).then().statusCode(404)
                .body("type", equalTo("/problems/staff-not-found"));
        // The city's administrator may appoint an auditor.
        create(Demo.CITY_ADMIN, WARD, fresh(), List.of("auditor")).statusCode(201).body("member.roles", equalTo(List.of("auditor")));
    }

    @Test
    void theStartGivesAMissingTenantItsGroupAndTouchesNoOne() throws Throwable {
        String path = "/ha-noi/ba-dinh/ba-dinh-ngoc-ha";
        KeycloakAdmin.deleteGroup("staff", path);
        int created = VertxContextSupport.subscribeAndAwait(() -> groups.sync());
        assertTrue(created >= 1, "created: " + created);
        Map<String, Object> group = KeycloakAdmin.group("staff", path);
        assertEquals(Map.of("tenant", List.of(Demo.WARD_NGOC_HA), "agencyCode", ((Map<?, ?>) group.get("attributes")).get("agencyCode")),
                group.get("attributes"));
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> groups.sync()), "nothing more to create");
        // Existing staff keep their groups.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/me").then().statusCode(200)
                .body("tenants", hasItem(WARD)).body("tenants", not(hasItem(Demo.WARD_NGOC_HA)));
    }
}
