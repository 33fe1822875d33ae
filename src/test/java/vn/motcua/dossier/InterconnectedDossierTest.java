package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static vn.motcua.dossier.Dossiers.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The "3 in 1" for a child under 6, end to end: one submission at the ward, three parts at the agencies (birth and
 * residence at the ward, the health-insurance card at the district), the parent following them, one return.
 */
@QuarkusTest
class InterconnectedDossierTest {

    @Test
    void threeInOneCreatesItsPartsAndFollowsThemToTheReturn() {
        String code = submitOnline(Demo.CITIZEN, THREE_IN_ONE, WARD, threeInOneForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200)
                .body("status", equalTo("in-progress"))
                .body("allowedActions", equalTo(java.util.List.of("apologize")));
        var parent = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then()
                .statusCode(200)
                .body("parts", hasSize(3))
                .body("parts.receiptCode", contains(code + ".L1", code + ".L2", code + ".L3"))
                .body("parts.procedure", contains("1.001193", "1.004222", "1.011947"))
                .body("parts.tenant", contains(WARD, WARD, DISTRICT))
                .extract();
        String dueAt = parent.path("dueAt");
        // Each part must be done by the time the parent's return step starts: within the parent's 5 days.
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_PROCESSOR)).get("/api/t/{t}/dossiers/{code}", DISTRICT, code + ".L3").then()
                .statusCode(200)
                .body("status", equalTo("received"))
                .body("parent", equalTo(code))
                .body("steps.code", contains("process", "approve"))
                .body("steps.role", contains("processor", "approver"));

        // The district's social insurance part, and the ward's two parts, each through its own workflow.
        work(Demo.DISTRICT_PROCESSOR, Demo.DISTRICT_APPROVER, Demo.DISTRICT_PROCESSOR, DISTRICT, code + ".L3");
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then()
                .body("status", equalTo("in-progress"));
        work(Demo.PROCESSOR, Demo.APPROVER, Demo.PROCESSOR, WARD, code + ".L1");
        // A part waiting for a supplement puts the whole dossier waiting; the applicant answers on the one receipt.
        act(Demo.PROCESSOR, WARD, code + ".L2", "assign").statusCode(200);
        act(Demo.PROCESSOR, WARD, code + ".L2", "request-supplement", Map.of("reason", "Bổ sung giấy tờ chỗ ở hợp pháp"))
                .statusCode(200);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then()
                .body("status", equalTo("supplement-requested"));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType("application/json").body(Map.of("note", "Đã bổ sung"))
                .post("/api/dossiers/{code}/supplement", code).then().statusCode(200).body("status", equalTo("in-progress"));
        given().auth().oauth2(Tokens.staff(Demo.PROCESSOR)).get("/api/t/{t}/dossiers/{code}", WARD, code + ".L2").then()
                .body("status", equalTo("in-progress"));
        act(Demo.PROCESSOR, WARD, code + ".L2", "propose").statusCode(200);
        act(Demo.APPROVER, WARD, code + ".L2", "approve").statusCode(200);
        // Parts are returned with their parent, never on their own.
        act(Demo.PROCESSOR, WARD, code + ".L2", "mark-result-ready").statusCode(200)
                .body("allowedActions", equalTo(java.util.List.of("apologize")));

        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then()
                .body("status", equalTo("result-ready"))
                .body("outcome", equalTo("approved"))
                .body("history.action", hasItem("parts-result-ready"));
        act(Demo.RECEIVER, WARD, code, "return", Map.of("channel", "post")).statusCode(200)
                .body("status", equalTo("returned"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then()
                .body("parts.status", everyItem(equalTo("returned")))
                .body("dueAt", equalTo(dueAt));
        // Counted once: the applicant's list shows the one dossier, not its parts.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/me/dossiers").then()
                .body("findAll { it.receiptCode.startsWith('" + code + "') }", hasSize(1));
    }

    private static void work(String processor, String approver, String desk, String tenant, String code) {
        act(processor, tenant, code, "assign").statusCode(200);
        act(processor, tenant, code, "propose").statusCode(200).body("status", equalTo("awaiting-approval"));
        act(approver, tenant, code, "approve").statusCode(200).body("outcome", equalTo("approved"));
        act(desk, tenant, code, "mark-result-ready").statusCode(200).body("status", equalTo("result-ready"))
                .body("closedAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.staff(desk)).get("/api/t/{t}/dossiers/{code}", tenant, code).then()
                .body("steps.endedAt", everyItem(notNullValue()));
    }
}
