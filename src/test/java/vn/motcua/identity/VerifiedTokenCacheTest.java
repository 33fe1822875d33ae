package vn.motcua.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** Bearer tokens verified once and recognised afterwards, with real Keycloak tokens. */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry meters;

    double gets(String result) {
        return meters.get("cache.gets").tags("cache", "verified-tokens", "result", result).functionCounter().count();
    }

    @Test
    void aTokenUsedAgainIsRecognisedAsItsOwnPersonEachTime() {
        String officer = Tokens.staff(Demo.RECEIVER);
        String citizen = Tokens.citizen(Demo.CITIZEN);
        given().auth().oauth2(officer).get("/api/me").then().statusCode(200);
        given().auth().oauth2(citizen).get("/api/me").then().statusCode(200);
        double hits = gets("hit");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(officer).get("/api/me").then().statusCode(200)
                    .body("realm", equalTo("staff")).body("username", equalTo(Demo.RECEIVER));
            given().auth().oauth2(citizen).get("/api/me").then().statusCode(200)
                    .body("realm", equalTo("citizens")).body("username", equalTo(Demo.CITIZEN));
        }
        assertEquals(hits + 6, gets("hit"));
        // Acting still works from a remembered identity: the request's own context is handed to it.
        given().auth().oauth2(officer).get("/api/t/ba-dinh-dien-bien/access").then().statusCode(200);
    }

    @Test
    void anAlteredTokenIsVerifiedAndRefusedEvenRightAfterTheGenuineOne() {
        String officer = Tokens.staff(Demo.RECEIVER);
        given().auth().oauth2(officer).get("/api/me").then().statusCode(200);
        given().auth().oauth2(officer).get("/api/me").then().statusCode(200);
        char last = officer.charAt(officer.length() - 2);
        String altered = officer.substring(0, officer.length() - 2) + (last == 'A' ? 'B' : 'A') + officer.charAt(officer.length() - 1);
        given().auth().oauth2(altered).get("/api/me").then().statusCode(401);
        given().auth().oauth2(officer + "x").get("/api/me").then().statusCode(401);
    }

    @Test
    void aCitizensTokenRememberedByTheApiIsStillRefusedWhereTheStaffRealmDecides() {
        String citizen = Tokens.citizen(Demo.CITIZEN);
        given().auth().oauth2(citizen).get("/api/me").then().statusCode(200);
        given().auth().oauth2(citizen).get("/api/me").then().statusCode(200);
        // The console belongs to the staff realm, which never verified this token.
        given().auth().oauth2(citizen).redirects().follow(false).get("/console").then().statusCode(401);
    }
}
