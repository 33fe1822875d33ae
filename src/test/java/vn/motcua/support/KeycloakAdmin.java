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

    private static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri(EmbeddedServicesResource.keycloakUrl()).auth().oauth2(masterToken());
    }

    /** The user's representation, by exact username. */
    public static Map<String, Object> user(String realm, String username) {
        List<Map<String, Object>> found = admin().queryParam("username", username).queryParam("exact", true)
                .get("/admin/realms/{realm}/users", realm).then().statusCode(200).extract().path("");
        if (found.size() != 1) {
            throw new AssertionError("no single user " + username + ": " + found);
        }
        return found.get(0);
    }

    public static List<String> groupPaths(String realm, String userId) {
        return admin().get("/admin/realms/{realm}/users/{id}/groups", realm, userId).then().statusCode(200).extract().path("path");
    }

    public static void setPassword(String realm, String userId, String password) {
        admin().contentType(ContentType.JSON).body(Map.of("type", "password", "value", password, "temporary", false))
                .put("/admin/realms/{realm}/users/{id}/reset-password", realm, userId).then().statusCode(204);
        admin().contentType(ContentType.JSON).body(Map.of("requiredActions", List.of()))
                .put("/admin/realms/{realm}/users/{id}", realm, userId).then().statusCode(204);
    }

    public static String passwordGrant(String realm, String username, String password) {
        return given().baseUri(EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", RealmGenerator.CLI_CLIENT)
                .formParam("username", username).formParam("password", password)
                .post("/realms/{realm}/protocol/openid-connect/token", realm).then().statusCode(200).extract().path("access_token");
    }

    /** The ID token (not the access token) of a password grant with the {@code openid} scope. */
    public static String idToken(String realm, String username, String password) {
        return given().baseUri(EmbeddedServicesResource.keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", RealmGenerator.CLI_CLIENT).formParam("scope", "openid")
                .formParam("username", username).formParam("password", password)
                .post("/realms/{realm}/protocol/openid-connect/token", realm).then().statusCode(200).extract().path("id_token");
    }

    public static Map<String, Object> group(String realm, String path) {
        return admin().urlEncodingEnabled(false).get("/admin/realms/" + realm + "/group-by-path" + path).then().statusCode(200).extract().path("");
    }

    public static void deleteGroup(String realm, String path) {
        String id = (String) group(realm, path).get("id");
        admin().delete("/admin/realms/{realm}/groups/{id}", realm, id).then().statusCode(204);
    }

    /** The aliases of the identity providers the user is linked to. */
    public static List<String> federatedIdentities(String realm, String userId) {
        return admin().get("/admin/realms/{realm}/users/{id}/federated-identity", realm, userId).then().statusCode(200)
                .extract().path("identityProvider");
    }

    /** One attribute of the realm's declarative user profile. */
    public static Map<String, Object> profileAttribute(String realm, String name) {
        List<Map<String, Object>> attributes = admin().get("/admin/realms/{realm}/users/profile", realm).then().statusCode(200)
                .extract().path("attributes");
        return attributes.stream().filter(a -> name.equals(a.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no attribute " + name + " in the " + realm + " profile"));
    }

    /** Adds a generated RSA signing key of {@code priority} to the realm: the highest priority signs new tokens. */
    public static void addSigningKey(String realm, String name, int priority) {
        String realmId = admin().get("/admin/realms/{realm}", realm).then().statusCode(200).extract().path("id");
        admin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider",
                        "parentId", realmId, "config", Map.of("priority", List.of(String.valueOf(priority)), "keySize", List.of("2048"),
                                "active", List.of("true"), "enabled", List.of("true"), "algorithm", List.of("RS256"))))
                .post("/admin/realms/{realm}/components", realm).then().statusCode(201);
    }

    /**
     * A citizen as the national identity provider's first sign-in leaves them (citizen ID, date of birth, high
     * assurance), with a password so that tests can get their tokens by the password grant.
     */
    public static String verifiedCitizen(String citizenId, String firstName, String lastName) {
        String username = "vneid-" + citizenId + "-" + Long.toString(System.nanoTime(), 36);
        admin().contentType(ContentType.JSON).body(Map.of("username", username, "enabled", true, "firstName", firstName,
                "lastName", lastName, "email", username + "@vneid.demo", "emailVerified", true,
                "attributes", Map.of("citizenId", List.of(citizenId), "birthDate", List.of("1988-08-08"), "assurance", List.of("high")),
                "credentials", List.of(Map.of("type", "password", "value", "Motcua@Verified-2026", "temporary", false))))
                .post("/admin/realms/citizens/users").then().statusCode(201);
        return passwordGrant("citizens", username, "Motcua@Verified-2026");
    }

    /** A bare staff account (no group, no role); its id. */
    public static String createStaff(String username) {
        admin().contentType(ContentType.JSON).body(Map.of("username", username, "enabled", true, "firstName", "Thử", "lastName", "Kiểm",
                "email", username + "@demo.motcua.vn", "emailVerified", true)).post("/admin/realms/staff/users").then().statusCode(201);
        return (String) user("staff", username).get("id");
    }

    /** Whether Keycloak's brute-force detection holds the account now. */
    public static boolean bruteForceLocked(String realm, String userId) {
        Boolean disabled = admin().get("/admin/realms/{realm}/attack-detection/brute-force/users/{id}", realm, userId)
                .then().statusCode(200).extract().path("disabled");
        return Boolean.TRUE.equals(disabled);
    }
}
