package vn.motcua.notification;

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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.deathForm;
import static vn.motcua.dossier.Dossiers.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.dossier.Dossiers;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.support.AppPools;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The outbox relay against real stand-ins of its providers: GreenMail as the SMTP server (port 30251 in the test
 * profile), WireMock as eSMS.vn and Zalo ZNS (port 30289), checking the shape of each request. A provider that is down
 * or slow loses nothing: the notice is retried, then goes on the citizen's next channel, or is dead-lettered and shown
 * to the tenant's administrators, who send it again. Two relays at once never send a notice twice.
 */
@QuarkusTest
class NotificationRelayTest {

    static final String SMS_PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    static final String ZNS_PATH = "/message/template";

    static GreenMail smtp;
    static WireMockServer providers;

    @Inject
    OutboxRelay relay;

    @Inject
    DeadlineAlerts alerts;

    @Inject
    ScopedTransactions transactions;

    @Inject
    Vertx vertx;

    @BeforeAll
    static void startProviders() {
        smtp = new GreenMail(new ServerSetup(30251, "127.0.0.1", "smtp"));
        smtp.start();
        providers = new WireMockServer(WireMockConfiguration.options().port(30289).bindAddress("127.0.0.1"));
        providers.start();
    }

    @AfterAll
    static void stopProviders() {
        providers.stop();
        smtp.stop();
    }

