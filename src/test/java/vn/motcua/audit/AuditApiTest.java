package vn.motcua.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import vn.motcua.identity.Actor;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** The audit log through the API: each reader sees only the tenants they may see. */
@QuarkusTest
class AuditApiTest {

    @Inject
    AuditService audit;

    @Test
    void aDistrictAdministratorReadsItsWardsLogAndNoOtherDistricts() throws Throwable {
        Actor officer = new Actor(Actor.Realm.STAFF, "s-1", Demo.RECEIVER, "Lan", Set.of(), Set.of(), Set.of());
        VertxContextSupport.subscribeAndAwait(() -> audit.record(officer, Demo.WARD, "test.read", "x", "127.0.0.1")
                .chain(() -> audit.record(officer, Demo.OTHER_WARD, "test.read", "y", "127.0.0.1")));

        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).get("/api/t/ba-dinh-dien-bien/audit").then().statusCode(200)
                .body("size()", greaterThan(0))
                .body("tenant", everyItem(equalTo(Demo.WARD)));
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).get("/api/t/cau-giay-yen-hoa/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.AUDITOR)).queryParam("limit", 1).get("/api/t/cau-giay-yen-hoa/audit")
                .then().statusCode(200).body("", hasSize(1)).body("[0].action", equalTo("test.read"));
    }

    @Test
    void onlyAdministratorsAndAuditorsReadTheLog() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/ba-dinh-dien-bien/audit").then().statusCode(403)
                .body("type", equalTo("/problems/action-forbidden"));
        given().get("/api/t/ba-dinh-dien-bien/audit").then().statusCode(401);
    }
}
