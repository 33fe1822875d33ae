package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.support.Demo;
import vn.motcua.support.EmbeddedServicesResource;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;

/**
 * An officer's name is the office's record: the officer cannot change it on Keycloak's account page (the account
 * API behind it), so the name a citizen reads in "who read my data" is the one their administrator set.
 */
@QuarkusTest
class StaffNameTest {

    @Test
    void anOfficerCannotRenameThemselves() {
        String token = Tokens.staff(Demo.PROCESSOR);
        Map<String, Object> before = KeycloakAdmin.user(RealmGenerator.STAFF, Demo.PROCESSOR);
        Map<String, Object> me = given().baseUri(EmbeddedServicesResource.keycloakUrl()).auth().oauth2(token).accept(ContentType.JSON)
                .get("/realms/staff/account").then().statusCode(200).extract().path("");
        assertEquals(before.get("firstName"), me.get("firstName"), "the account API reads the officer's own record");

        Map<String, Object> renamed = new java.util.HashMap<>(me);
        renamed.put("firstName", "Giám Đốc");
        renamed.put("lastName", "Sở");
        renamed.put("email", "giamdoc@example.com");
        given().baseUri(EmbeddedServicesResource.keycloakUrl()).auth().oauth2(token).contentType(ContentType.JSON).body(renamed)
                .post("/realms/staff/account");

        Map<String, Object> after = KeycloakAdmin.user(RealmGenerator.STAFF, Demo.PROCESSOR);
        assertEquals(before.get("firstName"), after.get("firstName"), "first name unchanged");
        assertEquals(before.get("lastName"), after.get("lastName"), "last name unchanged");
        assertEquals(before.get("email"), after.get("email"), "e-mail unchanged");
    }
}
