package vn.motcua.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** VNPAY 2.1.0's message rules, without a server: the query and its signature, the pipe checksums, the IPN decisions. */
class VnpayTest {

    static final String SECRET = "SECRETKEY0123456789";

    @Test
    void theQueryIsSortedFormEncodedAndSignedOverItself() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("vnp_Version", "2.1.0");
        q.put("vnp_Amount", "1806000");
        q.put("vnp_OrderInfo", "Thanh toan don hang :5");
        q.put("vnp_ReturnUrl", "https://domainmerchant.vn/ReturnUrl");
        q.put("vnp_BankCode", "");
        String query = Vnpay.query(q);
        assertEquals("vnp_Amount=1806000&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl"
                + "&vnp_Version=2.1.0", query, "sorted, form-encoded, empty values left out (as VNPAY's own example)");
        String signed = Vnpay.signedQuery(q, SECRET);
        assertEquals(query + "&vnp_SecureHash=" + Vnpay.hmac(SECRET, query), signed);
        assertEquals(128, Vnpay.hmac(SECRET, query).length(), "HMAC-SHA512 in hex");
    }

    /**
     * VNPAY's own example of a payment URL (integration guide, "Tạo URL Thanh toán",
     * https://sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/): the same parameters, given in another order, give
     * exactly the documented query string before its {@code vnp_SecureHash}: names sorted, values form-encoded in UTF-8
     * (a space as {@code +}, {@code :} as {@code %3A}, {@code /} as {@code %2F}). The example's terminal secret is not
     * published, so its hash cannot be recomputed; the hash is the HMAC-SHA512 of exactly that string.
     */
    @Test
    void theQueryStringIsVnpaysDocumentedExample() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("vnp_Version", "2.1.0");
        q.put("vnp_TmnCode", "DEMOV210");
        q.put("vnp_TxnRef", "5");
        q.put("vnp_ReturnUrl", "https://domainmerchant.vn/ReturnUrl");
        q.put("vnp_OrderType", "other");
        q.put("vnp_OrderInfo", "Thanh toan don hang :5");
        q.put("vnp_Locale", "vn");
        q.put("vnp_IpAddr", "127.0.0.1");
        q.put("vnp_CurrCode", "VND");
        q.put("vnp_CreateDate", "20210801153333");
        q.put("vnp_Command", "pay");
        q.put("vnp_Amount", "1806000");
        q.put("vnp_BankCode", "");
        String documented = "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1"
                + "&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other"
                + "&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0";
        assertEquals(documented, Vnpay.query(q), "an empty value (vnp_BankCode) is left out, as VNPAY's code does");
        assertEquals(documented + "&vnp_SecureHash=" + Vnpay.hmac("a-secret", documented), Vnpay.signedQuery(q, "a-secret"));
        // The callback is checked by the same rule: the documented parameters with their hash verify, one changed does not.
        Map<String, String> back = new HashMap<>(q);
        back.put("vnp_SecureHash", Vnpay.hmac("a-secret", documented));
        back.put("vnp_SecureHashType", "HmacSHA512");
        assertTrue(Vnpay.verify(back, "a-secret"), "vnp_SecureHashType is not part of the signed data");
        back.put("vnp_OrderInfo", "Thanh toan don hang :6");
        assertFalse(Vnpay.verify(back, "a-secret"));
    }

    /** The HMAC itself: RFC 4231's test case 2 for HMAC-SHA-512 (key "Jefe"), lower-case hex as VNPAY sends it. */
    @Test
    void theHmacIsSha512AsRfc4231Says() {
        assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
                + "caeab1a34d4a6b4b636e070a38bce737", Vnpay.hmac("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void aCallbackVerifiesOnlyWithTheSecretAndUnchanged() {
        Map<String, String> p = new HashMap<>(Map.of("vnp_Amount", "5000000", "vnp_TxnRef", "abc123", "vnp_ResponseCode", "00",
                "vnp_OrderInfo", "Thanh toan le phi ho so X"));
        p.put("vnp_SecureHash", Vnpay.hmac(SECRET, Vnpay.query(p)));
        p.put("vnp_SecureHashType", "HmacSHA512");
        assertTrue(Vnpay.verify(p, SECRET));
        p.put("vnp_SecureHash", p.get("vnp_SecureHash").toUpperCase());
        assertTrue(Vnpay.verify(p, SECRET), "hex in either case");
        assertFalse(Vnpay.verify(p, "another"));
        Map<String, String> changed = new HashMap<>(p);
        changed.put("vnp_Amount", "5000100");
        assertFalse(Vnpay.verify(changed, SECRET));
        Map<String, String> added = new HashMap<>(p);
        added.put("vnp_BankCode", "NCB");
        assertFalse(Vnpay.verify(added, SECRET), "a parameter added after signing");
        Map<String, String> none = new HashMap<>(p);
        none.remove("vnp_SecureHash");
        assertFalse(Vnpay.verify(none, SECRET));
    }

    @Test
    void querydrAndRefundChecksumsJoinTheirFieldsInTheDocumentedOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : Vnpay.QUERY_FIELDS) {
            body.put(f, f.substring(4));
        }
        assertEquals(Vnpay.hmac(SECRET, "RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo"),
                Vnpay.pipeChecksum(body, Vnpay.QUERY_FIELDS, SECRET));
        assertEquals(String.join("|", "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef",
                "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"),
                String.join("|", Vnpay.REFUND_FIELDS));
        body.put("vnp_SecureHash", Vnpay.pipeChecksum(body, Vnpay.QUERY_FIELDS, SECRET));
        assertTrue(Vnpay.verifyPipe(body, Vnpay.QUERY_FIELDS, SECRET));
        body.put("vnp_TxnRef", "other");
        assertFalse(Vnpay.verifyPipe(body, Vnpay.QUERY_FIELDS, SECRET));
    }

    @Test
    void datesAreVietnamTime() {
        assertEquals("20261202150000", Vnpay.date(OffsetDateTime.of(2026, 12, 2, 8, 0, 0, 0, ZoneOffset.UTC)));
    }

    static Payment payment(PaymentState state) {
        return new Payment(UUID.randomUUID(), "ba-dinh", UUID.randomUUID(), "X", "abc", Payment.GATEWAY, "online-full", 50000, state, null,
                null, null, null, null, "citizens:1", null, null, OffsetDateTime.now(), OffsetDateTime.now());
    }

    @Test
    void aCallbackIsConfirmedOnceForTheStoredAmount() {
        Map<String, String> ok = Map.of("vnp_Amount", "5000000", "vnp_ResponseCode", "00", "vnp_TransactionStatus", "00");
        assertEquals(Vnpay.IpnAnswer.ORDER_NOT_FOUND, Vnpay.decide(Optional.empty(), ok).answer());
        assertEquals(Vnpay.IpnAnswer.INVALID_AMOUNT, Vnpay.decide(Optional.of(payment(PaymentState.PENDING)),
                Map.of("vnp_Amount", "50000", "vnp_ResponseCode", "00", "vnp_TransactionStatus", "00")).answer());
        Vnpay.IpnDecision paid = Vnpay.decide(Optional.of(payment(PaymentState.PENDING)), ok);
        assertEquals(Vnpay.IpnAnswer.CONFIRMED, paid.answer());
        assertEquals(Optional.of(PaymentState.PAID), paid.moveTo());
        Vnpay.IpnDecision failed = Vnpay.decide(Optional.of(payment(PaymentState.PENDING)),
                Map.of("vnp_Amount", "5000000", "vnp_ResponseCode", "24", "vnp_TransactionStatus", "02"));
        assertEquals(Optional.of(PaymentState.FAILED), failed.moveTo());
        for (PaymentState done : new PaymentState[] { PaymentState.PAID, PaymentState.FAILED, PaymentState.REFUND_REQUESTED, PaymentState.REFUNDED }) {
            assertEquals(Vnpay.IpnAnswer.ALREADY_CONFIRMED, Vnpay.decide(Optional.of(payment(done)), ok).answer(), done.name());
        }
        assertEquals(Optional.of(PaymentState.PAID), Vnpay.decide(Optional.of(payment(PaymentState.EXPIRED)), ok).moveTo(),
                "the bank took the money after our deadline: the gateway's word wins");
        assertEquals("{RspCode=00, Message=Confirm Success}", Vnpay.IpnAnswer.CONFIRMED.body().toString());
    }

    @Test
    void theStateMachineOnlyMovesForward() {
        assertTrue(PaymentState.PENDING.canMoveTo(PaymentState.PAID));
        assertTrue(PaymentState.PAID.canMoveTo(PaymentState.REFUND_REQUESTED));
        assertTrue(PaymentState.REFUND_REQUESTED.canMoveTo(PaymentState.REFUNDED));
        assertFalse(PaymentState.PAID.canMoveTo(PaymentState.PENDING));
        assertFalse(PaymentState.REFUNDED.canMoveTo(PaymentState.PAID));
        assertFalse(PaymentState.FAILED.canMoveTo(PaymentState.PAID));
        assertFalse(PaymentState.PENDING.canMoveTo(PaymentState.REFUNDED));
        assertEquals("BL2026-0000042", ReceiptNumbers.format(2026, 42));
    }
}
