package vn.motcua.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Tokens an attacker could make from a real one: unsigned ({@code alg: none}), signed with a key of their own under
 * the realm's key id, or with the claims edited and the original signature kept.
 */
public final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final KeyPair ATTACKER = attackerKey();

    private ForgedTokens() {
    }

    public static JsonObject header(String jwt) {
        return new JsonObject(new String(DECODE.decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    public static JsonObject claims(String jwt) {
        return new JsonObject(new String(DECODE.decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The claims of a city administrator of every tenant: what a forger would want. */
    public static Consumer<JsonObject> elevate() {
        return c -> {
            c.put("groups", new JsonArray().add("/ha-noi"));
            c.put("tenant", new JsonArray().add(Demo.CITY));
            c.put("realm_access", new JsonObject().put("roles", new JsonArray().add("city-admin").add("approver").add("receiver")));
            c.put("exp", System.currentTimeMillis() / 1000 + 3600);
        };
    }

    /** The same claims, edited, with {@code alg: none} and no signature. */
    public static String unsigned(String jwt, Consumer<JsonObject> edit) {
        JsonObject claims = claims(jwt);
        edit.accept(claims);
        return encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + encode(claims) + ".";
    }

    /** Edited claims under the original header and signature. */
    public static String tampered(String jwt, Consumer<JsonObject> edit) {
        String[] parts = jwt.split("\\.");
        JsonObject claims = claims(jwt);
        edit.accept(claims);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** Edited claims signed RS256 with the attacker's own key, under the realm key's id. */
    public static String resigned(String jwt, Consumer<JsonObject> edit) {
        JsonObject claims = claims(jwt);
        edit.accept(claims);
        String signingInput = encode(header(jwt).put("alg", "RS256")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(ATTACKER.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the realm's public key as the shared secret: the classic algorithm-confusion forgery. */
    public static String hmacConfused(String jwt, byte[] publicKeyBytes, Consumer<JsonObject> edit) {
        JsonObject claims = claims(jwt);
        edit.accept(claims);
        String signingInput = encode(header(jwt).put("alg", "HS256")) + "." + encode(claims);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(publicKeyBytes, "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonObject o) {
        return B64.encodeToString(o.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair attackerKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
