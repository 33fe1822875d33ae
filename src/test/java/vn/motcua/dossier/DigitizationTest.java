package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.act;
import static vn.motcua.dossier.Dossiers.deathForm;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Digitization at reception (Circular 03/2025/TT-VPCP): a dossier handed in on paper is received only once each
 * required paper is scanned or marked exempt with one of the Circular's reasons; marks are the holding office's,
 * logged in the history; the share digitized is reported per receiving desk.
 */
@QuarkusTest
class DigitizationTest {

    static byte[] png() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String byPost() {
        return given().auth().oauth2(Tokens.staff(Demo.POSTAL_CLERK)).contentType(ContentType.JSON)
                .body(Dossiers.submission(DEATH, WARD, "postal", deathForm())).post("/api/dossiers").then().statusCode(201)
                .extract().path("receiptCode");
    }

    static io.restassured.response.ValidatableResponse exempt(String officer, String tenant, String code, Object document, Map<String, ?> body) {
        return given().auth().oauth2(Tokens.staff(officer)).contentType(ContentType.JSON).body(body)
                .put("/api/t/{t}/dossiers/{c}/documents/{n}/exemption", tenant, code, document).then();
    }

    @Test
    void aPaperDossierIsReceivedOnlyOnceEachRequiredPaperIsScannedOrExempt() {
        String code = byPost();
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(400)
                .body("errors.field", containsInAnyOrder("document-1", "document-2", "document-3"));
        // Paper 1 scanned and attached by the desk; paper 2 shown only; paper 3 first exempt, then the mark withdrawn.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).multiPart("document", "1")
                .multiPart("file", "to-khai.png", png(), "image/png").post("/api/dossiers/{code}/attachments", code).then()
                .statusCode(201);
        exempt(Demo.RECEIVER, WARD, code, 2, Map.of("exemption", "shown-only", "note", "Đã đối chiếu bản chính")).statusCode(200)
                .body("find { it.document == 2 }.exemption", equalTo("shown-only"));
        exempt(Demo.RECEIVER, WARD, code, 3, Map.of("exemption", "confidential")).statusCode(200);
        exempt(Demo.RECEIVER, WARD, code, 3, Map.of()).statusCode(200).body("find { it.document == 3 }.exemption", equalTo(null));
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(400).body("errors.field", equalTo(java.util.List.of("document-3")));
        exempt(Demo.RECEIVER, WARD, code, 3, Map.of("exemption", "agency-result")).statusCode(200);
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200).body("status", equalTo("received"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{c}", WARD, code).then().statusCode(200)
                .body("history.action", hasItem("exempt")).body("history.action", hasItem("exemption-withdrawn"));
    }

    @Test
    void marksAreTheHoldingOfficesAndBoundedAndAnOnlineDossierNeedsNone() {
        String code = byPost();
        exempt(Demo.RECEIVER, WARD, code, 1, Map.of("exemption", "lost")).statusCode(400).body("errors[0].field", equalTo("exemption"));
        exempt(Demo.RECEIVER, WARD, code, 99, Map.of("exemption", "shown-only")).statusCode(400).body("errors[0].field", equalTo("document"));
        exempt(Demo.RECEIVER, WARD, code, "x", Map.of("exemption", "shown-only")).statusCode(400);
        exempt(Demo.RECEIVER, WARD, code, 1, Map.of("exemption", "shown-only", "note", "x".repeat(2001))).statusCode(400)
                .body("errors[0].field", equalTo("note"));
        // Another ward's desk cannot see it; a citizen cannot mark; a supervisor above reads but does not mark.
        exempt(Demo.OTHER_WARD_RECEIVER, Demo.OTHER_WARD, code, 1, Map.of("exemption", "shown-only")).statusCode(404);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body(Map.of("exemption", "shown-only"))
                .put("/api/t/{t}/dossiers/{c}/documents/1/exemption", WARD, code).then().statusCode(403);
        exempt(Demo.DISTRICT_RECEIVER, WARD, code, 1, Map.of("exemption", "shown-only")).statusCode(403);
        exempt(Demo.DISTRICT_RECEIVER, Demo.DISTRICT, code, 1, Map.of("exemption", "shown-only")).statusCode(404);
        // Online, the papers come with the dossier or later as a supplement: no digitization at reception.
        String online = Dossiers.submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, online, "receive").statusCode(200);
    }

    @Test
    void theShareDigitizedIsReportedPerDesk() {
        String code = byPost();
        Dossiers.digitized(Demo.RECEIVER, WARD, code);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", today).queryParam("to", today)
                .get("/api/t/{t}/digitization", WARD).then().statusCode(200)
                .body("components", greaterThanOrEqualTo(3)).body("exempt.shown-only", greaterThanOrEqualTo(3))
                .body("digitizedShare", org.hamcrest.Matchers.both(greaterThanOrEqualTo(0f)).and(org.hamcrest.Matchers.lessThanOrEqualTo(1f)));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", "2026-01-01").queryParam("to", "2027-12-31")
                .get("/api/t/{t}/digitization", WARD).then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", "hôm qua").queryParam("to", today)
                .get("/api/t/{t}/digitization", WARD).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", today).queryParam("to", today)
                .get("/api/t/{t}/digitization", Demo.OTHER_WARD).then().statusCode(403);
    }
}
