package vn.motcua.payment.usecase;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;
import vn.motcua.support.VnpayTestGateway;

/**
 * Paying a dossier's fee through VNPAY, against a local stand-in of the gateway ({@link VnpayTestGateway}): the signed
 * redirect, the callback (good, forged, wrong amount, twice, before the citizen is back, replayed for another
 * dossier), reconciliation when the callback never came, the refund of a refused dossier's fee, and payments at the
 * counter with their electronic receipts.
 */
@QuarkusTest
class PaymentGatewayTest {

    static final String DISTRICT = Demo.DISTRICT;
    static final VnpayTestGateway GATEWAY = VnpayTestGateway.start();

    @Inject
    Reconciliation reconciliation;

    /** A business registration (50,000 đ online, 100,000 đ at the counter) submitted online at the district. */
    static String submitted() {
        return Dossiers.submitOnline(Demo.CITIZEN, Dossiers.BUSINESS, DISTRICT, Dossiers.businessForm());
    }

    static ValidatableResponse payment(String code) {
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).get("/api/dossiers/{code}/payment", code).then();
    }

    static ValidatableResponse officerView(String code) {
        return given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).get("/api/t/{t}/dossiers/{code}/payment", DISTRICT, code).then();
    }

    /** Starts a payment and follows the redirect to the gateway, as the citizen's browser would; the reference. */
    static String pay(String code) throws Exception {
        JsonPath started = given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).post("/api/dossiers/{code}/payment", code)
                .then().statusCode(200).extract().jsonPath();
        String url = started.getString("redirectUrl");
        assertTrue(url.startsWith(GATEWAY.base + "/paymentv2/vpcpay.html?"), url);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the gateway found the redirect's signature good");
        return started.getString("txnRef");
    }

    static JsonPath ipn(Map<String, String> params) {
        return given().queryParams(params).get("/api/payments/vnpay/ipn").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, String> paid(String txnRef) {
        return GATEWAY.ipn(txnRef, "00", "5000000", VnpayTestGateway.SECRET);
    }

    @Test
    void aGoodPaymentIsSignedConfirmedOnceAndGetsAnElectronicReceipt() throws Exception {
        String code = submitted();
        // The fee of the online channel: the catalog's online discount (50,000 đ against 100,000 đ at the counter).
        payment(code).statusCode(200).body("fee", equalTo(50000)).body("channel", equalTo("online-full"))
                .body("state", nullValue()).body("payable", equalTo(true));
        String txnRef = pay(code);
        Map<String, String> sent = GATEWAY.redirects.get(txnRef);
        assertEquals("2.1.0", sent.get("vnp_Version"));
        assertEquals("pay", sent.get("vnp_Command"));
        assertEquals(VnpayTestGateway.TMN_CODE, sent.get("vnp_TmnCode"));
        assertEquals("5000000", sent.get("vnp_Amount"), "the amount × 100");
        assertEquals("VND", sent.get("vnp_CurrCode"));
        assertEquals("vn", sent.get("vnp_Locale"));
        assertTrue(sent.get("vnp_OrderInfo").contains(code), sent.get("vnp_OrderInfo"));
        assertTrue(sent.get("vnp_ReturnUrl").endsWith("/payments/vnpay/return"), sent.get("vnp_ReturnUrl"));
        assertTrue(sent.get("vnp_CreateDate").matches("\\d{14}") && sent.get("vnp_ExpireDate").compareTo(sent.get("vnp_CreateDate")) > 0);
        payment(code).body("state", equalTo("pending"));

        JsonPath answer = ipn(paid(txnRef));
        assertEquals("00", answer.getString("RspCode"));
        assertEquals("Confirm Success", answer.getString("Message"));
        String receipt = payment(code).body("state", equalTo("paid")).body("method", equalTo("gateway")).body("payable", equalTo(false))
                .body("eReceiptNo", matchesPattern("BL\\d{4}-\\d{7}")).extract().path("eReceiptNo");
        officerView(code).statusCode(200).body("eReceiptNo", equalTo(receipt))
                .body("attempts[0].history.source", equalTo(List.of("start", "ipn")))
                .body("attempts[0].history.to", equalTo(List.of("pending", "paid")));
        // Paid once: no second payment.
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).post("/api/dossiers/{code}/payment", code).then().statusCode(409)
                .body("type", equalTo("/problems/nothing-to-pay"));
    }

    @Inject
    vn.motcua.report.usecase.RefreshReports refresh;

    @Inject
    vn.motcua.platform.db.ScopedTransactions transactions;

    /** The report row's "paid online" of a dossier, as the report reads it; null before its row was built. */
    Boolean paidOnlineInTheReport(String code) {
        return transactions.onConnection(vn.motcua.platform.db.TenantScope.of(DISTRICT), conn -> conn.preparedQuery(
                "select r.paid_online from report_dossier r join dossier d on d.id = r.dossier_id where d.receipt_code = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(code))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBoolean(0))).await().atMost(java.time.Duration.ofSeconds(20));
    }

    /**
     * The citizen pays days after submitting, which writes no history row: the report's row, built at submission, counts
     * the dossier as paid online as soon as the callback confirms it (V20's trigger), without waiting for the next
     * history row; a failed attempt does not.
     */
    @Test
    void aPaymentAfterTheReportRowWasBuiltCountsAsPaidOnlineAtOnce() throws Exception {
        String code = submitted();
        for (int i = 0; i < 100 && paidOnlineInTheReport(code) == null; i++) {
            if (refresh.runOnce(5000, java.time.Duration.ZERO).await().atMost(java.time.Duration.ofSeconds(30)) < 0) {
                Thread.sleep(100);
            }
        }
        assertEquals(Boolean.FALSE, paidOnlineInTheReport(code), "the row is built, not yet paid");
        String failed = pay(code);
        assertEquals("00", ipn(GATEWAY.ipn(failed, "24", "5000000", VnpayTestGateway.SECRET)).getString("RspCode"));
        assertEquals(Boolean.FALSE, paidOnlineInTheReport(code), "a failed attempt is not a payment");
        String txnRef = pay(code);
        assertEquals("00", ipn(paid(txnRef)).getString("RspCode"));
        assertEquals(Boolean.TRUE, paidOnlineInTheReport(code));
    }

    @Test
    void aForgedCallbackChangesNothing() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        JsonPath answer = ipn(GATEWAY.ipn(txnRef, "00", "5000000", "not-the-secret"));
        assertEquals("97", answer.getString("RspCode"));
        Map<String, String> tampered = new HashMap<>(paid(txnRef));
        tampered.put("vnp_ResponseCode", "00");
        tampered.put("vnp_BankCode", "EVIL");
        assertEquals("97", ipn(tampered).getString("RspCode"), "a parameter changed after signing");
        Map<String, String> unsigned = new HashMap<>(paid(txnRef));
        unsigned.remove("vnp_SecureHash");
        assertEquals("97", ipn(unsigned).getString("RspCode"));
        payment(code).body("state", equalTo("pending")).body("eReceiptNo", nullValue());
    }

    @Test
    void aCallbackWithAnotherAmountIsRefused() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        assertEquals("04", ipn(GATEWAY.ipn(txnRef, "00", "500000", VnpayTestGateway.SECRET)).getString("RspCode"));
        payment(code).body("state", equalTo("pending"));
    }

    @Test
    void aRepeatedCallbackIsAnsweredAndChangesNothing() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        Map<String, String> callback = paid(txnRef);
        assertEquals("00", ipn(callback).getString("RspCode"));
        String receipt = payment(code).extract().path("eReceiptNo");
        assertEquals("02", ipn(callback).getString("RspCode"));
        assertEquals("Order already confirmed", ipn(callback).getString("Message"));
        payment(code).body("state", equalTo("paid")).body("eReceiptNo", equalTo(receipt));
        officerView(code).body("attempts[0].history.source", equalTo(List.of("start", "ipn")));
    }

    @Test
    void aFailedPaymentIsRecordedAndTheCitizenMayTryAgain() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        assertEquals("00", ipn(GATEWAY.ipn(txnRef, "24", "5000000", VnpayTestGateway.SECRET)).getString("RspCode"));
        payment(code).body("state", equalTo("failed")).body("payable", equalTo(true));
        String again = pay(code);
        assertNotEquals(txnRef, again, "a new reference for each attempt");
        assertEquals("00", ipn(paid(again)).getString("RspCode"));
        payment(code).body("state", equalTo("paid"));
    }

    @Test
    void aCallbackReplayedForAnotherDossierChangesNothing() throws Exception {
        String first = submitted();
        String second = submitted();
        String firstRef = pay(first);
        String secondRef = pay(second);
        Map<String, String> callback = paid(firstRef);
        assertEquals("00", ipn(callback).getString("RspCode"));
        Map<String, String> replayed = new HashMap<>(callback);
        replayed.put("vnp_TxnRef", secondRef);
        assertEquals("97", ipn(replayed).getString("RspCode"));
        assertEquals("02", ipn(callback).getString("RspCode"));
        payment(second).body("state", equalTo("pending"));
        assertEquals("01", ipn(withRef(paid(secondRef), "0000000000000000000000000000dead")).getString("RspCode"), "an unknown reference");
    }

    static Map<String, String> withRef(Map<String, String> signed, String ref) {
        Map<String, String> p = new java.util.TreeMap<>(signed);
        p.remove("vnp_SecureHash");
        p.put("vnp_TxnRef", ref);
        p.put("vnp_SecureHash", vn.motcua.payment.domain.Vnpay.hmac(VnpayTestGateway.SECRET, vn.motcua.payment.domain.Vnpay.query(p)));
        return p;
    }

    @Test
    void reconciliationPaysWhatTheGatewayPaidWhenTheCallbackNeverCame() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        GATEWAY.settle(txnRef, "00");
        Reconciliation.Run run = reconciliation.run(OffsetDateTime.now().plusMinutes(2)).await().indefinitely();
        assertTrue(run.paid() >= 1, run.toString());
        payment(code).body("state", equalTo("paid")).body("eReceiptNo", matchesPattern("BL\\d{4}-\\d{7}"));
        officerView(code).body("attempts[0].history.source", equalTo(List.of("start", "querydr")));
        // The callback arriving late after all is answered as already confirmed.
        assertEquals("02", ipn(paid(txnRef)).getString("RspCode"));
        assertTrue(GATEWAY.badApiCalls.isEmpty(), "every querydr was signed right: " + GATEWAY.badApiCalls);
    }

    @Test
    void aRefusedDossiersFeeIsRefundedThroughTheGateway() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        assertEquals("00", ipn(paid(txnRef)).getString("RspCode"));
        Dossiers.act(Demo.DISTRICT_RECEIVER, DISTRICT, code, "refuse", Map.of("reason", "Không thuộc thẩm quyền")).statusCode(200);
        reconciliation.run(OffsetDateTime.now().plusMinutes(2)).await().indefinitely();
        JsonObject request = GATEWAY.refunds.stream().filter(r -> txnRef.equals(r.getString("vnp_TxnRef"))).findFirst().orElseThrow();
        assertEquals("02", request.getString("vnp_TransactionType"));
        assertEquals("5000000", request.getString("vnp_Amount"));
        assertTrue(GATEWAY.badApiCalls.isEmpty(), "the refund was signed right: " + GATEWAY.badApiCalls);
        officerView(code).body("state", equalTo("refunded"))
                .body("attempts[0].history.to", equalTo(List.of("pending", "paid", "refund_requested", "refunded")));
    }

    @Test
    void anOnlinePaymentConfirmedAfterTheDeskTookTheFeeIsRefunded() throws Exception {
        String code = submitted();
        String txnRef = pay(code);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_RECEIVER)).contentType("application/json")
                .body(Map.of("method", "cash", "amount", "50000")).post("/api/t/{t}/dossiers/{code}/payment/counter", DISTRICT, code)
                .then().statusCode(200).body("state", equalTo("paid"));
        assertEquals("00", ipn(paid(txnRef)).getString("RspCode"), "the bank took the money: the gateway is told so");
        reconciliation.run(OffsetDateTime.now().plusMinutes(2)).await().indefinitely();
        assertTrue(GATEWAY.refunds.stream().anyMatch(r -> txnRef.equals(r.getString("vnp_TxnRef"))), "the second payment goes back");
        officerView(code).body("method", equalTo("cash")).body("state", equalTo("paid"))
                .body("attempts.find { it.txnRef == '" + txnRef + "' }.state", equalTo("refunded"));
    }

    @Test
    void anOfficerRecordsACounterPaymentWithItsReceipt() {
        String code = submitted();
        String officer = Tokens.staff(Demo.DISTRICT_RECEIVER);
        String path = "/api/t/{t}/dossiers/{code}/payment/counter";
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("method", "card", "amount", "10"))
                .post(path, DISTRICT, code).then().statusCode(400)
                .body("errors.field", hasItems("method", "amount"));
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_PROCESSOR)).contentType("application/json")
                .body(Map.of("method", "cash", "amount", "50000")).post(path, DISTRICT, code).then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).contentType("application/json")
                .body(Map.of("method", "cash", "amount", "50000")).post(path, DISTRICT, code).then().statusCode(403);
        String first = given().auth().oauth2(officer).contentType("application/json").body(Map.of("method", "cash", "amount", "50.000"))
                .post(path, DISTRICT, code).then().statusCode(200)
                .body("state", equalTo("paid")).body("method", equalTo("cash")).body("takenName", org.hamcrest.Matchers.notNullValue())
                .body("eReceiptNo", matchesPattern("BL\\d{4}-\\d{7}")).extract().path("eReceiptNo");
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("method", "pos", "amount", "50000"))
                .post(path, DISTRICT, code).then().statusCode(409).body("type", equalTo("/problems/nothing-to-pay"));
        String other = submitted();
        String second = given().auth().oauth2(officer).contentType("application/json").body(Map.of("method", "pos", "amount", "50000"))
                .post(path, DISTRICT, other).then().statusCode(200).extract().path("eReceiptNo");
        assertTrue(Integer.parseInt(second.substring(7)) > Integer.parseInt(first.substring(7)), first + " then " + second);
        payment(code).body("state", equalTo("paid")).body("payable", equalTo(false));
    }
}
