package vn.motcua.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the Keycloak realm (Quarkus OIDC tenant) for a request: the console signs in through {@code staff}, portal
 * pages through {@code citizens}, and the API takes a bearer token from either, routed by its issuer. The issuer is
 * read without verification only to choose; the chosen realm then verifies signature, issuer, audience and expiry.
 */
@ApplicationScoped
public class RealmResolver implements TenantResolver {

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/q/")) {
            return null;
        }
        if (path.startsWith("/api/") || path.equals("/api")) {
            String auth = context.request().getHeader("Authorization");
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            return realmOfToken(auth.substring(7).strip());
        }
        if (path.equals("/console") || path.startsWith("/console/")) {
            return Actor.Realm.STAFF.id();
        }
        return Actor.Realm.CITIZENS.id();
    }

    /** The realm named by the token's issuer; a token we cannot read goes to {@code staff}, which rejects it. */
    static String realmOfToken(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length >= 2) {
                String iss = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getString("iss", "");
                if (iss.endsWith("/realms/" + Actor.Realm.CITIZENS.id())) {
                    return Actor.Realm.CITIZENS.id();
                }
            }
        } catch (RuntimeException e) {
            // not a JWT: let the staff realm reject it
        }
        return Actor.Realm.STAFF.id();
    }
}
