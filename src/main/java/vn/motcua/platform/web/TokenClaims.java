package vn.motcua.platform.web;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;

/**
 * A claim of a verified token that is not one of MicroProfile JWT's standard names (Keycloak's {@code sid}, our
 * realms' {@code assurance}, {@code citizen_id}, {@code tenant}).
 *
 * <p>Why not {@link JsonWebToken#getClaim(String)}: SmallRye JWT first looks the name up as a constant of the
 * {@code Claims} enum, and for any other name that look-up throws and catches an {@code IllegalArgumentException},
 * stack trace and all. Every signed-in page (its anti-forgery token reads {@code sid}) and every citizen's request (the
 * assurance, read up to three times) paid for one to three of them: 41,000 in one benchmark run, profiled with JFR at
 * 1 M dossiers. Quarkus OIDC's principal gives the parsed claims directly; any other principal is asked the usual way.
 */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** The claim {@code name} of {@code jwt} as text, or {@code null} when absent or not text. */
    public static String text(JsonWebToken jwt, String name) {
        Object value = jwt instanceof OidcJwtCallerPrincipal p ? p.getClaims().getClaimValue(name) : jwt.getClaim(name);
        return value instanceof String s ? s : null;
    }

    /** The claim {@code name} of {@code jwt} as it was parsed, or {@code null} when absent. */
    public static Object value(JsonWebToken jwt, String name) {
        return jwt instanceof OidcJwtCallerPrincipal p ? p.getClaims().getClaimValue(name) : jwt.getClaim(name);
    }
}
