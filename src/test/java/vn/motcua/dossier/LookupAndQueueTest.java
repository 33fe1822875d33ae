package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/** The public look-up, forgiving of how the code is typed, and the officers' keyset-paged queue. */
@QuarkusTest
class LookupAndQueueTest {

    @Test
    void theLookupForgivesCaseSpacesSeparatorsAndAMissingPrefix() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        String sloppy = code.toLowerCase().replace("-", " / ").replace(".", " ");
        String withoutAgency = code.substring(code.indexOf('-') + 1);
        for (String typed : List.of(code, sloppy, withoutAgency, " " + code + " ")) {
            given().queryParam("code", typed).queryParam("phone", "+84 912-345-678").header("Accept-Language", "en")
                    .get("/api/lookup").then().statusCode(200)
                    .body("receiptCode", equalTo(code))
                    .body("status", equalTo("received"))
                    .body("statusText", equalTo("Received, waiting for a specialist"))
                    .body("step.vi", notNullValue())
                    .body("office.vi", equalTo("Phường Điện Biên"))
                    .body("dueAt", notNullValue())
                    .body("$", not(hasKey("applicant")))
                    .body("$", not(hasKey("form")));
        }
        // The wrong phone finds nothing, and says no more than an unknown code.
        given().queryParam("code", code).queryParam("phone", "0987 654 321").get("/api/lookup").then().statusCode(404)
                .body("type", equalTo("/problems/dossier-not-found"));
        given().queryParam("code", "000.00.00.H26-000101-9999").queryParam("phone", PHONE).get("/api/lookup").then().statusCode(404);
        given().queryParam("code", "12").get("/api/lookup").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("code", "phone"));
    }

    @Test
    void theQueueIsKeysetPagedSoonestDueFirstWithTimeLeft() {
        String tenant = Demo.WARD_KIM_MA;
        // Submit through the post office that serves the ward, so this queue holds only these.
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(Tokens.staff(Demo.POSTAL_CLERK)).contentType("application/json")
                    .body(submission(DEATH, tenant, "postal", deathForm())).post("/api/dossiers").then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        OffsetDateTime previous = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).queryParam("limit", 3).queryParam("state", "submitted");
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/api/t/{t}/queue", tenant).then().statusCode(200)
                    .body("items.status", everyItem(equalTo("submitted")))
                    .body("items.timeliness", everyItem(equalTo("on-time")))
                    .body("items.step", everyItem(equalTo("receive")))
                    .extract();
            List<String> codes = page.path("items.receiptCode");
            List<String> dues = page.path("items.dueAt");
            List<Integer> left = page.path("items.workingMinutesLeft");
            assertTrue(codes.size() <= 3);
            for (int i = 0; i < codes.size(); i++) {
                OffsetDateTime due = OffsetDateTime.parse(dues.get(i));
                assertTrue(previous == null || !due.isBefore(previous), "sorted by due time");
                previous = due;
                // Half a day from the clock start; after the cut-off the clock starts next morning, and what is
                // left of today's session comes on top: a working day at most.
                assertTrue(left.get(i) > 0 && left.get(i) <= 480, "a working day at most: " + left.get(i));
            }
            seen.addAll(codes);
            after = page.path("next");
            pages++;
        } while (after != null);
        assertEquals(7, seen.size());
        assertEquals(7, new HashSet<>(seen).size(), "no row twice across pages");
        assertEquals(3, pages);

        // Filters and their errors; another ward's officer may not read this queue.
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).queryParam("due", "late").get("/api/t/{t}/queue", tenant).then()
                .statusCode(200).body("items.timeliness", everyItem(equalTo("late")));
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).queryParam("state", "nonsense").get("/api/t/{t}/queue", tenant).then()
                .statusCode(400).body("errors[0].field", equalTo("state"));
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).queryParam("after", "garbage!").get("/api/t/{t}/queue", tenant).then()
                .statusCode(400);
        // The page size's errors: PageLimitApiTest, with every other listing's.
        given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).get("/api/t/{t}/queue", tenant).then().statusCode(403);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/t/{t}/queue", tenant).then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).get("/api/t/{t}/queue", "no-such").then().statusCode(404);
        act(Demo.DISTRICT_RECEIVER, tenant, seen.get(0), "receive", Map.of()).statusCode(403);
    }
}
