package vn.motcua.payment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Payments of a dossier's fee: the VNPAY gateway's merchant settings and the reconciliation's pace. The defaults
 * point at a local test gateway (the tests start one, acting as VNPAY); production sets the merchant's own values.
 */
@ConfigMapping(prefix = "motcua.payments")
public interface PaymentConfig {

    /** The gateway (VNPAY Payment Gateway 2.1.0). */
    Vnpay vnpay();

    /**
     * How often the reconciliation runs (querydr for pending payments whose callback never came, expiry, refunds of
     * refused dossiers); {@code 0s} turns it off (the tests run it by hand). Variable {@code MOTCUA_PAYMENT_RECONCILE_EVERY}.
     */
    @WithDefault("5m")
    Duration reconcileEvery();

    interface Vnpay {
        /** The merchant's terminal code (vnp_TmnCode), 8 characters. Variable {@code MOTCUA_VNPAY_TMN_CODE}. */
        @WithDefault("MOTCUA01")
        String tmnCode();

        /** The merchant's secret that signs every message (HMAC-SHA512). Variable {@code MOTCUA_VNPAY_HASH_SECRET}. */
        @WithDefault("motcua-local-test-gateway-secret")
        String hashSecret();

        /** The gateway's payment page, where the citizen is redirected. Variable {@code MOTCUA_VNPAY_PAY_URL}. */
        @WithDefault("http://127.0.0.1:8089/paymentv2/vpcpay.html")
        String payUrl();

        /** The gateway's merchant API (querydr, refund). Variable {@code MOTCUA_VNPAY_API_URL}. */
        @WithDefault("http://127.0.0.1:8089/merchant_webapi/api/transaction")
        String apiUrl();

        /**
         * Where the gateway sends the citizen back (our return page), absolute. Variable {@code MOTCUA_VNPAY_RETURN_URL}.
         */
        @WithDefault("http://localhost:8080/payments/vnpay/return")
        String returnUrl();

        /** How long the citizen has to pay on the gateway's page (vnp_ExpireDate). */
        @WithDefault("15m")
        Duration expireAfter();

        /** How long a call to the merchant API may take. */
        @WithDefault("10s")
        Duration timeout();
    }
}
