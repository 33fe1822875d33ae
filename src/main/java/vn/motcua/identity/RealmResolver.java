package vn.motcua.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the Keycloak realm (Quarkus OIDC tenant) for a request: the console signs in through {@code staff}, portal
 * pages through {@code citizens}, and the API takes a bearer token from either, routed by its issuer. The issuer is
 * read without verification only to choose; the chosen realm then verifies signature, issuer, audience and expiry.
 *
 * <p>The realms are configured as disabled tenants ({@code quarkus.oidc.staff-config.*},
 * {@code quarkus.oidc.citizens-config.*}) and served here as enabled copies: Quarkus then discovers each realm on its
 * first request instead of during the start, which saves the start two round trips to Keycloak and lets the
 * service start while Keycloak is still starting.
 */
@ApplicationScoped
@Unremovable
public class RealmResolver implements TenantConfigResolver {

    private final Map<String, OidcTenantConfig> realms;

    RealmResolver() {
        OidcConfig oidc = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(OidcConfig.class);
        this.realms = Map.of(
                Actor.Realm.STAFF.id(), realm(oidc, Actor.Realm.STAFF),
                Actor.Realm.CITIZENS.id(), realm(oidc, Actor.Realm.CITIZENS));
    }

    private static OidcTenantConfig realm(OidcConfig oidc, Actor.Realm realm) {
        return OidcTenantConfig.builder(oidc.namedTenants().get(realm.id() + "-config"))
                .tenantId(realm.id()).tenantEnabled(true).build();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String realm = realmOf(context);
        return Uni.createFrom().item(realm == null ? null : realms.get(realm));
    }

    static String realmOf(RoutingContext context) {
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
