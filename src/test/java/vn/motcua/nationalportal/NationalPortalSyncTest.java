package vn.motcua.nationalportal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.act;
import static vn.motcua.dossier.Dossiers.deathForm;
import static vn.motcua.dossier.Dossiers.submitOnline;
import static vn.motcua.support.Await.await;
import static vn.motcua.support.Await.pause;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.nationalportal.domain.IntakeSignature;
import vn.motcua.notification.OutboxRelay;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;
import vn.motcua.tenant.TenantDirectory;

/**
 * The national public-service portal's sync and take-in, against a real HTTP stand-in of the portal's integration
 * platform (WireMock on 127.0.0.1:30291, the test profile's {@code motcua.national-portal.url}): every change of a
 * dossier reaches it in the documented shape, in order, with its message id; a portal that is down is retried, then
 * the row is dead-lettered and shown to the tenant's administrators, who send it again; an answer lost after the
 * portal took a message only sends the same message again. A dossier the portal delivers, signed, is taken in once
 * with a receipt code, however often it comes; a forged one is refused. The sync rate per tenant comes from the rows.
 */
@QuarkusTest
class NationalPortalSyncTest {

    static final String AUTH = "/dvcqg/auth";
    static final String SYNC = "/dvcqg/integration";
    static final String SECRET = "test-national-portal-secret";
    static final String WARD = Demo.WARD;
    /** A ward few other tests submit to: its sync figures move only with this test's dossiers. */
    static final String QUIET_WARD = Demo.WARD_KIM_MA;

    static WireMockServer portal;

    @Inject
    OutboxRelay relay;

    @Inject
    ScopedTransactions transactions;

    @Inject
    TenantDirectory tenants;

    @BeforeAll
    static void startPortal() {
        portal = new WireMockServer(WireMockConfiguration.options().port(30291).bindAddress("127.0.0.1"));
        portal.start();
    }

    @AfterAll
    static void stopPortal() {
        portal.stop();
    }

    @BeforeEach
    void portalUp() {
        portal.resetAll();
        portal.stubFor(post(urlPathEqualTo(AUTH)).atPriority(10)
                .willReturn(okJson("{\"error_code\":0,\"session\":\"phien-thu-nghiem\",\"message\":\"Thành công\"}")));
        portal.stubFor(post(urlPathEqualTo(SYNC)).atPriority(10).willReturn(okJson("{\"error_code\":\"00\",\"message\":\"Thành công\"}")));
        // Whatever other tests queued goes first, so that each test sees its own rows.
        drain();
        portal.resetRequests();
    }

    /** Relay rounds of the portal's lane until nothing is due. */
    void drain() {
        int idle = 0;
        for (int round = 0; round < 400 && idle < 2; round++) {
            int n = await(relay.runDestinations());
            idle = n == 0 ? idle + 1 : 0;
            pause(10);
        }
    }

