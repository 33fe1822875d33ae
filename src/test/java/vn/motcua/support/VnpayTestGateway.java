package vn.motcua.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import vn.motcua.payment.domain.Vnpay;

/**
 * A local stand-in for VNPAY, a real HTTP server on a free port, started once per test JVM: it takes the payment
 * redirect ({@code /paymentv2/vpcpay.html}, checking its signature and keeping its parameters) and answers the merchant
 * API ({@code /merchant_webapi/api/transaction}: {@code querydr} and {@code refund}, each checksum checked, each answer
 * signed) as the documentation describes. What it says about a transaction is what the test told it
 * ({@link #settle}); the tests sign IPN callbacks with the same secret ({@link #ipn}).
 */
public final class VnpayTestGateway {

    public static final String TMN_CODE = "MOTCUAT1";
    public static final String SECRET = "vnpay-test-secret-0123456789ABCDEF";

    /**
     * The port chosen for the gateway, a system property: a test profile's settings are read in another class loader
     * than the test's, so the two agree on the port through the JVM, and the server is started by the test's own.
     */
    static final String PORT = "motcua.test.vnpay.port";

    private static VnpayTestGateway running;

    /** The service's settings for a gateway that the test will start ({@link #start}) on a free port chosen now. */
    public static synchronized Map<String, String> configOnFreePort() {
        if (Integer.getInteger(PORT) == null) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                System.setProperty(PORT, String.valueOf(probe.getLocalPort()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no free port for the test gateway", e);
            }
        }
        return config(URI.create("http://127.0.0.1:" + Integer.getInteger(PORT)));
    }

    public final URI base;
    /** Each redirect the gateway received, by vnp_TxnRef: its parameters as sent, and whether they were signed right. */
    public final Map<String, Map<String, String>> redirects = new ConcurrentHashMap<>();
    public final List<String> badRedirects = new CopyOnWriteArrayList<>();
    /** What querydr answers per reference: the transaction status ({@code 00} paid, {@code 01} pending, {@code 02} failed). */
    public final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** The refund requests received, their bodies. */
    public final List<JsonObject> refunds = new CopyOnWriteArrayList<>();
    public final List<JsonObject> badApiCalls = new CopyOnWriteArrayList<>();

    private VnpayTestGateway(URI base) {
        this.base = base;
    }

