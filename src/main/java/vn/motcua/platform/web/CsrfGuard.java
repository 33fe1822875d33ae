package vn.motcua.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import vn.motcua.platform.error.Problems;

/**
 * Cross-site request forgery protection for the pages' forms (chống giả mạo yêu cầu). Each form carries a token
 * bound to the signed-in session: an HMAC of the realm's session id ({@code sid}) and the subject under a key every
 * replica shares, so no server-side state is needed. A post must carry the token of the session it comes from, and,
 * when the browser says where it comes from ({@code Origin}, else {@code Referer}), come from this site. The session
 * cookie's {@code SameSite=Lax} is the first wall; this is the second. {@link PageFilters} applies it to every
 * state-changing page request; no page method calls it.
 */
@ApplicationScoped
public class CsrfGuard {

    /** The hidden form field that carries the token. */
    public static final String FIELD = "csrf";

    private static final Logger LOG = Logger.getLogger(CsrfGuard.class);

    private final byte[] key;

    CsrfGuard(WebConfig config) {
        if (config.csrfSecret().equals("development-only-csrf-secret")) {
            LOG.info("Forms are signed with the development CSRF key: set MOTCUA_CSRF_SECRET in production");
        }
        this.key = config.csrfSecret().getBytes(StandardCharsets.UTF_8);
    }

    /** The token for the forms of this session. */
    public String token(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        String sid = TokenClaims.text(jwt, "sid");
        String binding = jwt.getIssuer() + "|" + jwt.getSubject() + "|" + (sid == null ? "" : sid);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses (403) a state-changing page request from another site or, for a signed-in session, without this
     * session's token. An anonymous request has no session whose authority a forgery could borrow: only its origin is
     * checked, and the route's own sign-in requirement answers it.
     *
     * @param host the authority the request was addressed to: the Host header, or HTTP/2's :authority
     */
    public void verify(SecurityIdentity identity, String formToken, String origin, String referer, String host) {
        if ("null".equals(origin)) {
            // An opaque origin: a sandboxed frame, a data: page or a redirect from another site. Never our own form.
            throw Problems.forbidden();
        }
        String from = origin;
        if (from == null || from.isBlank()) {
            from = referer;
        }
        if (from != null && !from.isBlank() && host != null && !sameHost(from, host)) {
            throw Problems.forbidden();
        }
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        if (formToken == null || !MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
                token(identity).getBytes(StandardCharsets.UTF_8))) {
            throw Problems.forbidden();
        }
    }

    private static boolean sameHost(String url, String host) {
        try {
            URI u = URI.create(url.strip());
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(u.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