    /** The bodies the portal received about a dossier, in order. */
    static List<JsonObject> received(String code) {
        return portal.findAll(postRequestedFor(urlPathEqualTo(SYNC)).withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo(code))))
                .stream().map(r -> new JsonObject(r.getBodyAsString())).toList();
    }

    static List<LoggedRequest> requests(String code, String service) {
        return portal.findAll(postRequestedFor(urlPathEqualTo(SYNC)).withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo(code)))
                .withRequestBody(matchingJsonPath("$.service", equalTo(service))));
    }

    /** The portal's rows of a dossier: kind, status, channel, attempts, last error, oldest first. */
    List<JsonObject> rows(String tenant, String code) {
        return await(transactions.onConnection(TenantScope.of(tenant), conn -> conn.preparedQuery("""
                select o.id, o.kind, o.status, o.channel, o.attempts, o.last_error from outbox o join dossier d on d.id = o.dossier_id
                 where d.receipt_code = $1 and o.kind in ('portal-status', 'rating') order by o.id""").execute(Tuple.of(code))
                .map(rows -> {
                    List<JsonObject> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(r.toJson()));
                    return out;
                })));
    }

    String agencyCode(String tenant) {
        return await(tenants.tree()).find(tenant).orElseThrow().agencyCode();
    }

    String name(String tenant) {
        return await(tenants.tree()).find(tenant).orElseThrow().name().vi();
    }

    // ------------------------------------------------------------------------------------------------ the sync

    @Test
    void everyChangeResultAndRatingReachesThePortalInItsDocumentedShapeAndOrder() {
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "assign").statusCode(200);
        act(Demo.PROCESSOR, WARD, code, "propose").statusCode(200);
        act(Demo.APPROVER, WARD, code, "approve").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "mark-result-ready").statusCode(200);
        act(Demo.RECEIVER, WARD, code, "return", Map.of("channel", "counter")).statusCode(200);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body(Map.of("score", 5, "comment", "Nhanh, tận tình"))
                .post("/api/dossiers/{code}/rating", code).then().statusCode(201);
        drain();

        List<JsonObject> bodies = received(code);
        List<String> dossier = bodies.stream().filter(b -> b.getString("service").equals("DongBoHoSoMC"))
                .map(b -> b.getJsonArray("data").getJsonObject(0).getString("TrangThaiHoSo")).toList();
        List<String> progress = bodies.stream().filter(b -> b.getString("service").equals("CapNhatTienDoHoSoMC"))
                .map(b -> b.getJsonArray("data").getJsonObject(0).getString("TrangThai")).toList();
        // submit, receive, assign, propose, approve, mark-result-ready, return: in order, each dossier then progress.
        assertEquals(List.of("1", "2", "4", "4", "9", "9", "10"), dossier);
        assertEquals(dossier, progress);
        assertEquals(15, bodies.size(), "7 changes × 2 messages, and the rating");
        assertEquals("DongBoDanhGiaHoSo", bodies.get(14).getString("service"));

        JsonObject first = bodies.get(0);
        assertEquals("phien-thu-nghiem", first.getString("session"));
        assertEquals("000.00.00.H26", first.getString("madonvi"));
        assertEquals("False", first.getString("isUpdating"));
        assertEquals("True", bodies.get(2).getString("isUpdating"));
        JsonObject d = first.getJsonArray("data").getJsonObject(0);
        assertEquals(DEATH, d.getString("MaTTHC"));
        assertFalse(d.getString("TenTTHC").isBlank());
        assertEquals("Nguyễn Văn An", d.getString("ChuHoSo"));
        assertEquals("2", d.getString("KenhThucHien"));
        assertEquals("0", d.getString("HinhThuc"));
        assertTrue(d.getString("NgayTiepNhan").matches("\\d{14}"), d.encode());
        assertTrue(d.getString("NgayHenTra").matches("\\d{14}"), d.encode());
        assertEquals("", d.getString("NgayTra"));
        assertEquals(agencyCode(WARD), d.getString("MaDonViXuLy"));
        assertEquals(name(WARD), d.getString("DonViXuLy"));
        assertFalse(d.containsKey("MaHoSoQG"), "not taken in from the portal");
        JsonObject returned = bodies.get(12).getJsonArray("data").getJsonObject(0);
        assertTrue(returned.getString("NgayTra").matches("\\d{14}") && returned.getString("NgayCoKetQua").matches("\\d{14}"), returned.encode());
        JsonObject step = bodies.get(1).getJsonArray("data").getJsonObject(0);
        assertTrue(step.getString("ThoiDiemXuLy").matches("\\d{14}"));
        assertFalse(step.getString("NoiDungXuLy").isBlank());
        JsonObject rating = bodies.get(14).getJsonArray("data").getJsonObject(0);
        assertEquals(5, rating.getInteger("DiemDanhGia"));
        assertEquals("Nhanh, tận tình", rating.getString("NoiDungDanhGia"));

        // One session for all of it (opened with the province's account, possibly before this test): every call carries it.
        assertTrue(portal.findAll(postRequestedFor(urlPathEqualTo(AUTH))).size() <= 1);
        assertTrue(bodies.stream().allMatch(b -> "phien-thu-nghiem".equals(b.getString("session"))));
        // Each row sent once, recorded on the row; both messages of a row carry its id.
        List<JsonObject> rows = rows(WARD, code);
        assertEquals(8, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.getString("status").equals("sent") && r.getString("channel").equals("national-portal")), rows.toString());
        List<LoggedRequest> pair = portal.findAll(postRequestedFor(urlPathEqualTo(SYNC))
                .withHeader("X-Motcua-Message-Id", equalTo("motcua-np-" + rows.get(0).getLong("id"))));
        assertEquals(2, pair.size());
    }

    @Test
    void aPortalThatIsDownIsRetriedThenDeadLetteredShownToAdministratorsAndSentAgainOnRequest() {
        portal.stubFor(post(urlPathEqualTo(SYNC)).atPriority(1).willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        drain();
        JsonObject row = rows(WARD, code).get(0);
        assertEquals("dead", row.getString("status"));
        assertEquals(3, row.getInteger("attempts"), "the test profile's attempts");
        assertTrue(row.getString("last_error").startsWith("national-portal: national portal HTTP 503"), row.getString("last_error"));
        // Three attempts, each the same message.
        List<LoggedRequest> tries = requests(code, "DongBoHoSoMC");
        assertEquals(3, tries.size());
        assertEquals(1, tries.stream().map(r -> r.getHeader("X-Motcua-Message-Id")).distinct().count());

        // The alert the console shows: the count, and the letter in the list.
        String admin = Tokens.staff(Demo.DISTRICT_ADMIN);
        long dead = ((Number) given().auth().oauth2(admin).get("/api/t/{tenant}/notifications", WARD).then().statusCode(200)
                .extract().path("deadLetters")).longValue();
        assertTrue(dead >= 1);
        List<Map<String, Object>> letters = given().auth().oauth2(admin).get("/api/t/{tenant}/notifications/dead-letters", WARD)
                .then().statusCode(200).extract().path("findAll { it.receiptCode == '" + code + "' }");
        assertEquals(1, letters.size());
        assertEquals("portal-status", letters.get(0).get("kind"));
        assertEquals("national-portal", letters.get(0).get("channel"));
        // On the console's alerts page, in words.
        String alerts = given().auth().oauth2(admin).accept("text/html").get("/console/{tenant}/alerts", WARD).then().statusCode(200)
                .extract().asString();
        assertTrue(alerts.contains("Đồng bộ hồ sơ " + code + " lên Cổng Dịch vụ công quốc gia"), alerts);

        // The portal is back: sent again on request, and delivered, in a new session (a failure forgets the old one),
        // opened with the province's account.
        portalUp();
        given().auth().oauth2(admin).post("/api/t/{tenant}/notifications/dead-letters/{id}/retry", WARD, row.getLong("id")).then().statusCode(204);
        drain();
        assertEquals("sent", rows(WARD, code).get(0).getString("status"));
        assertEquals(1, requests(code, "DongBoHoSoMC").size());
        assertEquals(1, requests(code, "CapNhatTienDoHoSoMC").size());
        assertEquals(1, portal.findAll(postRequestedFor(urlPathEqualTo(AUTH)).withRequestBody(matchingJsonPath("$.username", equalTo("motcua-test")))
                .withRequestBody(matchingJsonPath("$.password", equalTo("test-password")))).size());
    }

    @Test
    void anAnswerLostAfterThePortalTookTheMessageOnlySendsTheSameMessageAgain() {
        // The first call is answered too late (the test profile waits 1 s): the portal took it, we did not hear.
        portal.stubFor(post(urlPathEqualTo(SYNC)).atPriority(1).withRequestBody(matchingJsonPath("$.service", equalTo("DongBoHoSoMC")))
                .inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"error_code\":\"00\"}").withFixedDelay(1500)).willSetStateTo("answered"));
        String code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        drain();
        List<LoggedRequest> dossier = requests(code, "DongBoHoSoMC");
        assertEquals(2, dossier.size(), "sent again after the lost answer");
        assertEquals(dossier.get(0).getHeader("X-Motcua-Message-Id"), dossier.get(1).getHeader("X-Motcua-Message-Id"));
        JsonObject a = new JsonObject(dossier.get(0).getBodyAsString());
        JsonObject b = new JsonObject(dossier.get(1).getBodyAsString());
        assertEquals(a.getJsonArray("data"), b.getJsonArray("data"), "the same message: the portal updates the same dossier");
        assertEquals(1, requests(code, "CapNhatTienDoHoSoMC").size());
        JsonObject row = rows(WARD, code).get(0);
        assertEquals("sent", row.getString("status"));
    }

    // ------------------------------------------------------------------------------------------------ the take-in

    /** A dossier as the portal delivers it. */
    Map<String, Object> delivered(String portalId, String tenant) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("MaHoSoQG", portalId);
        body.put("MaTTHC", DEATH);
        body.put("MaDonVi", agencyCode(tenant));
        // Names the portal may send are never trusted: only codes are looked up.
        body.put("TenDonVi", "Ủy ban nhân dân phường Không Có");
        body.put("ChuHoSo", Map.of("HoTen", "Lê Thị Hoa", "SoDinhDanh", "001190004321", "SoDienThoai", "0913 222 333"));
        body.put("HinhThucNhanKetQua", "truc-tiep");
        body.put("DuLieuBieuMau", deathForm());
        return body;
    }

    static byte[] json(Object body) {
        return new JsonObject(io.vertx.core.json.Json.encode(body)).encode().getBytes(StandardCharsets.UTF_8);
    }

    static Response deliver(byte[] body, String secret, long at) {
        String ts = String.valueOf(at);
        return given().contentType(ContentType.JSON).header(IntakeSignature.TIMESTAMP_HEADER, ts)
                .header(IntakeSignature.SIGNATURE_HEADER, IntakeSignature.sign(secret, ts, body)).body(body)
                .post("/api/national-portal/dossiers");
    }

    static Response deliver(byte[] body) {
        return deliver(body, SECRET, System.currentTimeMillis() / 1000);
    }

    long dossiersOf(String portalId) {
        return await(transactions.onConnection(TenantScope.none().as("citizens:national-portal"), conn -> conn
                .preparedQuery("select count(*) from dossier where submitted_by = 'citizens:national-portal' and idempotency_key = $1")
                .execute(Tuple.of("dvcqg-" + portalId)).map(r -> r.iterator().next().getLong(0))));
    }

    @Test
    void aDossierDeliveredTwiceIsTakenInOnceWithItsReceiptCode() {
        String portalId = "G22.99-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = json(delivered(portalId, WARD));
        Response first = deliver(body);
        assertEquals(201, first.statusCode(), first.asString());
        String code = first.path("MaHoSo");
        assertEquals("00", first.path("error_code"));
        assertEquals(portalId, first.path("MaHoSoQG"));
        assertEquals("1", first.path("TrangThaiHoSo"));
        assertTrue(code.startsWith(agencyCode(WARD)), code);
        assertTrue(((String) first.path("NgayHenTra")).matches("\\d{14}"));
        // Delivered again (a retry of the portal's): the same code, nothing new.
        Response again = deliver(body);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(code, again.path("MaHoSo"));
        assertEquals(1, dossiersOf(portalId));

        // The ward's desk has it, submitted online by the portal, in its queue.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{tenant}/dossiers/{code}", WARD, code).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("submitted"))
                .body("channel", org.hamcrest.Matchers.equalTo("online-full"))
                .body("applicant.fullName", org.hamcrest.Matchers.equalTo("Lê Thị Hoa"));
        // Its changes go back to the portal under the portal's own id too.
        drain();
        JsonObject d = received(code).get(0).getJsonArray("data").getJsonObject(0);
        assertEquals(portalId, d.getString("MaHoSoQG"));
        assertEquals("1", d.getString("TrangThaiHoSo"));

        // The same id with another content is not the same dossier.
        Map<String, Object> changed = delivered(portalId, WARD);
        changed.put("ChuHoSo", Map.of("HoTen", "Lê Thị Hồng", "SoDienThoai", "0913 222 333"));
        Response conflict = deliver(json(changed));
        assertEquals(422, conflict.statusCode(), conflict.asString());
        assertEquals("/problems/idempotency-conflict", conflict.path("type"));
        assertEquals(1, dossiersOf(portalId));
    }

    @Test
    void twoDeliveriesAtTheSameMomentMakeOneDossier() throws Exception {
        String portalId = "G22.99-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = json(delivered(portalId, WARD));
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> deliver(body));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> deliver(body));
        Response ra = a.get();
        Response rb = b.get();
        assertEquals(java.util.Set.of(200, 201), java.util.Set.of(ra.statusCode(), rb.statusCode()), ra.asString() + rb.asString());
        assertEquals((String) ra.path("MaHoSo"), rb.path("MaHoSo"));
        assertEquals(1, dossiersOf(portalId));
    }

    @Test
    void aForgedOrUnsignedDeliveryIsRefusedAndCreatesNothing() {
        String portalId = "G22.99-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = json(delivered(portalId, WARD));
        long now = System.currentTimeMillis() / 1000;
        Map<String, Response> attempts = new java.util.LinkedHashMap<>();
        attempts.put("no signature", given().contentType(ContentType.JSON).body(body).post("/api/national-portal/dossiers"));
        attempts.put("an officer's token instead", given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).contentType(ContentType.JSON)
                .body(body).post("/api/national-portal/dossiers"));
        attempts.put("another secret", deliver(body, "not-the-secret", now));
        attempts.put("ten minutes old", deliver(body, SECRET, now - 600));
        byte[] other = json(delivered(portalId, Demo.OTHER_WARD));
        String ts = String.valueOf(now);
        attempts.put("the body changed after signing", given().contentType(ContentType.JSON).header(IntakeSignature.TIMESTAMP_HEADER, ts)
                .header(IntakeSignature.SIGNATURE_HEADER, IntakeSignature.sign(SECRET, ts, body)).body(other)
                .post("/api/national-portal/dossiers"));
        attempts.put("garbage headers", given().contentType(ContentType.JSON).header(IntakeSignature.TIMESTAMP_HEADER, "' OR 1=1 --")
                .header(IntakeSignature.SIGNATURE_HEADER, "\r\nX-Injected: yes").body(body).post("/api/national-portal/dossiers"));
        attempts.forEach((what, r) -> {
            assertEquals(401, r.statusCode(), what + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), what);
            assertEquals("/problems/signature-invalid", r.path("type"), what);
        });
        assertEquals(0, dossiersOf(portalId));
    }

    @Test
    void badFieldsAreReportedUnderThePortalsOwnNames() {
        Map<String, Object> body = delivered("G22.99-" + UUID.randomUUID().toString().substring(0, 8), WARD);
        body.put("MaDonVi", "000.99.99.H99");
        Response unknownOffice = deliver(json(body));
        assertEquals(400, unknownOffice.statusCode(), unknownOffice.asString());
        assertEquals(List.of("MaDonVi"), unknownOffice.path("errors.field"));

        body = delivered("G22.99-" + UUID.randomUUID().toString().substring(0, 8), WARD);
        body.put("ChuHoSo", Map.of("HoTen", "", "SoDienThoai", "12"));
        body.put("HinhThucNhanKetQua", "bo-cau");
        body.put("MaTTHC", "9.999999");
        Response bad = deliver(json(body));
        assertEquals(400, bad.statusCode(), bad.asString());
        List<String> fields = bad.path("errors.field");
        assertTrue(fields.containsAll(List.of("HinhThucNhanKetQua")), fields.toString());

        body = delivered("x".repeat(61), WARD);
        Response longId = deliver(json(body));
        assertEquals(400, longId.statusCode());
        assertEquals(List.of("MaHoSoQG"), longId.path("errors.field"));

        body = delivered("G22.99-" + UUID.randomUUID().toString().substring(0, 8), WARD);
        body.put("ChuHoSo", Map.of("HoTen", "", "SoDienThoai", "12"));
        Response person = deliver(json(body));
        assertEquals(400, person.statusCode(), person.asString());
        List<String> personFields = person.path("errors.field");
        assertTrue(personFields.containsAll(List.of("ChuHoSo.HoTen", "ChuHoSo.SoDienThoai")), personFields.toString());

        Response notJson = deliver("{\"MaHoSoQG\":".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notJson.statusCode(), notJson.asString());
    }

    // ------------------------------------------------------------------------------------------------ the sync rate

    JsonObject rates(String token, String tenant) {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.ofHours(7)).toString();
        return new JsonObject(given().auth().oauth2(token).queryParam("from", today).queryParam("to", today)
                .get("/api/t/{tenant}/national-portal/sync", tenant).then().statusCode(200).extract().asString());
    }

    static JsonObject unit(JsonObject rates, String listName, String tenant) {
        JsonArray list = rates.getJsonArray(listName);
        for (int i = 0; i < list.size(); i++) {
            if (list.getJsonObject(i).getString("tenant").equals(tenant)) {
                return list.getJsonObject(i);
            }
        }
        throw new AssertionError(tenant + " not in " + rates.encode());
    }

    @Test
    void theSyncRateIsReportedPerTenantFromTheRows() {
        String admin = Tokens.staff(Demo.DISTRICT_ADMIN);
        JsonObject before = unit(rates(admin, Demo.DISTRICT), "tenants", QUIET_WARD);

        // Two dossiers synced...
        submitOnline(Demo.CITIZEN, DEATH, QUIET_WARD, deathForm());
        submitOnline(Demo.CITIZEN, DEATH, QUIET_WARD, deathForm());
        drain();
        // ...and one the portal refused, waiting for its retry.
        portal.stubFor(post(urlPathEqualTo(SYNC)).atPriority(1).willReturn(aResponse().withStatus(500)));
        String waiting = submitOnline(Demo.CITIZEN, DEATH, QUIET_WARD, deathForm());
        await(relay.runDestinations());

        JsonObject rates = rates(admin, Demo.DISTRICT);
        assertTrue(rates.getBoolean("configured"));
        JsonObject after = unit(rates, "tenants", QUIET_WARD);
        assertEquals(before.getLong("total") + 3, after.getLong("total"), after.encode());
        assertEquals(before.getLong("synced") + 2, after.getLong("synced"), after.encode());
        assertEquals(before.getLong("pending") + 1, after.getLong("pending"), after.encode());
        assertEquals((double) after.getLong("synced") / after.getLong("total"), after.getDouble("share"), 1e-9);
        assertNotNull(after.getDouble("meanLagSeconds"));
        assertNotNull(after.getDouble("oldestUnsyncedSeconds"));
        assertEquals("pending", rows(QUIET_WARD, waiting).get(0).getString("status"));
        // The district's units hold the ward with its subtree; the total adds every unit up.
        JsonObject ward = unit(rates, "units", QUIET_WARD);
        assertEquals(after.getLong("total"), ward.getLong("total"));
        long sum = 0;
        for (int i = 0; i < rates.getJsonArray("units").size(); i++) {
            sum += rates.getJsonArray("units").getJsonObject(i).getLong("total");
        }
        assertEquals(rates.getJsonObject("total").getLong("total"), sum);

        // Who may not read the tenant's reports may not read this; a bad period is the field's error.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{tenant}/national-portal/sync", WARD).then().statusCode(403);
        given().auth().oauth2(admin).queryParam("from", "2026-13-01").get("/api/t/{tenant}/national-portal/sync", WARD).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("from"));

        // And on the console's reports dashboard, in Vietnamese.
        String page = given().auth().oauth2(admin).accept("text/html").get("/console/{tenant}/reports", Demo.DISTRICT).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Đồng bộ với Cổng Dịch vụ công quốc gia"), page);
        assertTrue(page.contains(name(QUIET_WARD)), page);
        portalUp();
    }
}
