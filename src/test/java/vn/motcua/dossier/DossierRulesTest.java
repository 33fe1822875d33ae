package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.*;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * The state machine's edges through the API: every illegal action answers 409 with the state and what is allowed,
 * who may act where, forwarding between levels, supplements with a paused or restarted clock, the apology.
 */
@QuarkusTest
class DossierRulesTest {

    /** Drives a fresh dossier to {@code status}; returns its code. */
    static String dossierIn(DossierStatus status) {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        switch (status) {
            case SUBMITTED -> {
                return code;
            }
            case REFUSED -> {
                act(Demo.RECEIVER, WARD, code, "refuse", Map.of("reason", "thiếu giấy tờ")).statusCode(200);
                return code;
            }
            default -> {
            }
        }
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        if (status == DossierStatus.RECEIVED) {
            return code;
        }
        if (status == DossierStatus.FORWARDED) {
            act(Demo.RECEIVER, WARD, code, "forward", Map.of("to", DISTRICT, "reason", "thuộc thẩm quyền quận")).statusCode(200);
            return code;
        }
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        if (status == DossierStatus.IN_PROGRESS) {
            return code;
        }
        if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
            act(Demo.PROCESSOR, WARD, code, "request-supplement", Map.of("reason", "bổ sung giấy báo tử")).statusCode(200);
            return code;
        }
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        if (status == DossierStatus.AWAITING_APPROVAL) {
            return code;
        }
        act(Demo.APPROVER, WARD, code, status == DossierStatus.REJECTED ? "reject" : "approve", Map.of("reason", "không đủ điều kiện"))
                .statusCode(200);
        if (status == DossierStatus.APPROVED || status == DossierStatus.REJECTED) {
            return code;
        }
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        if (status == DossierStatus.RESULT_READY) {
            return code;
        }
        act(Demo.RECEIVER, WARD, code, "return").statusCode(200);
        return code;
    }

    @Test
    void everyActionOutsideItsStatesIsA409NamingTheStateAndTheAllowedActions() {
        int checked = 0;
        for (DossierStatus status : DossierStatus.values()) {
            String code = dossierIn(status);
            String tenant = status == DossierStatus.FORWARDED ? DISTRICT : WARD;
            String officer = status == DossierStatus.FORWARDED ? Demo.DISTRICT_RECEIVER : Demo.RECEIVER;
            List<String> allowed = DossierAction.allowedIn(status).stream().map(DossierAction::wire).toList();
            for (DossierAction action : DossierAction.values()) {
                if (action.allowedFrom(status)) {
                    continue;
                }
                String who = officerFor(action, officer, status);
                act(who, tenant, code, action.wire(), Map.of("reason", "x", "to", OTHER_WARD)).statusCode(409)
                        .body("type", equalTo("/problems/illegal-transition"))
                        .body("state", equalTo(status.wire()))
                        .body("allowedActions", equalTo(allowed));
                checked++;
            }
        }
        assertTrue(checked > 80, "illegal transitions checked: " + checked);
    }

    /** An officer with a role the action accepts, so that the 409 comes from the state, not the role. */
    private static String officerFor(DossierAction action, String receiver, DossierStatus status) {
        boolean district = status == DossierStatus.FORWARDED;
        if (action.permission().roles().contains("receiver")) {
            return receiver;
        }
        if (action.permission().roles().contains("processor")) {
            return district ? Demo.DISTRICT_PROCESSOR : Demo.PROCESSOR;
        }
        return district ? Demo.DISTRICT_APPROVER : Demo.APPROVER;
    }

    @Test
    void onlyTheRolesOfAnActionMayFireIt() {
        String code = dossierIn(DossierStatus.AWAITING_APPROVAL);
        act(Demo.RECEIVER, WARD, code, "approve").statusCode(403)
                .body("type", equalTo("/problems/action-forbidden"));
        act(Demo.PROCESSOR, WARD, code, "approve").statusCode(403);
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
    }

    @Test
    void anotherWardsDossierIsNotFoundAndASupervisorMayReadButNotAct() {
        String code = dossierIn(DossierStatus.SUBMITTED);
        // Yên Hòa's officer, on their own tenant's path: the dossier does not exist for them.
        act(Demo.OTHER_WARD_RECEIVER, OTHER_WARD, code, "receive").statusCode(404)
                .body("type", equalTo("/problems/dossier-not-found"));
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).get("/api/dossiers/{code}", code).then().statusCode(404);
        // On Điện Biên's path: not their tenant at all.
        act(Demo.OTHER_WARD_RECEIVER, WARD, code, "receive").statusCode(403);
        // The district reads its ward's dossier but may not act on it.
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("receiptCode", equalTo(code));
        act(Demo.DISTRICT_RECEIVER, WARD, code, "receive").statusCode(403);
        // Another citizen does not see it; its applicant does.
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(404);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/me/dossiers").then().statusCode(200)
                .body("receiptCode", hasItem(code));
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/me/dossiers").then().statusCode(200)
                .body("receiptCode", not(hasItem(code)));
    }

    @Test
    void aCitizenSubmitsForARelativeAndFollowsIt() {
        Map<String, Object> body = new java.util.HashMap<>(submission(DEATH, WARD, "online-partial", deathForm()));
        body.put("applicant", Map.of("fullName", "Trần Văn Bố", "phone", "0987 654 321"));
        body.put("relationship", "con");
        String code = given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).contentType(ContentType.JSON).body(body)
                .post("/api/dossiers").then().statusCode(201)
                .body("relationship", equalTo("con"))
                .body("applicant.fullName", equalTo("Trần Văn Bố"))
                .body("applicant.phone", equalTo("0987 654 321"))
                .extract().path("receiptCode");
        // The one who submitted follows it; the look-up takes the applicant's phone, not the submitter's.
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200);
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/me/dossiers").then().body("receiptCode", hasItem(code));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(404);
        given().queryParam("code", code).queryParam("phone", "0987654321").get("/api/lookup").then().statusCode(200);
    }

    @Test
    void aDossierForwardedToTheDistrictIsWorkedThereAndStillSeenByTheWard() {
        String code = dossierIn(DossierStatus.RECEIVED);
        act(Demo.RECEIVER, WARD, code, "forward", Map.of("to", DISTRICT)).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        act(Demo.RECEIVER, WARD, code, "forward", Map.of("to", "no-such-tenant", "reason", "x")).statusCode(400)
                .body("errors[0].field", equalTo("to"));
        act(Demo.RECEIVER, WARD, code, "forward", Map.of("to", DISTRICT, "reason", "Thuộc thẩm quyền UBND quận")).statusCode(200)
                .body("status", equalTo("forwarded"))
                .body("tenant", equalTo(DISTRICT))
                .body("allowedActions", equalTo(List.of("receive", "apologize")));
        // The ward keeps seeing it, but holds it no more.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("tenant", equalTo(DISTRICT));
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(409).body("heldBy", equalTo(DISTRICT));
        // The district's desk takes it up and its specialist works it.
        act(Demo.DISTRICT_RECEIVER, DISTRICT, code, "receive").statusCode(200).body("status", equalTo("received"));
        act(Demo.DISTRICT_PROCESSOR, DISTRICT, code, "assign").statusCode(200)
                .body("steps[1].tenant", equalTo(DISTRICT))
                .body("steps[1].holder", equalTo("Phan Hoàng Long"));
        act(Demo.DISTRICT_PROCESSOR, DISTRICT, code, "propose").statusCode(200);
        act(Demo.DISTRICT_APPROVER, DISTRICT, code, "approve").statusCode(200);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).get("/api/t/{t}/dossiers/{code}", DISTRICT, code).then().statusCode(200)
                .body("history.action", hasItems("forward", "receive", "approve"))
                .body("history.find { it.action == 'forward' }.reason", equalTo("Thuộc thẩm quyền UBND quận"))
                .body("history.find { it.action == 'forward' }.detail.to", equalTo(DISTRICT));
    }

    @Test
    void repeatedSupplementsPauseTheClockAndNeverMakeTheDossierLate() {
        String code = dossierIn(DossierStatus.IN_PROGRESS);
        OffsetDateTime firstDue = OffsetDateTime.parse(given().auth().oauth2(Tokens.citizen(Demo.CITIZEN))
                .get("/api/dossiers/{code}", code).then().extract().path("dueAt"));
        for (int round = 1; round <= 3; round++) {
            act(Demo.PROCESSOR, WARD, code, "request-supplement", Map.of("reason", "Bổ sung lần " + round)).statusCode(200)
                    .body("status", equalTo("supplement-requested"))
                    .body("clockStopped", equalTo(true))
                    .body("timeliness", equalTo("on-time"));
            // Nobody can push it on while it waits for the citizen.
            act(Demo.PROCESSOR, WARD, code, "propose").statusCode(409);
            // Only the applicant answers (or the desk on their behalf).
            given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).contentType(ContentType.JSON).body(Map.of("note", "x"))
                    .post("/api/dossiers/{code}/supplement", code).then().statusCode(404);
            String due = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                    .body(Map.of("note", "Đã bổ sung bản chụp rõ nét"))
                    .post("/api/dossiers/{code}/supplement", code)
                    .then().statusCode(200)
                    .body("status", equalTo("in-progress"))
                    .body("clockStopped", equalTo(false))
                    .body("timeliness", equalTo("on-time"))
                    .extract().path("dueAt");
            assertTrue(!OffsetDateTime.parse(due).isBefore(firstDue), "round " + round + ": due " + due + " before " + firstDue);
        }
        given().auth().oauth2(Tokens.staff(Demo.PROCESSOR)).get("/api/dossiers/{code}", code).then()
                .body("history.findAll { it.action == 'request-supplement' }", hasSize(3))
                .body("history.findAll { it.action == 'supplement' }", hasSize(3))
                .body("history.find { it.action == 'request-supplement' }.detail.clock", equalTo("pause"));
    }

    @Test
    void aRestartingProcedureGetsItsWholeTimeBackAfterASupplement() {
        String code = given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).contentType(ContentType.JSON)
                .body(submission(BUSINESS, DISTRICT, "counter", businessForm()))
                .post("/api/dossiers").then().statusCode(201).body("processingDays", equalTo(3)).extract().path("receiptCode");
        act(Demo.DISTRICT_PROCESSOR, DISTRICT, code, "assign").statusCode(200);
        act(Demo.DISTRICT_PROCESSOR, DISTRICT, code, "request-supplement", Map.of("reason", "Thiếu vốn điều lệ")).statusCode(200);
        String due = given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).contentType(ContentType.JSON)
                .body(Map.of("reason", "Công dân nộp tại quầy"))
                .post("/api/t/{t}/dossiers/{code}/supplement", DISTRICT, code)
                .then().statusCode(200).body("status", equalTo("in-progress")).extract().path("dueAt");
        String expected = given().queryParam("tenant", DISTRICT).queryParam("from", OffsetDateTime.now().toString())
                .queryParam("days", "3").get("/api/calendar/due").then().statusCode(200).extract().path("dueAt");
        // Counted again from the answer (the two clocks read a moment apart).
        long apart = Math.abs(java.time.Duration.between(OffsetDateTime.parse(expected), OffsetDateTime.parse(due)).toSeconds());
        assertTrue(apart < 120, "due " + due + ", a fresh 3 days from now " + expected);
    }

    @Test
    void anApologyNeedsALateDossierAReasonAndAFutureAppointment() {
        String code = dossierIn(DossierStatus.IN_PROGRESS);
        act(Demo.PROCESSOR, WARD, code, "apologize",
                Map.of("reason", "Chờ xác minh", "appointment", OffsetDateTime.now().plusDays(3).toString()))
                .statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void theStatesThatAllowEachActionAreAsDocumented() {
        assertEquals(EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.FORWARDED),
                EnumSet.copyOf(java.util.Arrays.stream(DossierStatus.values()).filter(DossierAction.RECEIVE::allowedFrom).toList()));
        assertEquals(Set.of(), Set.copyOf(DossierAction.allowedIn(DossierStatus.RETURNED)));
        assertEquals(Set.of(), Set.copyOf(DossierAction.allowedIn(DossierStatus.REFUSED)));
    }
}