    public static synchronized VnpayTestGateway start() {
        if (running != null) {
            return running;
        }
        Vertx vertx = Vertx.vertx();
        VnpayTestGateway[] self = new VnpayTestGateway[1];
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/paymentv2/vpcpay.html")) {
                Map<String, String> params = new java.util.HashMap<>();
                for (String pair : req.query() == null ? new String[0] : req.query().split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                if (Vnpay.verify(params, SECRET)) {
                    self[0].redirects.put(params.get("vnp_TxnRef"), params);
                    req.response().putHeader("Content-Type", "text/html; charset=utf-8").end("<p>VNPAY (test)</p>");
                } else {
                    self[0].badRedirects.add(req.query());
                    req.response().setStatusCode(400).end("Sai chữ ký");
                }
            } else if (req.path().equals("/merchant_webapi/api/transaction") && req.method().name().equals("POST")) {
                req.body().onSuccess(b -> req.response().putHeader("Content-Type", "application/json")
                        .end(self[0].api(new JsonObject(b.toString())).encode()));
            } else {
                req.response().setStatusCode(404).end();
            }
        });
        try {
            server.listen(Integer.getInteger(PORT, 0), "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test gateway did not start", e);
        }
        running = new VnpayTestGateway(URI.create("http://127.0.0.1:" + server.actualPort()));
        self[0] = running;
        return running;
    }

    /** The service's settings that point at a gateway there. */
    static Map<String, String> config(URI base) {
        return Map.of("motcua.payments.vnpay.tmn-code", TMN_CODE, "motcua.payments.vnpay.hash-secret", SECRET,
                "motcua.payments.vnpay.pay-url", base + "/paymentv2/vpcpay.html",
                "motcua.payments.vnpay.api-url", base + "/merchant_webapi/api/transaction");
    }

    /** Tells the gateway how a transaction ended (what querydr will say). */
    public void settle(String txnRef, String status) {
        statuses.put(txnRef, status);
    }

    /** The callback VNPAY would send for a redirect it received, signed with {@code secret}, amount in đồng × 100. */
    public Map<String, String> ipn(String txnRef, String responseCode, String amountTimes100, String secret) {
        Map<String, String> r = redirects.get(txnRef);
        Map<String, String> p = new java.util.TreeMap<>();
        p.put("vnp_TmnCode", r.get("vnp_TmnCode"));
        p.put("vnp_Amount", amountTimes100);
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_BankTranNo", "VNP" + Math.abs(txnRef.hashCode()));
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", r.get("vnp_OrderInfo"));
        p.put("vnp_PayDate", r.get("vnp_CreateDate"));
        p.put("vnp_ResponseCode", responseCode);
        p.put("vnp_TransactionNo", String.valueOf(14000000 + Math.abs(txnRef.hashCode() % 1000000)));
        p.put("vnp_TransactionStatus", responseCode.equals("00") ? "00" : "02");
        p.put("vnp_TxnRef", txnRef);
        p.put("vnp_SecureHash", Vnpay.hmac(secret, Vnpay.query(p)));
        return p;
    }

    JsonObject api(JsonObject req) {
        String command = req.getString("vnp_Command");
        String[] fields = "refund".equals(command) ? Vnpay.REFUND_FIELDS : Vnpay.QUERY_FIELDS;
        JsonObject out = new JsonObject().put("vnp_ResponseId", "R" + System.nanoTime()).put("vnp_Command", command)
                .put("vnp_TmnCode", TMN_CODE).put("vnp_TxnRef", req.getString("vnp_TxnRef"));
        if (!Vnpay.verifyPipe(req.getMap(), fields, SECRET) || !TMN_CODE.equals(req.getString("vnp_TmnCode"))) {
            badApiCalls.add(req);
            out.put("vnp_ResponseCode", "97").put("vnp_Message", "Invalid Checksum");
        } else if ("querydr".equals(command)) {
            Map<String, String> r = redirects.get(req.getString("vnp_TxnRef"));
            String status = statuses.get(req.getString("vnp_TxnRef"));
            if (r == null) {
                out.put("vnp_ResponseCode", "91").put("vnp_Message", "Transaction not found");
            } else {
                out.put("vnp_ResponseCode", "00").put("vnp_Message", "QueryDR Success").put("vnp_Amount", r.get("vnp_Amount"))
                        .put("vnp_BankCode", "NCB").put("vnp_PayDate", r.get("vnp_CreateDate"))
                        .put("vnp_TransactionNo", "15000001").put("vnp_TransactionType", "01")
                        .put("vnp_TransactionStatus", status == null ? "01" : status).put("vnp_OrderInfo", r.get("vnp_OrderInfo"))
                        .put("vnp_PromotionCode", "").put("vnp_PromotionAmount", "");
            }
        } else if ("refund".equals(command)) {
            refunds.add(req);
            out.put("vnp_ResponseCode", "00").put("vnp_Message", "Refund success").put("vnp_Amount", req.getString("vnp_Amount"))
                    .put("vnp_BankCode", "NCB").put("vnp_PayDate", req.getString("vnp_CreateDate"))
                    .put("vnp_TransactionNo", req.getString("vnp_TransactionNo")).put("vnp_TransactionType", "02")
                    .put("vnp_TransactionStatus", "05").put("vnp_OrderInfo", req.getString("vnp_OrderInfo"));
        } else {
            out.put("vnp_ResponseCode", "99").put("vnp_Message", "Unknown command");
        }
        String[] answer = "refund".equals(command) ? Vnpay.REFUND_ANSWER_FIELDS : Vnpay.QUERY_ANSWER_FIELDS;
        out.put("vnp_SecureHash", Vnpay.pipeChecksum(out.getMap(), answer, SECRET));
        return out;
    }
}