    @BeforeEach
    void providersUp() {
        providers.resetAll();
        providers.stubFor(post(urlPathEqualTo(SMS_PATH)).atPriority(10)
                .willReturn(okJson("{\"CodeResult\":\"100\",\"CountRegenerate\":0,\"SMSID\":\"d533459ee42b2b9525ba9eabf6a8156\"}")));
        providers.stubFor(post(urlPathEqualTo(ZNS_PATH)).atPriority(10)
                .willReturn(okJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"a1b2\",\"sent_time\":\"1733100000000\"}}")));
        // Whatever earlier tests queued goes first, so that each test sees its own rows.
        drain();
    }

    /** A citizen submits online with this contact choice and phone; the receipt code. */
    static String submit(String phone, Map<String, Object> contact) {
        return submit(WARD, phone, contact);
    }

    /** The same at {@code ward}. */
    static String submit(String ward, String phone, Map<String, Object> contact) {
        Map<String, Object> body = new HashMap<>(submission(DEATH, ward, "online-full", deathForm()));
        body.put("applicant", Map.of("fullName", "Nguyễn Văn An", "citizenId", "001080001111", "phone", phone));
        if (contact != null) {
            body.put("contact", contact);
        }
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
    }

    /**
     * Relay rounds until nothing is due, each as the relay's timer runs it: on an event loop, outside any request. A
     * test method has a request context of its own, in which a request-scoped bean (Keycloak's admin client) works
     * that the running service could not reach (it failed every nearly-late e-mail at 1 M dossiers).
     */
    void drain() {
        int idle = 0;
        for (int round = 0; round < 200 && idle < 2; round++) {
            int n = outsideRequest(relay::runOnce);
            idle = n == 0 ? idle + 1 : 0;
            pause(10);
        }
    }

    /** The receipt row of a dossier: status, channel, attempts, last error. */
    JsonObject receiptRow(String code) {
        return await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                select o.id, o.status, o.channel, o.attempts, o.last_error from outbox o join dossier d on d.id = o.dossier_id
                 where d.receipt_code = $1 and o.kind = 'receipt'""").execute(Tuple.of(code)).map(rows -> rows.iterator().next().toJson())));
    }

    long count(String sql, Object... args) {
        return await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery(sql).execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0))));
    }

    List<MimeMessage> mailTo(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getAllRecipients() != null && java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                    out.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static String text(Part p) throws Exception {
        if (p.isMimeType("text/*")) {
            return (String) p.getContent();
        }
        StringBuilder sb = new StringBuilder();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                sb.append(text(mp.getBodyPart(i))).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void theReceiptCodeArrivesByEmailOverRealSmtpInVietnamese() throws Exception {
        String code = submit("0912 345 678", Map.of("email", "an.nguyen@example.vn", "channels", List.of("email")));
        drain();
        List<MimeMessage> mail = mailTo("an.nguyen@example.vn");
        assertEquals(1, mail.size());
        assertEquals("Biên nhận hồ sơ " + code, mail.get(0).getSubject());
        String body = text(mail.get(0));
        assertTrue(body.contains("Mã hồ sơ: " + code), body);
        assertTrue(body.contains("Kính gửi Nguyễn Văn An,"), body);
        assertTrue(body.contains("<html lang=\"vi\">"), "an HTML part: " + body);
        JsonObject row = receiptRow(code);
        assertEquals("sent", row.getString("status"));
        assertEquals("email", row.getString("channel"));
        // And in the portal, always.
        assertEquals(1, count("select count(*) from dossier_notice n join dossier d on d.id = n.dossier_id where d.receipt_code = $1", code));
    }

    @Test
    void inEnglishWhenTheCitizenChoseEnglish() throws Exception {
        String code = submit("0912 345 678", Map.of("email", "an.en@example.vn", "channels", List.of("email"), "language", "en"));
        drain();
        List<MimeMessage> mail = mailTo("an.en@example.vn");
        assertEquals(1, mail.size());
        assertEquals("Receipt for dossier " + code, mail.get(0).getSubject());
        String body = text(mail.get(0));
        assertTrue(body.contains("Dossier code: " + code) && body.contains("Dear Nguyễn Văn An,"), body);
    }

    @Test
    void smsGoesToEsmsInItsDocumentedShapeWithoutDiacritics() {
        String code = submit("0912 345 678", Map.of("channels", List.of("sms")));
        drain();
        long id = receiptRow(code).getLong("id");
        List<LoggedRequest> sent = providers.findAll(postRequestedFor(urlPathEqualTo(SMS_PATH))
                .withRequestBody(matchingJsonPath("$.RequestId", equalTo("motcua-" + id))));
        assertEquals(1, sent.size());
        LoggedRequest r = sent.get(0);
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        JsonObject body = new JsonObject(r.getBodyAsString());
        assertEquals("test-api-key", body.getString("ApiKey"));
        assertEquals("test-secret-key", body.getString("SecretKey"));
        assertEquals("0912345678", body.getString("Phone"));
        assertEquals("MOTCUA", body.getString("Brandname"));
        assertEquals("2", body.getString("SmsType"));
        assertEquals("0", body.getString("IsUnicode"));
        assertEquals("0", body.getString("Sandbox"));
        String content = body.getString("Content");
        assertTrue(content.contains(code) && content.contains("da nhan ho so"), content);
        assertTrue(content.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "ASCII only: " + content);
        assertTrue(content.length() <= 160, "one segment: " + content.length());
        assertEquals("sms", receiptRow(code).getString("channel"));
    }

    @Test
    void zaloZnsGetsItsTemplateWithTheAccessTokenHeader() {
        String code = submit("0912 345 678", Map.of("channels", List.of("zalo")));
        drain();
        long id = receiptRow(code).getLong("id");
        List<LoggedRequest> sent = providers.findAll(postRequestedFor(urlPathEqualTo(ZNS_PATH))
                .withHeader("access_token", equalTo("test-zalo-token"))
                .withRequestBody(matchingJsonPath("$.tracking_id", equalTo("motcua-" + id))));
        assertEquals(1, sent.size());
        JsonObject body = new JsonObject(sent.get(0).getBodyAsString());
        assertEquals("84912345678", body.getString("phone"));
        assertEquals("231001", body.getString("template_id"));
        JsonObject data = body.getJsonObject("template_data");
        assertEquals(code, data.getString("receipt_code"));
        assertEquals("Nguyễn Văn An", data.getString("customer_name"));
        assertFalse(data.getString("office").isBlank());
        assertEquals("sent", receiptRow(code).getString("status"));
    }

    @Test
    void anSmsProviderAnsweringErrorsIsRetriedThenTheNextChosenChannelDeliversTheCode() throws Exception {
        providers.stubFor(post(urlPathEqualTo(SMS_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.Phone", equalTo("0987654321")))
                .willReturn(aResponse().withStatus(500).withBody("Service Unavailable")));
        String code = submit("0987 654 321", Map.of("email", "fallback@example.vn", "channels", List.of("sms", "email")));
        drain();
        // Three attempts on SMS (the test's limit), each with the same RequestId, then e-mail.
        assertEquals(3, providers.findAll(postRequestedFor(urlPathEqualTo(SMS_PATH))
                .withRequestBody(matchingJsonPath("$.Phone", equalTo("0987654321")))).size());
        List<MimeMessage> mail = mailTo("fallback@example.vn");
        assertEquals(1, mail.size());
        assertTrue(mail.get(0).getSubject().contains(code));
        JsonObject row = receiptRow(code);
        assertEquals("sent", row.getString("status"));
        assertEquals("email", row.getString("channel"));
    }

    /**
     * The citizen chose e-mail only, and the SMTP server is down when the receipt is first sent: the attempt fails and
     * is recorded, nothing is lost, and the retry once the server is back delivers the code, once.
     */
    @Test
    void theReceiptCodeArrivesWhenTheFirstEmailFailsAndTheRetrySucceeds() throws Exception {
        smtp.stop();
        String code;
        try {
            code = submit("0912 345 678", Map.of("email", "retry.first@example.vn", "channels", List.of("email")));
            for (int i = 0; i < 50 && receiptRow(code).getInteger("attempts") == 0; i++) {
                await(relay.runOnce());
            }
            JsonObject failed = receiptRow(code);
            assertEquals("pending", failed.getString("status"));
            assertEquals(1, failed.getInteger("attempts"));
            assertTrue(failed.getString("last_error").startsWith("email:"), failed.getString("last_error"));
        } finally {
            smtp = new GreenMail(new ServerSetup(30251, "127.0.0.1", "smtp"));
            smtp.start();
        }
        drain();
        List<MimeMessage> mail = mailTo("retry.first@example.vn");
        assertEquals(1, mail.size());
        assertEquals("Biên nhận hồ sơ " + code, mail.get(0).getSubject());
        JsonObject row = receiptRow(code);
        assertEquals("sent", row.getString("status"));
        assertEquals("email", row.getString("channel"));
    }

    @Test
    void aProviderThatTimesOutIsRetriedThenDeadLetteredShownToAdministratorsAndSentAgainOnRequest() {
        providers.stubFor(post(urlPathEqualTo(ZNS_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.phone", equalTo("84977111222")))
                .willReturn(okJson("{\"error\":0,\"message\":\"Success\"}").withFixedDelay(1500)));
        String code = submit("0977 111 222", Map.of("channels", List.of("zalo")));
        drain();
        JsonObject row = receiptRow(code);
        assertEquals("dead", row.getString("status"));
        assertEquals(3, row.getInteger("attempts"));
        assertTrue(row.getString("last_error").startsWith("zalo:"), row.getString("last_error"));
        // Still in the portal.
        assertEquals(1, count("select count(*) from dossier_notice n join dossier d on d.id = n.dossier_id where d.receipt_code = $1", code));

        // The district's administrator (the ward's is theirs) sees the alert and the dead letter...
        String admin = Tokens.staff(Demo.DISTRICT_ADMIN);
        long dead = ((Number) given().auth().oauth2(admin).get("/api/t/{tenant}/notifications", WARD).then().statusCode(200)
                .extract().path("deadLetters")).longValue();
        assertTrue(dead >= 1);
        List<Map<String, Object>> letters = given().auth().oauth2(admin).get("/api/t/{tenant}/notifications/dead-letters", WARD)
                .then().statusCode(200).extract().path("findAll { it.receiptCode == '" + code + "' }");
        assertEquals(1, letters.size());
        // ...which a receiver may not list, nor send again.
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{tenant}/notifications/dead-letters", WARD).then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).post("/api/t/{tenant}/notifications/dead-letters/{id}/retry", WARD,
                row.getLong("id")).then().statusCode(403);
        given().auth().oauth2(admin).post("/api/t/{tenant}/notifications/dead-letters/{id}/retry", WARD, "abc").then().statusCode(404);

        // Zalo is back: the administrator sends it again, and it is delivered once.
        providers.resetAll();
        providersUp();
        given().auth().oauth2(admin).post("/api/t/{tenant}/notifications/dead-letters/{id}/retry", WARD, row.getLong("id"))
                .then().statusCode(204);
        given().auth().oauth2(admin).post("/api/t/{tenant}/notifications/dead-letters/{id}/retry", WARD, row.getLong("id"))
                .then().statusCode(404);
        drain();
        assertEquals("sent", receiptRow(code).getString("status"));
        assertEquals(1, providers.findAll(postRequestedFor(urlPathEqualTo(ZNS_PATH))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("84977111222")))).size());
    }

    /**
     * A round's writes go together (its notices in one transaction, its sends recorded in another), across tenants,
     * while a failure stays the failing row's own: one round over seven rows at two wards sends six and records the
     * seventh's failed attempt, and each of the seven has its notice in the portal.
     */
    @Test
    void oneRoundRecordsItsRowsTogetherAcrossTenantsAndAFailureStaysItsOwn() throws Exception {
        providers.stubFor(post(urlPathEqualTo(SMS_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.Phone", equalTo("0987111222")))
                .willReturn(aResponse().withStatus(500).withBody("Service Unavailable")));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(submit(i % 2 == 0 ? WARD : Demo.WARD_NGOC_HA, "0912 345 678",
                    Map.of("email", "together" + i + "@example.vn", "channels", List.of("email"))));
        }
        String failing = submit(Demo.WARD_NGOC_HA, "0987 111 222", Map.of("channels", List.of("sms")));
        assertEquals(7, (int) outsideRequest(relay::runOnce), "one round takes all seven");
        TenantScope both = TenantScope.of(WARD, Demo.WARD_NGOC_HA);
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(1, mailTo("together" + i + "@example.vn").size());
            assertEquals("sent", row(both, sent.get(i)).getString("status"), sent.get(i));
        }
        JsonObject failed = row(both, failing);
        assertEquals("pending", failed.getString("status"));
        assertEquals(1, failed.getInteger("attempts"));
        assertTrue(failed.getString("last_error").startsWith("sms:"), failed.getString("last_error"));
        for (String code : java.util.stream.Stream.concat(sent.stream(), java.util.stream.Stream.of(failing)).toList()) {
            assertEquals(1L, (long) await(transactions.onConnection(both, conn -> conn.preparedQuery(
                    "select count(*) from dossier_notice n join dossier d on d.id = n.dossier_id where d.receipt_code = $1")
                    .execute(Tuple.of(code)).map(rows -> rows.iterator().next().getLong(0)))), "the portal's notice of " + code);
        }
    }

    JsonObject row(TenantScope scope, String code) {
        return await(transactions.onConnection(scope, conn -> conn.preparedQuery("""
                select o.status, o.attempts, o.last_error from outbox o join dossier d on d.id = o.dossier_id
                 where d.receipt_code = $1 and o.kind = 'receipt'""").execute(Tuple.of(code)).map(rows -> rows.iterator().next().toJson())));
    }

    @Test
    void twoRelaysAtOnceNeverSendTheSameNoticeTwice() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            codes.add(submit("0912 345 678", Map.of("email", "twice" + i + "@example.vn", "channels", List.of("email"))));
        }
        Pool other = AppPools.open(vertx, 4);
        try {
            int idle = 0;
            for (int round = 0; round < 100 && idle < 2; round++) {
                // Both claim at the same moment, each on its own pool, as two replicas would.
                List<Integer> n = await(Uni.combine().all().unis(relay.runOnce(), relay.runOnce(other)).with((a, b) -> List.of(a, b)));
                idle = n.get(0) + n.get(1) == 0 ? idle + 1 : 0;
            }
        } finally {
            await(other.close());
        }
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(1, mailTo("twice" + i + "@example.vn").size(), "exactly one e-mail for " + codes.get(i));
            assertEquals("sent", receiptRow(codes.get(i)).getString("status"));
        }
    }

    /**
     * A citizen who hears in the portal only gets the receipt's notice with the dossier: the submission's transaction
     * writes it, and the receipt's outbox row is born sent, so that no relay round is spent on it (issue 20: that round
     * was a third of the database's work per submission at a morning's peak).
     */
    @Test
    void aPortalOnlyReceiptIsWrittenWithTheDossierAndNeverTakenByTheRelay() {
        String code = submit("0912 345 678", Map.of("channels", List.of("in-app")));
        JsonObject row = receiptRow(code);
        assertEquals("sent", row.getString("status"), "born sent");
        assertEquals("in-app", row.getString("channel"));
        assertEquals(1, row.getInteger("attempts"));
        assertEquals(List.of("receipt"), noticeKinds(code), "the notice is there before any relay round");
        assertEquals(0, (int) outsideRequest(relay::runOnce), "nothing left for the relay");
        assertEquals(List.of("receipt"), noticeKinds(code));
        // A citizen with an outside channel still goes through the relay: the row is pending until it is sent.
        String bySms = submit("0912 345 678", Map.of("channels", List.of("sms")));
        assertEquals("pending", receiptRow(bySms).getString("status"));
        assertEquals(List.of(), noticeKinds(bySms), "written by the round that sends it");
        drain();
        assertEquals("sent", receiptRow(bySms).getString("status"));
        assertEquals(List.of("receipt"), noticeKinds(bySms));
    }

    /**
     * A later notice for the portal only needs nothing outside the database: the round that locks its row writes the
     * notice and records the row in the same transaction, writing the row once, with no lease (its next attempt time
     * is still the one the action gave it).
     */
    @Test
    void aPortalOnlyNoticeIsWrittenAndRecordedInTheTransactionThatLockedIt() {
        String code = received(submit("0912 345 678", Map.of("channels", List.of("in-app"))));
        String due = nextAttempt(code, "received");
        assertEquals(1, (int) outsideRequest(relay::runOnce));
        JsonObject row = outboxRow(code, "received");
        assertEquals("sent", row.getString("status"));
        assertEquals("in-app", row.getString("channel"));
        assertEquals(1, row.getInteger("attempts"));
        assertEquals(due, nextAttempt(code, "received"), "recorded without a lease");
        assertEquals(List.of("received", "receipt"), noticeKinds(code));
        assertEquals(0, providers.findAll(postRequestedFor(urlPathEqualTo(SMS_PATH))).size(), "nothing sent outside");
    }

    /**
     * Rows another relay holds are passed over, never waited for; when that relay dies before its commit, nothing of
     * its round is kept, and its rows are due at once (no lease to wait out).
     */
    @Test
    void rowsLockedByARelayThatDiesAreTakenAtOnceByAnother() {
        String code = received(submit("0912 345 678", Map.of("channels", List.of("in-app"))));
        Pool other = AppPools.open(vertx, 1);
        try {
            io.vertx.mutiny.sqlclient.SqlConnection held = await(other.getConnection());
            await(held.query("BEGIN").execute());
            int locked = await(held.preparedQuery("select count(*) from notification_lock($1, 50)")
                    .execute(Tuple.of(vn.motcua.notification.domain.NoticeKind.wires().toArray(String[]::new)))
                    .map(rows -> rows.iterator().next().getInteger(0)));
            assertEquals(1, locked, "the other relay holds the new row");
            assertEquals(0, (int) outsideRequest(relay::runOnce), "held rows are passed over");
            assertEquals("pending", outboxRow(code, "received").getString("status"));
            // The other replica dies: PostgreSQL ends its transaction without a commit.
            await(held.query("ROLLBACK").execute());
            await(held.close());
            assertEquals(1, (int) outsideRequest(relay::runOnce), "due at once");
        } finally {
            await(other.close());
        }
        assertEquals("sent", outboxRow(code, "received").getString("status"));
        assertEquals(List.of("received", "receipt"), noticeKinds(code));
    }

    /**
     * The relay's nudge names its lane (V23): a submission whose receipt is for the portal only queues nothing for the
     * notice relay, and its commit nudges only the outward destinations' lane (its national-portal row); a receipt to
     * send by SMS nudges the notices' lane.
     */
    @Test
    void aNudgeNamesItsLaneAndAPortalOnlyReceiptNudgesNoNoticeRound() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.vertx.mutiny.pgclient.pubsub.PgSubscriber listener = io.vertx.mutiny.pgclient.pubsub.PgSubscriber.subscriber(vertx, AppPools.options());
        listener.channel("motcua_outbox").handler(heard::add);
        await(listener.connect());
        try {
            submit("0912 345 678", Map.of("channels", List.of("in-app")));
            // Both statements' signals come with the transaction's commit, together.
            waitFor(() -> heard.contains("destinations"));
            assertFalse(heard.contains("notices"), heard.toString());
            heard.clear();
            submit("0912 345 678", Map.of("channels", List.of("sms")));
            waitFor(() -> heard.contains("notices"));
            assertTrue(heard.contains("destinations"), heard.toString());
        } finally {
            await(listener.close());
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            pause(10);
        }
        assertTrue(condition.getAsBoolean(), "not within 5 s");
    }

    /** The desk receives the dossier (its papers marked exempt, as shown): a "received" notice is queued. */
    static String received(String code) {
        Dossiers.digitized(Demo.RECEIVER, WARD, code);
        Dossiers.act(Demo.RECEIVER, WARD, code, "receive").statusCode(200);
        return code;
    }

    /** The kinds of a dossier's notices in the portal, newest first. */
    List<String> noticeKinds(String code) {
        return await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                select n.kind from dossier_notice n join dossier d on d.id = n.dossier_id
                 where d.receipt_code = $1 order by n.outbox_id desc""").execute(Tuple.of(code)).map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                })));
    }

    /** A dossier's outbox row of {@code kind}: status, channel, attempts, last error. */
    JsonObject outboxRow(String code, String kind) {
        return await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                select o.id, o.status, o.channel, o.attempts, o.last_error from outbox o join dossier d on d.id = o.dossier_id
                 where d.receipt_code = $1 and o.kind = $2""").execute(Tuple.of(code, kind)).map(rows -> rows.iterator().next().toJson())));
    }

    /** When the dossier's row of {@code kind} is next due, as text (microseconds, exactly as stored). */
    String nextAttempt(String code, String kind) {
        return await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                select o.next_attempt_at::text from outbox o join dossier d on d.id = o.dossier_id
                 where d.receipt_code = $1 and o.kind = $2""").execute(Tuple.of(code, kind)).map(rows -> rows.iterator().next().getString(0))));
    }

    @Test
    void aNearlyLateStepIsAlertedOnceToTheLeaderByEmailAndInTheConsole() throws Exception {
        String code = submit("0912 345 678", null);
        drain();
        await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                update dossier_step s set due_at = clock_timestamp() + interval '1 hour' from dossier d
                 where d.id = s.dossier_id and s.seq = d.current_step and d.receipt_code = $1""").execute(Tuple.of(code))));
        // Two replicas scanning at once, then again: one alert, one e-mail queued.
        await(Uni.combine().all().unis(alerts.raise(), alerts.raise()).discardItems());
        await(alerts.raise());
        assertEquals(1, count("select count(*) from deadline_alert where receipt_code = $1", code));
        assertEquals(1, count("select count(*) from outbox o join dossier d on d.id = o.dossier_id where d.receipt_code = $1"
                + " and o.kind = 'nearly-late'", code));
        drain();
        List<MimeMessage> mail = mailTo("lanhdao.dienbien@demo.motcua.vn").stream().filter(m -> {
            try {
                return m.getSubject().equals("Hồ sơ " + code + " sắp đến hạn");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, mail.size());
        List<String> nearlyLate = given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{tenant}/notifications", WARD)
                .then().statusCode(200).extract().path("nearlyLate.receiptCode");
        assertTrue(nearlyLate.contains(code), nearlyLate.toString());
    }

    @Test
    void aBadContactChoiceIsAFieldErrorNotASubmission() {
        Map<String, Object> body = new HashMap<>(submission(DEATH, WARD, "online-full", deathForm()));
        body.put("contact", Map.of("email", "not an address", "channels", List.of("email", "pigeon"), "language", "fr"));
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON).body(body).post("/api/dossiers")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("contact.email", "contact.channels", "contact.language"));
    }

    <T> T outsideRequest(java.util.function.Supplier<Uni<T>> work) {
        java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
        vertx.getDelegate().runOnContext(v -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        try {
            return done.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(Uni<T> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> uni);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
