package vn.motcua.identity;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
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

    private static final JsonFactory JSON = new JsonFactory();

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
        if (path.equals("/console") || path.startsWith("/console/") || path.equals("/postal") || path.startsWith("/postal/")) {
            return Actor.Realm.STAFF.id();
        }
        return Actor.Realm.CITIZENS.id();
    }

    /**
     * The realm named by the token's issuer; a token we cannot read goes to {@code staff}, which rejects it. Reads
     * the payload's fields as a stream and stops at {@code iss}: building the whole claims map here, on every request
     * before the token is even verified, was a third of a small request's garbage.
     */
    static String realmOfToken(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return Actor.Realm.STAFF.id();
        }
        try (JsonParser json = JSON.createParser(Base64.getUrlDecoder().decode(token.substring(first + 1, second)))) {
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    if (json.nextToken() == JsonToken.VALUE_STRING && field.equals("iss")) {
                        return json.getText().endsWith("/realms/" + Actor.Realm.CITIZENS.id())
                                ? Actor.Realm.CITIZENS.id() : Actor.Realm.STAFF.id();
                    }
                    json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JWT: let the staff realm reject it
        }
        return Actor.Realm.STAFF.id();
    }
}
