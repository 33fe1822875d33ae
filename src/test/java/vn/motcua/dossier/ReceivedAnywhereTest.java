package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.OTHER_WARD;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.deathForm;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Decree 118/2025/NĐ-CP: for the procedures the catalog marks, any one-stop desk of the province receives a dossier
 * for the office competent from the applicant's residence. One receipt code, the receiving agency's; the dossier is
 * held, queued and timed at the competent office; the receiving desk keeps following it.
 */
@QuarkusTest
public class ReceivedAnywhereTest {

    public static final String BIRTH = "1.001193";
    /** Phường Yên Hòa's agency code (tenants/tree/ha-noi/cau-giay.yaml): the receiving desk's. */
    static final String YEN_HOA_AGENCY = "000.01.04.H26";

    public static Map<String, Object> birthForm() {
        return Map.of(
                "childFullName", "Nguyễn Minh Khôi",
                "childSex", "nam",
                "childBirthDate", "2026-11-01",
                "childBirthPlace", "Bệnh viện Phụ sản Hà Nội",
                "childEthnicity", "Kinh",
                "mother", Map.of("fullName", "Trần Thị Bình", "citizenId", "001190004321", "birthDate", "1990-05-06"),
                "applicantRelationship", "me",
                "contactPhone", Dossiers.PHONE);
    }

    /** A submission to {@code desk} for the office {@code competent}. */
    public static Map<String, Object> receivedFor(String procedure, String desk, String competent, String channel, Map<String, Object> form) {
        Map<String, Object> body = new HashMap<>(Dossiers.submission(procedure, desk, channel, form));
        body.put("competentTenant", competent);
        return body;
    }

