package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.EmbeddedServicesResource;

/** Citizens register themselves in the generated citizens realm, with an e-mail address or a phone number. */
@QuarkusTest
class CitizenRegistrationTest {

    /** Any valid S256 challenge: the clients require PKCE, and no code is exchanged here. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theRegistrationFormOffersAPhoneNumberAndDoesNotRequireAnEmail() {
        String page = given().baseUri(EmbeddedServicesResource.keycloakUrl()).redirects().follow(false)
                .queryParam("client_id", "motcua-portal")
                .queryParam("code_challenge", CHALLENGE)
                .queryParam("code_challenge_method", "S256")
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", "http://localhost:8081/")
                .queryParam("ui_locales", "vi")
                .get("/realms/citizens/protocol/openid-connect/registrations")
                .then().statusCode(200)
                .body(containsString("kc-register-form"))
                .body(containsString("name=\"phoneNumber\""))
                .body(containsString("Số điện thoại"))
                .extract().asString();
        // Keycloak marks required fields with aria-required; the e-mail input must not carry it.
        String email = page.substring(page.indexOf("name=\"email\""));
        email = email.substring(0, email.indexOf('>'));
        org.hamcrest.MatcherAssert.assertThat(email, not(containsString("aria-required=\"true\"")));
    }

    @Test
    void staffCannotRegisterThemselves() {
        given().baseUri(EmbeddedServicesResource.keycloakUrl()).redirects().follow(false)
                .queryParam("client_id", "motcua-console")
                .queryParam("code_challenge", CHALLENGE)
                .queryParam("code_challenge_method", "S256")
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", "http://localhost:8081/console")
                .get("/realms/staff/protocol/openid-connect/registrations")
                .then().statusCode(400)
                .body(containsString("data-theme=\"motcua\""))
                .body(not(containsString("kc-register-form")));
    }
}
