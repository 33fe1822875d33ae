package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.act;
import static vn.motcua.dossier.Dossiers.deathForm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The desk's queues through the API and the console's live signal: each queue holds the dossiers of its states, the
 * counts agree with the lists, a search finds a name typed without diacritics, an ID number, a procedure's name; bad
 * input is a 400 beside its parameter; and a submission reaches an open event stream.
 */
@QuarkusTest
class QueueTabsTest {

    /** The ward of the demo's desk officer; tests run one after the other, so its counts hold still within a test. */
    static final String TENANT = Demo.WARD;

    @TestHTTPResource("/")
    URL base;

    @Test
    void eachQueueHoldsItsStatesAndTheCountsAgree() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String online = submit("Đỗ Thị Mơ " + tag, "001090" + digits(6));
        String received = submit("Đỗ Thị Mơ " + tag, "001090" + digits(6));
        act(Demo.RECEIVER, TENANT, received, "receive").statusCode(200);
        String officer = token(Demo.RECEIVER);
        Map<String, List<String>> expected = Map.of("online", List.of(online), "receive", List.of(online), "process", List.of(received),
                "approve", List.of(), "waiting", List.of(), "late", List.of());
        expected.forEach((tab, codes) -> given().auth().oauth2(officer).queryParam("tab", tab).queryParam("q", tag)
                .get("/api/t/{t}/queue", TENANT).then().statusCode(200).body("items.receiptCode", equalTo(codes)));
        given().auth().oauth2(officer).queryParam("q", tag).get("/api/t/{t}/queue", TENANT).then().statusCode(200)
                .body("items.receiptCode", org.hamcrest.Matchers.containsInAnyOrder(online, received));
        Map<String, Object> counts = given().auth().oauth2(officer).get("/api/t/{t}/queue/counts", TENANT).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        for (String tab : List.of("online", "receive", "process", "approve", "waiting", "soon", "late")) {
            int listed = given().auth().oauth2(officer).queryParam("tab", tab).queryParam("limit", "200").get("/api/t/{t}/queue", TENANT)
                    .then().statusCode(200).extract().jsonPath().getList("items").size();
            long counted = ((Number) counts.get(tab.equals("return") ? "toReturn" : tab)).longValue();
            assertTrue(counted > 200 ? listed == 200 : counted == listed, tab + ": counted " + counted + ", listed " + listed);
        }
        assertTrue(((Number) counts.get("online")).longValue() >= 1 && ((Number) counts.get("process")).longValue() >= 1, counts::toString);
    }

    @Test
    void aSearchFindsANameWithoutDiacriticsAnIdNumberOrAProcedure() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String id = "001090" + digits(6);
        String code = submit("Hoàng Văn Đức " + tag, id);
        String officer = token(Demo.RECEIVER);
        for (String q : List.of("hoang van duc " + tag, "HOÀNG VĂN ĐỨC " + tag.toUpperCase(), "đức " + tag, id)) {
            given().auth().oauth2(officer).queryParam("q", q).get("/api/t/{t}/queue", TENANT).then().statusCode(200)
                    .body("items.receiptCode", equalTo(List.of(code)));
        }
        // A procedure's name without its diacritics finds that procedure's dossiers (the catalog's forgiving search may
        // bring a near one too: "khai tu" also reaches "khai sinh" through its guide).
        given().auth().oauth2(officer).queryParam("q", "khai tu").queryParam("limit", "200").get("/api/t/{t}/queue", TENANT).then()
                .statusCode(200).body("items.procedure", hasItem(DEATH));
        // A wildcard is a character, not a pattern.
        given().auth().oauth2(officer).queryParam("q", "%").get("/api/t/{t}/queue", TENANT).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        given().auth().oauth2(officer).queryParam("q", "_").get("/api/t/{t}/queue", TENANT).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void badInputIsRefusedBesideItsParameter() {
        String officer = token(Demo.RECEIVER);
        given().auth().oauth2(officer).queryParam("tab", "everything").get("/api/t/{t}/queue", TENANT).then().statusCode(400)
                .body("errors[0].field", equalTo("tab"));
        given().auth().oauth2(officer).queryParam("q", "x".repeat(101)).get("/api/t/{t}/queue", TENANT).then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().auth().oauth2(officer).queryParam("q", "a\u0000b").get("/api/t/{t}/queue", TENANT).then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().auth().oauth2(officer).queryParam("after", "not-a-cursor").get("/api/t/{t}/queue", TENANT).then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().auth().oauth2(officer).queryParam("tab", "approve").queryParam("state", "received").get("/api/t/{t}/queue", TENANT).then()
                .statusCode(400).body("errors[0].field", equalTo("state"));
        // The console's page: the same refusals beside the search box, never a 500.
        given().auth().oauth2(officer).accept("text/html").queryParam("q", "x".repeat(101)).get("/console/{t}/queue", TENANT).then()
                .statusCode(400).body(org.hamcrest.Matchers.containsString("id=\"q-error\""));
        given().auth().oauth2(officer).accept("text/html").queryParam("after", "%%%").get("/console/{t}/queue", TENANT).then()
                .statusCode(400);
        given().auth().oauth2(officer).accept("text/html").queryParam("tab", "<script>").get("/console/{t}/queue", TENANT).then()
                .statusCode(200).body(not(org.hamcrest.Matchers.containsString("<script>")));
        // A citizen has no queue.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/t/{t}/queue/counts", TENANT).then().statusCode(403);
    }

    @Test
    void aSubmissionReachesAnOpenEventStream() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "console/" + TENANT + "/queue/events"))
                .header("Authorization", "Bearer " + token(Demo.RECEIVER)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("data:open", readData(lines));
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> readData(lines));
            submit("Vũ Thị Lan", "001090" + digits(6));
            assertEquals("data:changed", next.get(10, TimeUnit.SECONDS));
        }
        // Another office's stream is not this officer's to open.
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(base + "console/" + Demo.OTHER_WARD + "/queue/events"))
                .header("Authorization", "Bearer " + token(Demo.RECEIVER)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, other.statusCode());
    }

    private static String readData(BufferedReader lines) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:") && !line.equals("data:ping")) {
                    return line.replace("data: ", "data:");
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String token(String officer) {
        return Tokens.staff(officer);
    }

    private static String digits(int n) {
        return String.format("%0" + n + "d", (long) (Math.random() * Math.pow(10, n)));
    }

    private static String submit(String name, String citizenId) {
        Map<String, Object> submission = new HashMap<>(Dossiers.submission(DEATH, TENANT, "online-full", deathForm(), name));
        submission.put("applicant", Map.of("fullName", name, "citizenId", citizenId, "phone", Dossiers.PHONE));
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(submission).post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
    }
}
