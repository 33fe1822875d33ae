package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;

/**
 * Signing in "with VNeID": the citizens realm brokers the national identity provider (a third realm standing in for
 * it) over OpenID Connect. The first sign-in creates the citizen with the registry's verified citizen ID number,
 * name and date of birth, at the high assurance level; a self-registered account stays low and cannot claim them.
 */
@QuarkusTest
class NationalIdFederationTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theFirstSignInThroughTheNationalProviderCreatesAVerifiedCitizen() throws Exception {
        RealmGenerator.NationalIdentity person = RealmGenerator.NATIONAL_IDENTITIES.get(0);
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(base + "signin");
        assertTrue(login.uri().getPath().startsWith("/realms/citizens/"), "the citizens' sign-in: " + login.uri());
        HttpResponse<String> national = browser.click(login, "social-" + RealmGenerator.NATIONAL_ID_ALIAS);
        assertTrue(national.uri().getPath().startsWith("/realms/national-id/"), "sent to the national provider: " + national.uri());
        HttpResponse<String> me = browser.signIn(national, person.citizenId(), DemoUser.PASSWORD);
        assertEquals(200, me.statusCode(), me.uri() + "\n" + me.body());
        assertEquals("/me", me.uri().getPath(), me.body());
        assertTrue(me.body().contains("Xin chào, Lê Thị Hạnh"), me.body());
        assertTrue(me.body().contains("đã xác thực qua VNeID, số định danh 001•••••6789"), me.body());

        // The citizen's account carries what the registry verified, and the link to the provider.
        Map<String, Object> user = KeycloakAdmin.user(RealmGenerator.CITIZENS, person.citizenId());
        @SuppressWarnings("unchecked")
        Map<String, List<String>> attributes = (Map<String, List<String>>) user.get("attributes");
        assertEquals(List.of(person.citizenId()), attributes.get("citizenId"));
        assertEquals(List.of(person.birthDate()), attributes.get("birthDate"));
        assertEquals(List.of("high"), attributes.get("assurance"));
        assertEquals(List.of(RealmGenerator.NATIONAL_ID_ALIAS), KeycloakAdmin.federatedIdentities(RealmGenerator.CITIZENS, (String) user.get("id")));

        // A second sign-in finds the same account, not a new one.
        Browser again = new Browser();
        HttpResponse<String> second = again.signIn(again.click(again.get(base + "signin"), "social-" + RealmGenerator.NATIONAL_ID_ALIAS),
                person.citizenId(), DemoUser.PASSWORD);
        assertEquals("/me", second.uri().getPath(), second.body());
        assertEquals(user.get("id"), KeycloakAdmin.user(RealmGenerator.CITIZENS, person.citizenId()).get("id"));
    }

    @Test
    void aSelfRegisteredCitizenIsLowAssuranceAndCannotClaimACitizenId() {
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/me").then().statusCode(200)
                .body("assurance", org.hamcrest.Matchers.equalTo("low"))
                .body("citizenId", org.hamcrest.Matchers.nullValue());
        // The profile's identity attributes are the realm's to write: a user may read them, never set them.
        for (String attribute : List.of("citizenId", "birthDate", "assurance")) {
            assertEquals(List.of("admin"), KeycloakAdmin.profileAttribute(RealmGenerator.CITIZENS, attribute).get("permissions") instanceof Map<?, ?> p
                    ? p.get("edit") : null, attribute);
        }
        Object attrs = KeycloakAdmin.user(RealmGenerator.CITIZENS, Demo.CITIZEN).get("attributes");
        assertTrue(attrs == null || !((Map<?, ?>) attrs).containsKey("citizenId"), String.valueOf(attrs));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/me").then().statusCode(200)
                .body("assurance", org.hamcrest.Matchers.equalTo("high"));
    }
}
