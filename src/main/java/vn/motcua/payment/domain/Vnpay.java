package vn.motcua.payment.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPAY Payment Gateway, version 2.1.0, as its documentation describes it (docs/payments.md cites the pages): pure,
 * no I/O, so that every rule is unit-tested.
 *
 * <ul>
 * <li><b>Pay:</b> a redirect to {@code vpcpay.html} whose {@code vnp_*} parameters are sorted by name, each name and
 * value URL-encoded (form encoding, a space as {@code +}), joined with {@code &}; {@code vnp_SecureHash} is the
 * HMAC-SHA512, in hex, of that very query string keyed with the merchant's secret.</li>
 * <li><b>IPN and return URL:</b> the same rule over every {@code vnp_*} parameter received except
 * {@code vnp_SecureHash} and {@code vnp_SecureHashType}.</li>
 * <li><b>querydr and refund:</b> a JSON POST whose checksum is the HMAC-SHA512 of fixed fields joined with {@code |},
 * in the documented order ({@link #QUERY_FIELDS}, {@link #REFUND_FIELDS}); the answer is checked the same way.</li>
 * </ul>
 */
public final class Vnpay {

    public static final String VERSION = "2.1.0";
    /** VNPAY's dates: yyyyMMddHHmmss in Vietnam's time (GMT+7). */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** The fields of a querydr request's checksum, in order. */
    public static final String[] QUERY_FIELDS = {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
            "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"};
    /** The fields of a refund request's checksum, in order. */
    public static final String[] REFUND_FIELDS = {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType",
            "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr",
            "vnp_OrderInfo"};
    /** The fields of a querydr answer's checksum, in order. */
    public static final String[] QUERY_ANSWER_FIELDS = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
            "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
            "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"};
    /** The fields of a refund answer's checksum, in order. */
    public static final String[] REFUND_ANSWER_FIELDS = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
            "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
            "vnp_TransactionStatus", "vnp_OrderInfo"};

    private Vnpay() {
    }

    /** What the merchant answers to an IPN call: VNPAY retries until it reads {@code 00} or {@code 02}. */
    public enum IpnAnswer {
        CONFIRMED("00", "Confirm Success"),
        ALREADY_CONFIRMED("02", "Order already confirmed"),
        ORDER_NOT_FOUND("01", "Order not found"),
        INVALID_AMOUNT("04", "invalid amount"),
        INVALID_SIGNATURE("97", "Invalid signature"),
        UNKNOWN_ERROR("99", "Unknow error");

        public final String code;
        public final String message;

        IpnAnswer(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public Map<String, String> body() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("RspCode", code);
            m.put("Message", message);
            return m;
        }
    }

    /** A decision on a callback: the answer, and the state to move the payment to (empty: no change). */
    public record IpnDecision(IpnAnswer answer, Optional<PaymentState> moveTo) {
    }

    /**
     * What to do with a callback whose signature was already checked and whose payment was found (or not): the
     * amount must be the stored one, a payment is confirmed once, and a successful one needs both codes {@code 00}.
     */
    public static IpnDecision decide(Optional<Payment> found, Map<String, String> params) {
        if (found.isEmpty()) {
            return new IpnDecision(IpnAnswer.ORDER_NOT_FOUND, Optional.empty());
        }
        Payment p = found.get();
        if (!String.valueOf(p.amount() * 100).equals(params.get("vnp_Amount"))) {
            return new IpnDecision(IpnAnswer.INVALID_AMOUNT, Optional.empty());
        }
        boolean success = "00".equals(params.get("vnp_ResponseCode")) && "00".equals(params.get("vnp_TransactionStatus"));
        boolean open = p.state() == PaymentState.PENDING || (success && p.state() == PaymentState.EXPIRED);
        if (!open) {
            return new IpnDecision(IpnAnswer.ALREADY_CONFIRMED, Optional.empty());
        }
        return new IpnDecision(IpnAnswer.CONFIRMED, Optional.of(success ? PaymentState.PAID : PaymentState.FAILED));
    }

    /** A callback's {@code vnp_*} parameters, the first value of each, bounded (40 at most, names ≤ 40, values ≤ 512). */
    public static Map<String, String> params(Map<String, java.util.List<String>> query) {
        Map<String, String> out = new java.util.HashMap<>();
        query.forEach((k, v) -> {
            if (k.startsWith("vnp_") && k.length() <= 40 && out.size() < 40 && !v.isEmpty() && v.get(0).length() <= 512) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    /** The query string of a payment redirect, signed: {@code vnp_SecureHash} last. */
    public static String signedQuery(Map<String, String> params, String secret) {
        String query = query(params);
        return query + "&vnp_SecureHash=" + hmac(secret, query);
    }

    /** The sorted, encoded query of every {@code vnp_*} parameter but the hash's own. */
    public static String query(Map<String, String> params) {
        StringJoiner out = new StringJoiner("&");
        new TreeMap<>(params).forEach((k, v) -> {
            if (k.startsWith("vnp_") && !k.equals("vnp_SecureHash") && !k.equals("vnp_SecureHashType") && v != null && !v.isEmpty()) {
                out.add(encode(k) + "=" + encode(v));
            }
        });
        return out.toString();
    }

    /** Whether a callback's (IPN or return URL) {@code vnp_SecureHash} is ours; compared in constant time. */
    public static boolean verify(Map<String, String> params, String secret) {
        String given = params.get("vnp_SecureHash");
        if (given == null || given.length() != 128) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, query(params)).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    /** The checksum of a querydr or refund request or answer: its fields, in order, joined with {@code |}. */
    public static String pipeChecksum(Map<String, ?> body, String[] fields, String secret) {
        StringJoiner data = new StringJoiner("|");
        for (String f : fields) {
            Object v = body.get(f);
            data.add(v == null ? "" : v.toString());
        }
        return hmac(secret, data.toString());
    }

    /** Whether an answer's {@code vnp_SecureHash} matches its fields. */
    public static boolean verifyPipe(Map<String, ?> body, String[] fields, String secret) {
        Object given = body.get("vnp_SecureHash");
        return given != null && MessageDigest.isEqual(pipeChecksum(body, fields, secret).getBytes(StandardCharsets.US_ASCII),
                given.toString().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    public static String date(OffsetDateTime at) {
        return at.atZoneSameInstant(VIETNAM).format(DATE);
    }

    /** VNPAY's order information: plain ASCII letters, digits and spaces, as its documentation asks. */
    public static String orderInfo(String receiptCode) {
        return "Thanh toan le phi ho so " + receiptCode.replaceAll("[^A-Za-z0-9.\\-]", "");
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }
}