    private static ValidatableResponse submitAtDesk(String officer, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.staff(officer)).contentType(ContentType.JSON).body(body).post("/api/dossiers").then();
    }

    @Test
    void aBirthReceivedAtAnotherWardsDeskIsWorkedByTheCompetentWard() {
        String code = submitAtDesk(Demo.OTHER_WARD_RECEIVER, receivedFor(BIRTH, OTHER_WARD, WARD, "counter", birthForm()))
                .statusCode(201)
                // The receiving agency's code, the competent ward holding it.
                .body("receiptCode", startsWith(YEN_HOA_AGENCY + "-"))
                .body("receivedBy", equalTo(OTHER_WARD))
                .body("receivedByName.vi", equalTo("Phường Yên Hòa"))
                .body("competentTenant", equalTo(WARD))
                .body("competentTenantName.vi", equalTo("Phường Điện Biên"))
                .body("tenant", equalTo(WARD))
                .body("status", equalTo("received"))
                // The desk that received it held the receive step; the competent ward holds the rest.
                .body("steps[0].tenant", equalTo(OTHER_WARD))
                .body("steps[0].holder", equalTo("Phạm Thị Hoa"))
                .body("steps[1].tenant", equalTo(WARD))
                .body("steps[1].current", equalTo(true))
                .extract().path("receiptCode");

        // The competent ward's desk sees it in its queue and works it.
        assertTrue(inQueue(Demo.RECEIVER, WARD, "received", code), "in Điện Biên's queue");
        Dossiers.act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200).body("status", equalTo("in-progress"));
        // The receiving ward's desk follows it, through its own tenant, but neither queues nor works it.
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).get("/api/t/{t}/dossiers/{code}", OTHER_WARD, code).then()
                .statusCode(200).body("status", equalTo("in-progress")).body("competentTenant", equalTo(WARD))
                .body("history.tenant", org.hamcrest.Matchers.contains(OTHER_WARD, OTHER_WARD, WARD));
        assertTrue(!inQueue(Demo.OTHER_WARD_RECEIVER, OTHER_WARD, "in-progress", code), "not in Yên Hòa's queue");
        Dossiers.act(Demo.OTHER_WARD_RECEIVER, OTHER_WARD, code, "refuse", Map.of("reason", "Không thuộc thẩm quyền"))
                .statusCode(409).body("heldBy", equalTo(WARD));
        // It is in the receiving desk's queue of what it received for other offices.
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).queryParam("tab", "for-others").queryParam("limit", "200")
                .get("/api/t/{t}/queue", OTHER_WARD).then().statusCode(200).body("items.receiptCode", hasItem(code));
        // Worked to the result at the competent ward; handed back at the desk that received it.
        Dossiers.act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        Dossiers.act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
        Dossiers.act(Demo.OTHER_WARD_RECEIVER, OTHER_WARD, code, "mark-result-ready").statusCode(409).body("heldBy", equalTo(WARD));
        Dossiers.act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        Dossiers.act(Demo.OTHER_WARD_RECEIVER, OTHER_WARD, code, "return", Map.of("channel", "counter")).statusCode(200)
                .body("status", equalTo("returned"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("history[-1].action", equalTo("return")).body("history[-1].tenant", equalTo(OTHER_WARD));
    }

    @Test
    void anOnlineSubmissionNamesTheDeskAndTheCompetentWardAndIsTimedByTheCompetentWardsCalendar() {
        var submitted = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(receivedFor(BIRTH, OTHER_WARD, WARD, "online-full", birthForm())).post("/api/dossiers").then()
                .statusCode(201)
                .body("receiptCode", startsWith(YEN_HOA_AGENCY + "-"))
                .body("tenant", equalTo(WARD))
                .body("status", equalTo("submitted"))
                .extract();
        String code = submitted.path("receiptCode");
        assertTrue(inQueue(Demo.RECEIVER, WARD, "submitted", code), "the competent ward's desk receives it");
        // Điện Biên works Saturday mornings (tenants/calendars/local), Yên Hòa does not: the due time is Điện Biên's.
        OffsetDateTime dueAt = OffsetDateTime.parse(submitted.path("dueAt"));
        OffsetDateTime competentDue = OffsetDateTime.parse(given().queryParam("tenant", WARD)
                .queryParam("from", submitted.<String>path("submittedAt")).queryParam("days", "0.5").get("/api/calendar/due")
                .then().statusCode(200).extract().path("dueAt"));
        assertEquals(competentDue.toInstant(), dueAt.toInstant());
        // The applicant reads both offices.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("receivedBy", equalTo(OTHER_WARD)).body("competentTenant", equalTo(WARD));
    }

    @Test
    void aProcedureOnlyTheCompetentOfficeReceivesIsAFieldErrorOnTheDesk() {
        submitAtDesk(Demo.OTHER_WARD_RECEIVER, receivedFor(DEATH, OTHER_WARD, WARD, "counter", deathForm())).statusCode(400)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("tenant"))
                .body("errors.field", not(hasItem("competentTenant")));
        // Naming its own desk as the competent office is the ordinary submission.
        submitAtDesk(Demo.OTHER_WARD_RECEIVER, receivedFor(DEATH, OTHER_WARD, OTHER_WARD, "counter", deathForm())).statusCode(201)
                .body("receivedBy", equalTo(OTHER_WARD)).body("competentTenant", equalTo(OTHER_WARD));
    }

    @Test
    void theCompetentOfficeMustExistAndHandleTheProcedure() {
        // The demo city is one province: an office outside it is an unknown one here.
        for (String unknown : List.of("hue-phu-xuan", "atlantis", "x".repeat(10_000), "ba-dinh\u0000")) {
            submitAtDesk(Demo.OTHER_WARD_RECEIVER, receivedFor(BIRTH, OTHER_WARD, unknown, "counter", birthForm())).statusCode(400)
                    .body("errors.field", hasItem("competentTenant"));
        }
        // A district does not register births: the ward does.
        submitAtDesk(Demo.OTHER_WARD_RECEIVER, receivedFor(BIRTH, OTHER_WARD, Demo.DISTRICT, "counter", birthForm())).statusCode(400)
                .body("errors.find { it.field == 'competentTenant' }.message", equalTo("Đơn vị này không giải quyết thủ tục này."));
        // The receiving desk need not handle it: a district's desk receives a birth registration for its ward.
        submitAtDesk(Demo.DISTRICT_RECEIVER, receivedFor(BIRTH, Demo.DISTRICT, WARD, "counter", birthForm())).statusCode(201)
                .body("receiptCode", startsWith("000.00.01.H26-")).body("tenant", equalTo(WARD));
    }

    /** Whether {@code code} is in {@code tenant}'s queue of dossiers in {@code state}, read page by page. */
    private static boolean inQueue(String officer, String tenant, String state, String code) {
        String after = null;
        do {
            var request = given().auth().oauth2(Tokens.staff(officer)).queryParam("limit", 200).queryParam("state", state);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/api/t/{t}/queue", tenant).then().statusCode(200).extract();
            if (page.<List<String>>path("items.receiptCode").contains(code)) {
                return true;
            }
            after = page.path("next");
        } while (after != null);
        return false;
    }
}
