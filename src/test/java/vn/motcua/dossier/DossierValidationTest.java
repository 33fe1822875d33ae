package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static vn.motcua.dossier.Dossiers.*;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** Each class of bad submission gets a clear problem listing every field at fault, and nothing is stored. */
@QuarkusTest
class DossierValidationTest {

    static ValidatableResponse submit(Object body) {
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Accept-Language", "en").body(body).post("/api/dossiers").then();
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return m;
    }

    static Map<String, Object> deceased(String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) deathForm().get("deceased");
        return with(deathForm(), "deceased", with(person, key, value));
    }

    @Test
    void everyFieldErrorIsListedAtOnce() {
        Map<String, Object> form = with(with(with(deathForm(), "deathDate", "20/11/2026"), "contactPhone", "12345"),
                "deathPlace", null);
        submit(submission(DEATH, WARD, "online-full", with(form, "nickname", "x")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("form.deathDate", "form.contactPhone", "form.deathPlace", "form.nickname"))
                .body("errors.find { it.field == 'form.deathPlace' }.message", equalTo("This is required."))
                .body("errors.find { it.field == 'form.deathDate' }.message", containsString("year-month-day"));
    }

    @Test
    void aBirthOrADeathCannotBeInTheFuture() {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        submit(submission(DEATH, WARD, "online-full", with(deceased("birthDate", tomorrow), "deathDate", "2099-01-01")))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("form.deathDate", "form.deceased.birthDate"))
                .body("errors.message", hasItem("This date is in the future."));
    }

    @Test
    void aMissingFieldOfANestedPerson() {
        submit(submission(DEATH, WARD, "online-full", deceased("fullName", null))).statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("form.deceased.fullName")));
    }

    @Test
    void aWrongType() {
        submit(submission(DEATH, WARD, "online-full", with(deathForm(), "deceased", "Nguyễn Văn Cả"))).statusCode(400)
                .body("errors[0].field", equalTo("form.deceased"));
        submit(submission(BUSINESS, DISTRICT, "online-full", with(businessForm(), "capital", "năm mươi triệu"))).statusCode(400)
                .body("errors[0].field", equalTo("form.capital"))
                .body("errors[0].message", equalTo("Enter a number."));
        submit(submission(DEATH, WARD, "online-full", with(deathForm(), "applicantRelationship", "hang-xom"))).statusCode(400)
                .body("errors[0].message", containsString("vo-chong"));
    }

    @Test
    void badCitizenIds() {
        submit(submission(DEATH, WARD, "online-full", deceased("citizenId", "00104500123"))).statusCode(400)
                .body("errors[0].field", equalTo("form.deceased.citizenId"))
                .body("errors[0].message", containsString("12 digits"));
        submit(submission(DEATH, WARD, "online-full", deceased("citizenId", "099045001234"))).statusCode(400)
                .body("errors[0].message", containsString("099"));
        // Born in 1945 (century digit 0, year 45) but the number says 1955.
        submit(submission(DEATH, WARD, "online-full", deceased("citizenId", "001055001234"))).statusCode(400)
                .body("errors[0].message", containsString("1955"));
        // A woman's number (odd century digit) for a man.
        submit(submission(DEATH, WARD, "online-full", deceased("citizenId", "001145001234"))).statusCode(400)
                .body("errors[0].field", equalTo("form.deceased.citizenId"));
        // Separators people type are fine.
        submit(submission(DEATH, WARD, "online-full", deceased("citizenId", "001 045 001 234"))).statusCode(201)
                .body("form.deceased.citizenId", equalTo("001045001234"));
    }

    @Test
    void anUnknownProcedureOrTenant() {
        submit(submission("9.999999", WARD, "online-full", deathForm())).statusCode(400)
                .body("errors.field", hasItem("procedure"));
        submit(submission(DEATH, "no-such-ward", "online-full", deathForm())).statusCode(400)
                .body("errors.field", hasItem("tenant"));
    }

    @Test
    void aProcedureTheTenantDoesNotOffer() {
        // Household business registration is the district's, not the ward's.
        submit(submission(BUSINESS, WARD, "online-full", businessForm())).statusCode(422)
                .body("type", equalTo("/problems/procedure-not-offered"));
    }

    @Test
    void aChannelTheCallerMayNotUse() {
        submit(submission(DEATH, WARD, "counter", deathForm())).statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).contentType(ContentType.JSON)
                .body(submission(DEATH, WARD, "counter", deathForm())).post("/api/dossiers").then().statusCode(403);
    }

    @Test
    void aBadApplicantAndNoBodyAtAll() {
        submit(Map.of("procedure", DEATH, "tenant", WARD, "channel", "online-full",
                "applicant", Map.of("fullName", " ", "phone", "not a phone", "citizenId", "12"), "form", deathForm()))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("applicant.fullName", "applicant.phone", "applicant.citizenId"));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body("{\"procedure\": ")
                .post("/api/dossiers").then().statusCode(400).body("type", equalTo("/problems/bad-request"));
        given().contentType(ContentType.JSON).body(submission(DEATH, WARD, "online-full", deathForm()))
                .post("/api/dossiers").then().statusCode(401);
    }

    @Test
    void anIdempotentRetryReturnsTheSameDossierAndAConflictingOneIsRefused() {
        String key = UUID.randomUUID().toString();
        String code = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(submission(DEATH, WARD, "online-full", deathForm())).post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(submission(DEATH, WARD, "online-full", deathForm())).post("/api/dossiers")
                .then().statusCode(200).body("receiptCode", equalTo(code));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(submission(DEATH, WARD, "online-full", with(deathForm(), "deathPlace", "Tại nhà"))).post("/api/dossiers")
                .then().statusCode(422).body("type", equalTo("/problems/idempotency-conflict"));
        // Another citizen's key space is their own.
        given().auth().oauth2(Tokens.citizen(Demo.OTHER_CITIZEN)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(submission(DEATH, WARD, "online-full", deathForm())).post("/api/dossiers")
                .then().statusCode(201).body("receiptCode", org.hamcrest.Matchers.not(equalTo(code)));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/me/dossiers").then()
                .body("findAll { it.receiptCode == '" + code + "' }", hasSize(1));
    }
}
