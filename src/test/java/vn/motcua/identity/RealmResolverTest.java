package vn.motcua.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Which realm a bearer token is sent to, read from its unverified issuer (the realm then verifies it). */
class RealmResolverTest {

    static String token(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void theIssuerIsFoundAfterNestedClaimsOfAnyShape() {
        assertEquals("citizens", RealmResolver.realmOfToken(token(
                "{\"exp\":1,\"realm_access\":{\"roles\":[\"citizen\",{\"iss\":\"x/realms/staff\"}]},\"aud\":[\"a\",\"b\"],"
                        + "\"iss\":\"http://kc/realms/citizens\",\"sub\":\"s\"}")));
        assertEquals("staff", RealmResolver.realmOfToken(token("{\"iss\":\"http://kc/realms/staff\"}")));
    }

    @Test
    void anythingElseGoesToTheStaffRealmWhichRefusesIt() {
        assertEquals("staff", RealmResolver.realmOfToken(token("{\"sub\":\"no issuer\"}")));
        assertEquals("staff", RealmResolver.realmOfToken(token("{\"iss\":42,\"sub\":\"x/realms/citizens\"}")));
        assertEquals("staff", RealmResolver.realmOfToken(token("[\"iss\",\"x/realms/citizens\"]")));
        assertEquals("staff", RealmResolver.realmOfToken(token("{\"sub\":[1,\"iss\":\"x/realms/citizens\"}")));
        assertEquals("staff", RealmResolver.realmOfToken("a.%%%.b"));
        assertEquals("staff", RealmResolver.realmOfToken("a.b"));
        assertEquals("staff", RealmResolver.realmOfToken(""));
    }
}
