package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.act;
import static vn.motcua.dossier.Dossiers.deathForm;
import static vn.motcua.dossier.Dossiers.submitOnline;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import vn.motcua.dossier.usecase.RatingInput;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The applicant rates the service once the result is returned: 1 to 5 and a comment, once; the rating shows in the
 * dossier for the applicant and the officers, in its history, and in the outbox for the national portal. Anyone else
 * finds nothing to rate, and every bad input is a field error.
 */
@QuarkusTest
class RatingTest {

    @Inject
    ScopedTransactions transactions;

    /** A death registration the citizen submitted online, worked and returned at the counter. */
    static String returned(String citizen) {
        String code = submitOnline(citizen, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "return", Map.of("channel", "counter")).statusCode(200).body("status", equalTo("returned"));
        return code;
    }

    static ValidatableResponse rate(String token, String code, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/dossiers/{code}/rating", code).then();
    }

    @Test
    void theApplicantRatesAReturnedDossierOnceAndEveryoneWhoReadsItSeesTheRating() throws Throwable {
        String code = returned(Demo.CITIZEN);
        String citizen = Tokens.citizen(Demo.CITIZEN);
        rate(citizen, code, Map.of("score", 5, "comment", "  Cán bộ hướng dẫn tận tình, trả kết quả sớm.  ")).statusCode(201)
                .body("score", equalTo(5))
                .body("comment", equalTo("Cán bộ hướng dẫn tận tình, trả kết quả sớm."))
                .body("at", notNullValue());
        given().auth().oauth2(citizen).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("rating.score", equalTo(5))
                .body("rating.comment", equalTo("Cán bộ hướng dẫn tận tình, trả kết quả sớm."))
                .body("history[-1].action", equalTo("rate"))
                .body("history[-1].from", equalTo("returned"))
                .body("history[-1].to", equalTo("returned"))
                .body("history[-1].detail.score", equalTo(5));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("rating.score", equalTo(5)).body("rating.at", notNullValue());
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_APPROVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("rating.score", equalTo(5));

        // Once per dossier, however it is sent again.
        rate(citizen, code, Map.of("score", 1)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/rating-exists"));
        given().auth().oauth2(citizen).get("/api/dossiers/{code}", code).then().body("rating.score", equalTo(5));

        // For the national portal: one outbox row of kind 'rating', in the office's outbox.
        List<JsonObject> sync = VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(TenantScope.of(WARD),
                conn -> conn.preparedQuery("select o.payload from outbox o join dossier d on d.id = o.dossier_id "
                        + "where d.receipt_code = $1 and o.kind = 'rating'").execute(Tuple.of(code))
                        .map(rows -> { List<JsonObject> out = new java.util.ArrayList<>(); rows.forEach(r -> out.add(r.getJsonObject(0))); return out; })));
        assertEquals(1, sync.size());
        assertEquals(5, sync.get(0).getInteger("score"));
        assertEquals(code, sync.get(0).getString("receiptCode"));
    }

