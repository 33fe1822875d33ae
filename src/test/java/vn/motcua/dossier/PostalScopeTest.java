package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.PHONE;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.act;
import static vn.motcua.dossier.Dossiers.deathForm;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * A post office sees what it took in and what it must deliver, with only the fields it needs, and nothing else;
 * delivering returns the dossier.
 */
@QuarkusTest
class PostalScopeTest {

    static final String OFFICE = Demo.POST_OFFICE;
    static final String CLERK = Demo.POSTAL_CLERK;
    static final String ADDRESS = "Số 3 ngõ 12 Đội Cấn, Ba Đình, Hà Nội";

    static Map<String, Object> byPost(String channel, String address) {
        Map<String, Object> body = new HashMap<>(Dossiers.submission(DEATH, WARD, channel, deathForm()));
        body.put("returnChannel", "post");
        if (address != null) {
            body.put("deliveryAddress", address);
        }
        return body;
    }

    static ValidatableResponse submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/dossiers").then();
    }

    static ValidatableResponse list(String user, String office, String kind) {
        return given().auth().oauth2(Tokens.staff(user)).queryParam("kind", kind).queryParam("limit", 200)
                .get("/api/postal/{office}/dossiers", office).then();
    }

    @Test
    void theOfficeSeesWhatItTookInWithoutTheFormOrTheCitizenId() {
        String code = submit(Tokens.staff(CLERK), byPost("postal", ADDRESS)).statusCode(201).extract().path("receiptCode");
        list(CLERK, OFFICE, "intake").statusCode(200)
                .body("receiptCode", hasItem(code))
                .body("find { it.receiptCode == '" + code + "' }.applicantName", equalTo("Nguyễn Văn An"))
                .body("find { it.receiptCode == '" + code + "' }.applicantPhone", equalTo(PHONE))
                .body("find { it.receiptCode == '" + code + "' }.deliveryAddress", nullValue())
                .body("find { it.receiptCode == '" + code + "' }", not(org.hamcrest.Matchers.hasKey("form")))
                .body("find { it.receiptCode == '" + code + "' }", not(org.hamcrest.Matchers.hasKey("citizenId")));
        // Taken in here, and going back by post: this office delivers it too.
        list(CLERK, OFFICE, "delivery").statusCode(200).body("receiptCode", hasItem(code))
                .body("find { it.receiptCode == '" + code + "' }.deliveryAddress", equalTo(ADDRESS));
    }

    @Test
    void onceHandedOverTheOfficeNoLongerReadsThePerson() {
        String code = submit(Tokens.staff(CLERK), byPost("postal", ADDRESS)).statusCode(201).extract().path("receiptCode");
        Dossiers.digitized(Demo.RECEIVER, WARD, code);
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        list(CLERK, OFFICE, "intake").statusCode(200)
                .body("receiptCode", hasItem(code))
                .body("find { it.receiptCode == '" + code + "' }.status", equalTo("received"))
                .body("find { it.receiptCode == '" + code + "' }.applicantName", nullValue())
                .body("find { it.receiptCode == '" + code + "' }.applicantPhone", nullValue());
        // On the round the postman still needs them, until the result is delivered.
        list(CLERK, OFFICE, "delivery").statusCode(200)
                .body("find { it.receiptCode == '" + code + "' }.applicantName", equalTo("Nguyễn Văn An"))
                .body("find { it.receiptCode == '" + code + "' }.deliveryAddress", equalTo(ADDRESS));
    }

    @Test
    void aCitizensDossierGoingBackByPostIsOnTheOfficesRoundAndDeliveringReturnsIt() {
        String citizen = Tokens.citizen(Demo.CITIZEN);
        String code = submit(citizen, byPost("online-full", ADDRESS)).statusCode(201).extract().path("receiptCode");
        list(CLERK, OFFICE, "delivery").statusCode(200).body("receiptCode", hasItem(code));
        list(CLERK, OFFICE, "intake").statusCode(200).body("receiptCode", not(hasItem(code)));
        // The clerk reads no more than the list: the dossier itself is not theirs.
        given().auth().oauth2(Tokens.staff(CLERK)).get("/api/dossiers/{code}", code).then().statusCode(404);
        // Not before the result is ready.
        deliver(code).statusCode(409).body("state", equalTo("submitted"));

        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        deliver(code).statusCode(200).body("status", equalTo("returned")).body("closedAt", org.hamcrest.Matchers.notNullValue())
                .body("applicantName", nullValue()).body("deliveryAddress", nullValue());
        deliver(code).statusCode(409);
        given().auth().oauth2(citizen).get("/api/dossiers/{code}", code).then().statusCode(200)
                .body("status", equalTo("returned"))
                .body("history[-1].action", equalTo("return"));
        // The ward's own record names the clerk who delivered it.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("history[-1].by", equalTo("Đặng Thị Mai"))
                .body("history[-1].detail.channel", equalTo("post"));
    }

    @Test
    void anotherOfficeAnUnknownOneAndEveryoneElseAreRefused() {
        String code = submit(Tokens.citizen(Demo.CITIZEN), byPost("online-full", ADDRESS)).statusCode(201).extract().path("receiptCode");
        list(CLERK, Demo.OTHER_POST_OFFICE, "delivery").statusCode(403);
        list(CLERK, "bd-khong-co", "delivery").statusCode(404);
        list(Demo.RECEIVER, OFFICE, "delivery").statusCode(403);
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).get("/api/postal/{office}/dossiers", OFFICE).then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/postal/{office}/dossiers/{code}/deliver", OFFICE, code).then().statusCode(403);
        list(CLERK, OFFICE, "sideways").statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void goingBackByPostNeedsAnAddress() {
        submit(Tokens.citizen(Demo.CITIZEN), byPost("online-full", null)).statusCode(400)
                .body("errors.field", hasItem("deliveryAddress"));
    }

    static ValidatableResponse deliver(String code) {
        return given().auth().oauth2(Tokens.staff(CLERK)).contentType(ContentType.JSON).body(Map.of("note", "Người nhận: Nguyễn Văn An"))
                .post("/api/postal/{office}/dossiers/{code}/deliver", OFFICE, code).then();
    }
}
