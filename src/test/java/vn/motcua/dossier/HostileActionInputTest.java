package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.act;
import static vn.motcua.dossier.Dossiers.deathForm;
import static vn.motcua.dossier.Dossiers.submitOnline;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * What officers and applicants send with an action is bounded and checked, and the workflow records what the server
 * knows rather than what the client claims: the assignee is a colleague of this office, looked up with their own
 * name; the applicant sees offices, never officers' names.
 */
@QuarkusTest
class HostileActionInputTest {

    @Test
    void anUnboundedOrControlCharacterReasonIsAFieldError() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive", Map.of("reason", "x".repeat(1_000_000))).statusCode(400)
                .body("errors.field", hasItem("reason"));
        act(Demo.RECEIVER, WARD, code, "refuse", Map.of("reason", "thiếu\u0000giấy tờ")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        // Nothing was accepted: the dossier is as submitted.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("status", equalTo("submitted"));
    }

    @Test
    void aControlCharacterInASubmissionIsRefusedBesideItsField() {
        Map<String, Object> form = new java.util.HashMap<>(deathForm());
        form.put("deathPlace", "Bệnh viện\u0000Bạch Mai");
        Map<String, Object> body = new java.util.HashMap<>(Dossiers.submission(DEATH, WARD, "online-full", form));
        body.put("applicant", Map.of("fullName", "Nguyễn\u0007Văn An", "phone", Dossiers.PHONE));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body(body).post("/api/dossiers")
                .then().statusCode(400)
                .body("errors.field", hasItem("form.deathPlace"))
                .body("errors.field", hasItem("applicant.fullName"));
    }

    @Test
    void aNameIsWhatItLooksLikeAndTextIsStoredComposed() {
        // A right-to-left override would display "Nguyễn Văn An" as something else: refused in a name.
        Map<String, Object> body = new java.util.HashMap<>(Dossiers.submission(DEATH, WARD, "online-full", deathForm()));
        body.put("applicant", Map.of("fullName", "Nguyễn\u202EnA năV", "phone", Dossiers.PHONE));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body(body).post("/api/dossiers")
                .then().statusCode(400).body("errors.field", hasItem("applicant.fullName"));
        // "ễ" typed as e + combining circumflex + combining tilde is stored as the one composed letter (NFC).
        body.put("applicant", Map.of("fullName", "Nguye\u0302\u0303n Văn An", "phone", Dossiers.PHONE));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(body).post("/api/dossiers")
                .then().statusCode(201).body("applicant.fullName", equalTo("Nguy\u1EC5n Văn An"));
    }

    @Test
    void aDateOutsideSaneBoundsIsRefusedBesideItsField() {
        Map<String, Object> form = new java.util.HashMap<>(deathForm());
        form.put("deathDate", "0001-01-01");
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .body(Dossiers.submission(DEATH, WARD, "online-full", form)).post("/api/dossiers")
                .then().statusCode(400).body("errors.field", hasItem("form.deathDate"));
    }

    @Test
    void anApplicantsNoteIsBoundedToo() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "request-supplement", Map.of("reason", "Thiếu giấy báo tử")).statusCode(200);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .body(Map.of("note", "a".repeat(2_000_001))).post("/api/dossiers/{code}/supplement", code).then().statusCode(400);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("status", equalTo("supplement-requested"));
    }

    @Test
    void anAssigneeMustBeAColleagueWhoseRoleHoldsTheStep() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        // Not a username at all; another ward's officer; this ward's leader, whose role does not hold "process".
        act(Demo.RECEIVER, WARD, code, "assign", Map.of("assignee", "x".repeat(100_000))).statusCode(400)
                .body("errors.field", hasItem("assignee"));
        act(Demo.RECEIVER, WARD, code, "assign", Map.of("assignee", Demo.OTHER_WARD_RECEIVER)).statusCode(400)
                .body("errors.field", hasItem("assignee"));
        act(Demo.RECEIVER, WARD, code, "assign", Map.of("assignee", Demo.APPROVER)).statusCode(400)
                .body("errors.field", hasItem("assignee"));
        // The specialist of this ward: recorded with the directory's name, whatever name the client sends.
        act(Demo.RECEIVER, WARD, code, "assign", Map.of("assignee", Demo.PROCESSOR, "assigneeName", "Giám đốc Sở")).statusCode(200);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("steps[1].holder", equalTo("Trần Văn Hùng"))
                .body("history.find { it.action == 'assign' }.detail.holder", equalTo("Trần Văn Hùng"));
        // The specialist then works it as their own: the step is theirs.
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
    }

    @Test
    void aDossierGoesOnlyToACompetentOfficeOrUpTheChain() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        // A district elsewhere in the city is neither competent for a death registration (a ward's procedure) nor above.
        act(Demo.RECEIVER, WARD, code, "forward", Map.of("to", Demo.RURAL_DISTRICT, "reason", "nhầm nơi")).statusCode(400)
                .body("errors.field", hasItem("to"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then()
                .body("tenant", equalTo(WARD));
        // Another ward is competent (received anywhere, decided where it belongs); the district above is the chain.
        act(Demo.RECEIVER, WARD, code, "forward", Map.of("to", Demo.OTHER_WARD, "reason", "nơi cư trú cuối cùng")).statusCode(200);
    }

    @Test
    void theApplicantSeesOfficesNotOfficersNames() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("steps.holder", everyItem(nullValue()))
                .body("steps.tenant", hasItem(WARD))
                .body("history.find { it.action == 'assign' }.by", nullValue())
                .body("history.find { it.action == 'assign' }.detail", not(hasItem("holder")))
                .body("history.find { it.action == 'assign' }.detail.holder", nullValue());
    }
}
