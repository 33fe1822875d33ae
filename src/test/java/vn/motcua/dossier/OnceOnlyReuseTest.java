package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.DISTRICT;
import static vn.motcua.dossier.Dossiers.OTHER_WARD;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.deathForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.support.Demo;
import vn.motcua.support.KeycloakAdmin;
import vn.motcua.support.Tokens;

/**
 * "Once only": with the applicant's consent on a dossier, the office working it reads what their earlier dossiers
 * hold, at other offices too; without it, nothing crosses, in the service and in the database alike. The citizen
 * sees each such read.
 */
@QuarkusTest
class OnceOnlyReuseTest {

    @Inject
    Pool pool;

    static String submit(String token, String tenant, boolean consent) {
        Map<String, Object> body = new HashMap<>(Dossiers.submission(DEATH, tenant, "online-full", deathForm()));
        body.put("consentToReuse", consent);
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
    }

    @Test
    void withConsentTheOfficeReadsTheApplicantsEarlierDossiersAndTheCitizenSeesIt() throws Throwable {
        String citizen = KeycloakAdmin.verifiedCitizen("001088007777", "Tâm", "Võ Thị");
        given().auth().oauth2(citizen).get("/api/me").then().body("assurance", equalTo("high")).body("citizenId", equalTo("001088007777"));
        String earlier = submit(citizen, OTHER_WARD, false);
        String consented = submit(citizen, WARD, true);
        String withheld = submit(citizen, WARD, false);

        given().auth().oauth2(Tokens.staff(Demo.PROCESSOR)).get("/api/t/{t}/dossiers/{code}/reusable", WARD, consented)
                .then().statusCode(200)
                .body("receiptCode", hasItems(earlier, withheld))
                .body("receiptCode", not(hasItem(consented)))
                .body("find { it.receiptCode == '" + earlier + "' }.tenant", equalTo(OTHER_WARD))
                .body("find { it.receiptCode == '" + earlier + "' }.form.deathPlace", equalTo("Bệnh viện Bạch Mai"));
        // Without consent on the dossier at hand: refused, and the applicant asked for the papers instead.
        given().auth().oauth2(Tokens.staff(Demo.PROCESSOR)).get("/api/t/{t}/dossiers/{code}/reusable", WARD, withheld)
                .then().statusCode(403).body("type", equalTo("/problems/consent-required"));
        // Not through an office that does not hold it, nor by one that only supervises.
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).get("/api/t/{t}/dossiers/{code}/reusable", OTHER_WARD, consented)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_PROCESSOR)).get("/api/t/{t}/dossiers/{code}/reusable", WARD, consented)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_PROCESSOR)).get("/api/t/{t}/dossiers/{code}/reusable", DISTRICT, consented)
                .then().statusCode(404);

        // The citizen sees who reused their data, and for what.
        given().auth().oauth2(citizen).get("/api/me/data-access").then().statusCode(200)
                .body("find { it.action == 'dossier.reuse' }.purpose", equalTo("reuse"))
                .body("find { it.action == 'dossier.reuse' }.officer", equalTo("Trần Văn Hùng"))
                .body("find { it.action == 'dossier.reuse' }.target", org.hamcrest.Matchers.containsString(earlier));

        // The database checks the consent again: its function returns nothing without it, or outside the caller's scope.
        assertEquals(0L, reusableRows(WARD, withheld));
        assertEquals(0L, reusableRows(OTHER_WARD, consented));
        assertEquals(2L, reusableRows(WARD, consented));

        // Every change in the history says where it came from, beside who and when.
        assertEquals(0L, (long) VertxContextSupport.subscribeAndAwait(() -> ScopedTransactions.onConnection(pool, TenantScope.of(WARD),
                conn -> conn.preparedQuery("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id"
                        + " where d.receipt_code = $1 and e.remote_addr is null").execute(Tuple.of(consented))
                        .map(rs -> rs.iterator().next().getLong(0)))));
    }

    @Test
    void onlyAVerifiedApplicantForThemselvesCanConsent() {
        Map<String, Object> body = new HashMap<>(Dossiers.submission(DEATH, WARD, "online-full", deathForm()));
        body.put("consentToReuse", true);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body(body).post("/api/dossiers").then()
                .statusCode(400).body("errors.field", hasItem("consentToReuse"));
        String verified = KeycloakAdmin.verifiedCitizen("001088008888", "Nam", "Đỗ Văn");
        body.put("relationship", "con");
        given().auth().oauth2(verified).contentType(ContentType.JSON).body(body).post("/api/dossiers").then()
                .statusCode(400).body("errors.field", hasItem("consentToReuse"));
    }

    /** Calls the database function directly, in {@code tenant}'s scope, with the dossier's id found in its own ward. */
    private long reusableRows(String tenant, String code) throws Throwable {
        java.util.UUID id = VertxContextSupport.subscribeAndAwait(() -> ScopedTransactions.onConnection(pool, TenantScope.of(WARD),
                conn -> conn.preparedQuery("select id from dossier where receipt_code = $1").execute(Tuple.of(code))
                        .map(rs -> rs.iterator().next().getUUID(0))));
        return VertxContextSupport.subscribeAndAwait(() -> ScopedTransactions.onConnection(pool, TenantScope.of(tenant),
                conn -> conn.preparedQuery("select count(*) from reusable_dossiers($1)").execute(Tuple.of(id))
                        .map(rs -> rs.iterator().next().getLong(0))));
    }
}
