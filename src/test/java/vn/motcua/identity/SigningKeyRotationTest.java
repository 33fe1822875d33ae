package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.support.Demo;
import vn.motcua.support.ForgedTokens;
import vn.motcua.support.KeycloakAdmin;

/**
 * Keycloak rotates the staff realm's signing key while the service runs: tokens signed with the new key are accepted
 * without a restart (the service fetches the realm's keys again on an unknown key id), and tokens signed with the
 * old one stay valid until they expire.
 */
@QuarkusTest
class SigningKeyRotationTest {

    @Test
    void aNewSigningKeyIsPickedUpWithoutARestartAndOldTokensStayValid() throws InterruptedException {
        String before = KeycloakAdmin.passwordGrant(RealmGenerator.STAFF, Demo.PROCESSOR, DemoUser.PASSWORD);
        given().auth().oauth2(before).get("/api/me").then().statusCode(200);

        KeycloakAdmin.addSigningKey(RealmGenerator.STAFF, "rotated-" + System.nanoTime(), 500);
        String after = KeycloakAdmin.passwordGrant(RealmGenerator.STAFF, Demo.PROCESSOR, DemoUser.PASSWORD);
        assertNotEquals(ForgedTokens.header(before).getString("kid"), ForgedTokens.header(after).getString("kid"), "signed with the new key");

        // A refresh forced by another unknown key id in the last seconds may delay it, never for long.
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) {
            status = given().auth().oauth2(after).get("/api/me").statusCode();
            if (status != 200) {
                Thread.sleep(1_000);
            }
        }
        assertEquals(200, status, "a token signed with the rotated key");
        given().auth().oauth2(before).get("/api/me").then().statusCode(200);
    }
}
