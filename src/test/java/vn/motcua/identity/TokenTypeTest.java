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
    void theAccessTokenOfTheSameSignInWorks() {
        String access = Tokens.staff(Demo.RECEIVER);
        assertEquals("Bearer", claims(access).getString("typ"));
        given().auth().oauth2(access).get("/api/me").then().statusCode(200);
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
