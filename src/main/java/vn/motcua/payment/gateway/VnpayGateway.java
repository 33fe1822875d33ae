package vn.motcua.payment.gateway;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import vn.motcua.payment.PaymentConfig;
import vn.motcua.payment.domain.Payment;
import vn.motcua.payment.domain.Vnpay;

/**
 * The adapter to VNPAY: the signed redirect, and the merchant API's {@code querydr} and {@code refund} calls over the
 * reactive HTTP client (never blocking an event loop). The rules of the messages are {@link Vnpay}'s; this class only
 * fills them in and carries them.
 */
@ApplicationScoped
public class VnpayGateway {

    private static final Logger LOG = Logger.getLogger(VnpayGateway.class);

    /** What the merchant API answered, its checksum verified. */
    public record Answer(boolean signed, JsonObject body) {
        public String responseCode() {
            return body.getString("vnp_ResponseCode");
        }

        public String transactionStatus() {
            return body.getString("vnp_TransactionStatus");
        }
    }

    private final PaymentConfig.Vnpay config;
    private final HttpClient http;

    VnpayGateway(PaymentConfig config, Vertx vertx) {
        this.config = config.vnpay();
        this.http = vertx.createHttpClient();
    }

    @PreDestroy
    void close() {
        http.closeAndAwait();
    }

    public String tmnCode() {
        return config.tmnCode();
    }

    /** Whether a callback's parameters carry our signature and our terminal. */
    public boolean verify(Map<String, String> params) {
        return Vnpay.verify(params, config.hashSecret()) && config.tmnCode().equals(params.get("vnp_TmnCode"));
    }

    /** The gateway's payment page for a pending payment, signed. */
    public String payUrl(Payment p, String clientIp, String locale, OffsetDateTime now) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("vnp_Version", Vnpay.VERSION);
        q.put("vnp_Command", "pay");
        q.put("vnp_TmnCode", config.tmnCode());
        q.put("vnp_Amount", String.valueOf(p.amount() * 100));
        q.put("vnp_CurrCode", "VND");
        q.put("vnp_TxnRef", p.txnRef());
        q.put("vnp_OrderInfo", Vnpay.orderInfo(p.receiptCode()));
        q.put("vnp_OrderType", "other");
        q.put("vnp_ReturnUrl", config.returnUrl());
        q.put("vnp_IpAddr", clientIp == null || clientIp.isBlank() ? "127.0.0.1" : clientIp);
        q.put("vnp_CreateDate", Vnpay.date(p.createdAt()));
        q.put("vnp_ExpireDate", Vnpay.date(p.expiresAt()));
        q.put("vnp_Locale", "en".equals(locale) ? "en" : "vn");
        return config.payUrl() + "?" + Vnpay.signedQuery(q, config.hashSecret());
    }

    public java.time.Duration expireAfter() {
        return config.expireAfter();
    }

    /** Asks the gateway what became of a payment (querydr). */
    public Uni<Answer> query(Payment p, OffsetDateTime now) {
        JsonObject body = new JsonObject()
                .put("vnp_RequestId", requestId())
                .put("vnp_Version", Vnpay.VERSION)
                .put("vnp_Command", "querydr")
                .put("vnp_TmnCode", config.tmnCode())
                .put("vnp_TxnRef", p.txnRef())
                .put("vnp_OrderInfo", "Truy van GD " + p.txnRef())
                .put("vnp_TransactionDate", Vnpay.date(p.createdAt()))
                .put("vnp_CreateDate", Vnpay.date(now))
                .put("vnp_IpAddr", "127.0.0.1");
        body.put("vnp_SecureHash", Vnpay.pipeChecksum(body.getMap(), Vnpay.QUERY_FIELDS, config.hashSecret()));
        return post(body, Vnpay.QUERY_ANSWER_FIELDS);
    }

    /** Asks the gateway to refund a paid payment in full ({@code vnp_TransactionType=02}). */
    public Uni<Answer> refund(Payment p, String by, OffsetDateTime now) {
        JsonObject body = new JsonObject()
                .put("vnp_RequestId", requestId())
                .put("vnp_Version", Vnpay.VERSION)
                .put("vnp_Command", "refund")
                .put("vnp_TmnCode", config.tmnCode())
                .put("vnp_TransactionType", "02")
                .put("vnp_TxnRef", p.txnRef())
                .put("vnp_Amount", String.valueOf(p.amount() * 100))
                .put("vnp_TransactionNo", p.gatewayTxnNo() == null ? "0" : p.gatewayTxnNo())
                .put("vnp_TransactionDate", Vnpay.date(p.createdAt()))
                .put("vnp_CreateBy", by)
                .put("vnp_CreateDate", Vnpay.date(now))
                .put("vnp_IpAddr", "127.0.0.1")
                .put("vnp_OrderInfo", "Hoan le phi ho so " + p.receiptCode().replaceAll("[^A-Za-z0-9.\\-]", ""));
        body.put("vnp_SecureHash", Vnpay.pipeChecksum(body.getMap(), Vnpay.REFUND_FIELDS, config.hashSecret()));
        return post(body, Vnpay.REFUND_ANSWER_FIELDS);
    }

    private Uni<Answer> post(JsonObject body, String[] answerFields) {
        RequestOptions options = new RequestOptions().setAbsoluteURI(config.apiUrl()).setMethod(HttpMethod.POST)
                .putHeader("Content-Type", "application/json").setTimeout(config.timeout().toMillis());
        return http.request(options)
                .chain(req -> req.send(body.encode()))
                .chain(resp -> resp.body().map(b -> {
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException("VNPAY answered " + resp.statusCode());
                    }
                    JsonObject answer = new JsonObject(b.toString());
                    boolean signed = Vnpay.verifyPipe(answer.getMap(), answerFields, config.hashSecret());
                    if (!signed) {
                        LOG.warnf("VNPAY's answer to %s for %s carries a bad checksum: ignored", body.getString("vnp_Command"),
                                body.getString("vnp_TxnRef"));
                    }
                    return new Answer(signed, answer);
                }));
    }

    static String requestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
