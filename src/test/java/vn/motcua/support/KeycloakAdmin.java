package vn.motcua.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.platform.embedded.EmbeddedKeycloakServer;

/** The embedded Keycloak's admin REST API, for tests that need more than the generated realms give. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** A real token of the master realm's administrator: validly signed, by a realm the service does not trust. */
    public static String masterToken() {
        return given().baseUri(EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", EmbeddedKeycloakServer.ADMIN_USER).formParam("password", EmbeddedKeycloakServer.ADMIN_PASSWORD)
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /**
     * A real access token of {@code username} that lives one second, from a public client created for it (once) with
     * the service's audience: after a short wait, a genuine but expired token.
     */
    public static String shortLivedToken(String realm, String username) {
        String clientId = "attack-short-lived";
        String admin = masterToken();
        List<Map<String, Object>> existing = given().baseUri(EmbeddedServicesResource.keycloakUrl()).auth().oauth2(admin)
                .queryParam("clientId", clientId).get("/admin/realms/{realm}/clients", realm).then().statusCode(200).extract().path("");
        if (existing.isEmpty()) {
            given().baseUri(EmbeddedServicesResource.keycloakUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                            "standardFlowEnabled", false,
                            "attributes", Map.of("access.token.lifespan", "1"),
                            "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                                    "protocolMapper", "oidc-audience-mapper",
                                    "config", Map.of("included.custom.audience", RealmGenerator.AUDIENCE, "access.token.claim", "true")))))
                    .post("/admin/realms/{realm}/clients", realm).then().statusCode(201);
        }
        return given().baseUri(EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", DemoUser.PASSWORD)
                .post("/realms/{realm}/protocol/openid-connect/token", realm).then().statusCode(200).extract().path("access_token");
    }

    /** The realm's RSA signing key as published (X.509 SubjectPublicKeyInfo, DER). */
    public static byte[] realmPublicKey(String realm) {
        String b64 = given().baseUri(EmbeddedServicesResource.keycloakUrl()).get("/realms/{realm}", realm)
                .then().statusCode(200).extract().path("public_key");
        return java.util.Base64.getDecoder().decode(b64);
    }
}
