package vn.motcua.nationalportal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a dossier the national portal delivers (chữ ký thông điệp): {@code hex(HMAC-SHA256(secret,
 * timestamp + "." + body))}, the timestamp in seconds since the epoch, sent in the headers {@code X-DVCQG-Timestamp}
 * and {@code X-DVCQG-Signature}. A delivery is genuine when the signature matches (compared in constant time) and its
 * timestamp is within the allowed skew of our clock; a replay inside the skew is harmless anyway, the take-in being
 * idempotent on the portal's dossier id. Pure.
 */
public final class IntakeSignature {

    public static final String TIMESTAMP_HEADER = "X-DVCQG-Timestamp";
    public static final String SIGNATURE_HEADER = "X-DVCQG-Signature";

    private IntakeSignature() {
    }

    /** The signature of {@code body} sent at {@code timestamp} (what the portal computes, and the tests). */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the delivery is the portal's: signed with {@code secret}, at a time within {@code skew} of {@code now}. */
    public static boolean genuine(String secret, String timestamp, String signature, byte[] body, Instant now, Duration skew) {
        if (secret == null || secret.isEmpty() || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")
                || !signature.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        long at = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - at) > skew.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
