package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.support.Demo;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;

/**
 * Only access tokens open the API: an ID token is a statement about a sign-in for the client that asked for it, not
 * a grant to call the service, even when it is signed by the same realm and names the service in its audience.
 */
@QuarkusTest
class TokenTypeTest {

    @Test
    void aCitizensIdTokenNeitherReadsNorSubmits() {
        String id = KeycloakAdmin.idToken(RealmGenerator.CITIZENS, Demo.CITIZEN, Demo.PASSWORD);
        assertEquals("ID", claims(id).getString("typ"), "a real ID token from the realm");
        given().auth().oauth2(id).get("/api/me/dossiers").then().statusCode(401);
        given().auth().oauth2(id).contentType("application/json").body("{}").post("/api/dossiers").then().statusCode(401);
        // Twice: a refused token is not remembered as good by the token cache either.
        given().auth().oauth2(id).get("/api/me/dossiers").then().statusCode(401);
    }

    @Test
    void aStaffIdTokenIsNotAnAccessTokenEither() {
        String id = KeycloakAdmin.idToken(RealmGenerator.STAFF, Demo.RECEIVER, Demo.PASSWORD);
        given().auth().oauth2(id).get("/api/me").then().statusCode(401);
        given().auth().oauth2(id).get("/api/t/" + Demo.WARD + "/queue").then().statusCode(401);
    }

    @Test
    void otherClientsTokensAreRefused() {
        // A service account of the staff realm (the provisioning client's, which manages users in Keycloak).
        String serviceAccount = given().baseUri(vn.motcua.support.EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "client_credentials").formParam("client_id", RealmGenerator.PROVISIONING_CLIENT)
                .formParam("client_secret", RealmGenerator.DEV_PROVISIONING_SECRET)
                .post("/realms/staff/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        assertEquals(RealmGenerator.PROVISIONING_CLIENT, claims(serviceAccount).getString("azp"));
        given().auth().oauth2(serviceAccount).get("/api/me").then().statusCode(401);
        // An officer's token from Keycloak's own admin-cli client.
        String adminCli = given().baseUri(vn.motcua.support.EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", Demo.RECEIVER).formParam("password", Demo.PASSWORD)
                .post("/realms/staff/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        assertEquals("admin-cli", claims(adminCli).getString("azp"));
        given().auth().oauth2(adminCli).get("/api/me").then().statusCode(401);
        given().auth().oauth2(adminCli).get("/api/t/" + Demo.WARD + "/queue").then().statusCode(401);
    }

    @Test
    void theAccessTokenOfTheSameSignInWorks() {
        String access = Tokens.staff(Demo.RECEIVER);
        assertEquals("Bearer", claims(access).getString("typ"));
        given().auth().oauth2(access).get("/api/me").then().statusCode(200);
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
