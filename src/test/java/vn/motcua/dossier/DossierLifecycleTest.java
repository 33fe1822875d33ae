package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.motcua.dossier.Dossiers.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** A dossier from submission to return, through every officer's action, against the real database and Keycloak. */
@QuarkusTest
class DossierLifecycleTest {

    @Test
    void onlineSubmissionGoesFromSubmittedToReturned() {
        String code = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .body(submission(DEATH, WARD, "online-full", deathForm()))
                .post("/api/dossiers")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/dossiers/\\d{3}\\.\\d{2}\\.\\d{2}\\.H26-\\d{6}-\\d{4}"))
                .body("status", equalTo("submitted"))
                .body("dueAt", notNullValue())
                .body("steps", hasSize(4))
                .body("steps[0].current", equalTo(true))
                .body("fee", equalTo(0))
                .body("form.deceased.citizenId", equalTo("001045001234"))
                .extract().path("receiptCode");

        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200)
                .body("status", equalTo("received"))
                .body("steps[0].holder", equalTo("Nguyễn Thị Lan"))
                .body("steps[0].endedAt", notNullValue())
                .body("steps[1].current", equalTo(true))
                .body("allowedActions", hasItems("assign", "request-supplement", "forward"));
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200)
                .body("status", equalTo("in-progress"))
                .body("steps[1].holder", equalTo("Trần Văn Hùng"));
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200)
                .body("status", equalTo("awaiting-approval"))
                .body("steps[2].current", equalTo(true));
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200)
                .body("status", equalTo("approved"))
                .body("outcome", equalTo("approved"))
                .body("steps[2].holder", equalTo("Lê Văn Minh"));
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200)
                .body("status", equalTo("result-ready"));
        act(Demo.RECEIVER, WARD, code, "return", Map.of("channel", "counter")).statusCode(200)
                .body("status", equalTo("returned"))
                .body("closedAt", notNullValue())
                .body("workingMinutesLeft", nullValue())
                .body("allowedActions", hasSize(0));

        // The applicant reads the whole history: one row per transition, in order, with the office but not the officer.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN))
                .get("/api/dossiers/{code}", code)
                .then().statusCode(200)
                .body("history.action", contains("submit", "receive", "assign", "propose", "approve", "mark-result-ready", "return"))
                .body("history.to", contains("submitted", "received", "in-progress", "awaiting-approval", "approved", "result-ready", "returned"))
                .body("history[1].by", nullValue())
                .body("history[1].tenant", equalTo(WARD))
                .body("allowedActions", nullValue());
        // So does the officer, with the names.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER))
                .get("/api/t/{tenant}/dossiers/{code}", WARD, code)
                .then().statusCode(200)
                .body("history[1].by", equalTo("Nguyễn Thị Lan"));
    }

    @Test
    void counterSubmissionIsReceivedAtOnceByTheOfficer() {
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType(ContentType.JSON)
                .body(submission(DEATH, WARD, "counter", deathForm()))
                .post("/api/dossiers")
                .then().statusCode(201)
                .body("status", equalTo("received"))
                .body("channel", equalTo("counter"))
                .body("steps[0].holder", equalTo("Nguyễn Thị Lan"))
                .body("steps[1].current", equalTo(true));
    }

    @Test
    void aCounterSubmissionWhosePapersAreNotDigitizedWaitsAtTheDeskForItsScans() {
        // No paper scanned nor exempt: submitted, held by the desk, not received (Circular 03/2025/TT-VPCP).
        String code = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType(ContentType.JSON)
                .body(Dossiers.counterUndigitized(DEATH, WARD, "counter", deathForm(), "Nguyễn Văn An"))
                .post("/api/dossiers")
                .then().statusCode(201)
                .body("status", equalTo("submitted"))
                .body("channel", equalTo("counter"))
                .extract().path("receiptCode");
        // Received only once each required paper is scanned or exempt.
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(400).body("errors[0].field", org.hamcrest.Matchers.startsWith("document-"));
        for (int n = 1; n <= Dossiers.papers(DEATH); n++) {
            given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType(ContentType.JSON).body(Map.of("exemption", "shown-only"))
                    .put("/api/t/{t}/dossiers/{code}/documents/{n}/exemption", WARD, code, n).then().statusCode(200);
        }
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200).body("status", equalTo("received"));
    }

    @Test
    void exemptionsAreTheCountersAndEachNamesAPaperAndAnExemption() {
        Map<String, Object> online = new java.util.HashMap<>(submission(DEATH, WARD, "online-full", deathForm()));
        online.put("exemptions", Map.of("1", "shown-only"));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(online).post("/api/dossiers").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("exemptions"));
        Map<String, Object> hostile = new java.util.HashMap<>(Dossiers.counterUndigitized(DEATH, WARD, "counter", deathForm(), "Nguyễn Văn An"));
        hostile.put("exemptions", Map.of("99", "shown-only", "1", "because", "x'; drop table dossier;--", "confidential"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType(ContentType.JSON).body(hostile).post("/api/dossiers").then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("exemptions.99", "exemptions.1", "exemptions.x'; drop t"));
    }

    @Test
    void refusalNeedsAReasonAndCloses() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "refuse").statusCode(400)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("reason"));
        act(Demo.RECEIVER, WARD, code, "refuse", Map.of("reason", "Giấy báo tử không rõ, xin nộp lại bản rõ nét")).statusCode(200)
                .body("status", equalTo("refused"))
                .body("outcome", equalTo("refused"))
                .body("closedAt", notNullValue());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(409)
                .body("type", equalTo("/problems/illegal-transition"))
                .body("state", equalTo("refused"))
                .body("allowedActions", hasSize(0));
    }
}