    @Test
    void onlyAReturnedDossierOfOnesOwnCanBeRated() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        rate(Tokens.citizen(Demo.CITIZEN), code, Map.of("score", 4)).statusCode(409)
                .body("type", equalTo("/problems/dossier-not-returned"))
                .body("state", equalTo("submitted"));
        String returned = returned(Demo.CITIZEN);
        // Another citizen finds nothing there, as when reading it; an officer does not rate for the applicant.
        rate(Tokens.citizen(Demo.OTHER_CITIZEN), returned, Map.of("score", 1)).statusCode(404)
                .body("type", equalTo("/problems/dossier-not-found"));
        rate(Tokens.citizen(Demo.OTHER_CITIZEN), "000.01.01.H26-991231-9999", Map.of("score", 1)).statusCode(404);
        rate(Tokens.staff(Demo.RECEIVER), returned, Map.of("score", 5)).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("score", 5)).post("/api/dossiers/{code}/rating", returned).then().statusCode(401);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", returned).then().body("rating", nullValue());
    }

    @Test
    void everyBadInputIsAFieldErrorAndNothingIsStored() {
        String code = returned(Demo.CITIZEN);
        String citizen = Tokens.citizen(Demo.CITIZEN);
        Map<String, Object> badScores = new java.util.LinkedHashMap<>();
        badScores.put("missing", Map.of("comment", "Tốt"));
        badScores.put("zero", Map.of("score", 0));
        badScores.put("six", Map.of("score", 6));
        badScores.put("negative", Map.of("score", -3));
        badScores.put("text", Map.of("score", "abc"));
        badScores.put("a fraction", Map.of("score", 4.5));
        badScores.put("huge", Map.of("score", Long.MAX_VALUE));
        badScores.put("an object", Map.of("score", Map.of("x", 1)));
        badScores.put("a list", Map.of("score", List.of(5)));
        badScores.put("true", Map.of("score", true));
        badScores.forEach((what, body) -> {
            String answer = rate(citizen, code, body).statusCode(400).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("/problems/validation-failed") && answer.contains("\"score\""),
                    () -> what + ": " + answer);
        });
        rate(citizen, code, Map.of("score", 3, "comment", "x".repeat(1001))).statusCode(400)
                .body("errors[0].field", equalTo("comment"))
                .body("errors[0].message", equalTo("Dài quá 1000 ký tự."));
        rate(citizen, code, Map.of("score", 3, "comment", "tốt\u0000lắm")).statusCode(400).body("errors[0].field", equalTo("comment"));
        rate(citizen, code, Map.of("score", 3, "comment", Map.of("x", 1))).statusCode(400).body("errors[0].field", equalTo("comment"));
        given().auth().oauth2(citizen).contentType(ContentType.JSON).post("/api/dossiers/{code}/rating", code).then().statusCode(400)
                .body("errors.field", hasItem("score"));
        given().auth().oauth2(citizen).get("/api/dossiers/{code}", code).then().body("rating", nullValue())
                .body("history.action", org.hamcrest.Matchers.not(hasItem("rate")));
        // The score as a page's form sends it.
        assertEquals(new RatingInput(4, null), RatingInput.fromForm(" 4 ", null));
        assertEquals(new RatingInput(null, "x"), RatingInput.fromForm("", "x"));
        assertEquals("score", assertThrows(ProblemException.class, () -> RatingInput.fromForm("bốn", null)).fieldErrors().get(0).field());
        // An empty comment is no comment.
        rate(citizen, code, Map.of("score", 3, "comment", "   ")).statusCode(201).body("comment", nullValue());
    }

    @Test
    void theDatabaseRefusesARatingByAnyoneButTheApplicantAndAnyChange() throws Throwable {
        String code = returned(Demo.CITIZEN);
        // Seeing the dossier through its office is not enough: the rating must be the applicant's own.
        PgException e = assertThrows(PgException.class, () -> VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(
                TenantScope.of(WARD).as("staff:canbo-dienbien"), conn -> conn.preparedQuery("""
                        insert into dossier_rating (dossier_id, tenant_id, score, rated_by)
                        select id, tenant_id, 5, 'staff:canbo-dienbien' from dossier where receipt_code = $1""")
                        .execute(Tuple.of(code)))));
        assertEquals("42501", e.getSqlState());
        String ratedBy = VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(TenantScope.of(WARD),
                conn -> conn.preparedQuery("select submitted_by from dossier where receipt_code = $1").execute(Tuple.of(code))
                        .map(rows -> rows.iterator().next().getString(0))));
        rate(Tokens.citizen(Demo.CITIZEN), code, Map.of("score", 2)).statusCode(201);
        PgException change = assertThrows(PgException.class, () -> VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(
                TenantScope.of(WARD).as(ratedBy), conn -> conn.preparedQuery("update dossier_rating set score = 5").execute())));
        assertEquals("42501", change.getSqlState());
    }
}
