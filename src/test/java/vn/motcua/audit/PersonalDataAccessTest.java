package vn.motcua.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Every read of a citizen's dossier by staff is logged with whose data it was and why; the citizen sees exactly
 * those entries, the office's administrators and auditors can search them, and nobody else sees them.
 */
@QuarkusTest
public class PersonalDataAccessTest {

    static final String WARD = Demo.WARD;

    static String submit() {
        return submit(Demo.CITIZEN);
    }

    /** A death registration at the ward by {@code citizen}, for themselves; its receipt code. */
    public static String submit(String citizen) {
        return given().auth().oauth2(Tokens.citizen(citizen)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Dossiers.submission(Dossiers.DEATH, WARD, "online-full", Dossiers.deathForm()))
                .post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
    }

    @Test
    void theCitizenSeesWhoReadTheirDossierWhereAndWhy() {
        String code = submit();
        // The citizen reading their own dossier is not an access to log.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}", code).then().statusCode(200);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_APPROVER)).get("/api/dossiers/{code}", code).then().statusCode(200);
        given().auth().oauth2(Tokens.staff(Demo.AUDITOR)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200);

        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).queryParam("limit", 500).get("/api/me/data-access").then().statusCode(200)
                .body("findAll { it.target == '" + code + "' }", hasSize(3))
                .body("findAll { it.target == '" + code + "' }.officer", containsInAnyOrder("Nguyễn Thị Lan", "Lý Thu Trang", "Ngô Thanh Bình"))
                .body("findAll { it.target == '" + code + "' }.purpose", containsInAnyOrder("processing", "supervision", "audit"))
                .body("findAll { it.target == '" + code + "' }.office.vi", everyItem(equalTo("Phường Điện Biên")))
                .body("findAll { it.target == '" + code + "' }.action", everyItem(equalTo("dossier.read")));
        // Another citizen sees none of it.
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).queryParam("limit", 500).get("/api/me/data-access").then().statusCode(200)
                .body("findAll { it.target == '" + code + "' }", empty());
    }

    @Test
    void theOfficesAdministratorSearchesTheLogByDossierAndOthersCannot() {
        String code = submit();
        given().auth().oauth2(Tokens.staff(Demo.PROCESSOR)).get("/api/t/{t}/dossiers/{code}", WARD, code).then().statusCode(200);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).queryParam("action", "dossier.read").queryParam("target", code)
                .get("/api/t/{t}/audit", WARD).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("Trần Văn Hùng"))
                .body("[0].purpose", equalTo("processing"))
                .body("[0].dataSubject", org.hamcrest.Matchers.startsWith("citizens:"))
                .body("[0].remoteAddr", org.hamcrest.Matchers.notNullValue());
        // The log of a tenant outside one's reach, and a citizen's own log for staff: refused.
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_ADMIN)).get("/api/t/{t}/audit", Demo.OTHER_WARD).then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/me/data-access").then().statusCode(403);
    }
}
