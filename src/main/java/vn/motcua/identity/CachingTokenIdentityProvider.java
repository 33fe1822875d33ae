package vn.motcua.identity;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens are verified by Quarkus OIDC once, then recognised from {@link VerifiedTokens} until they expire.
 * Runs ahead of Quarkus OIDC's own provider (a higher priority) and hands it everything else: browser sessions
 * (their ID tokens are refreshed and their cookies rewritten by the code flow), a request whose OIDC tenant is not
 * resolved, a token not taken from the {@code Authorization} header, and every token not seen before. A bearer must
 * be an access token: an ID token of the same realm is refused ({@link #accessTokenOnly}).
 *
 * <p>Quarkus OIDC is configured here for signed JWTs checked locally, with no introspection, no user info, and no
 * proof of possession (DPoP, certificate-bound tokens): its answer for a token then depends on the token and the
 * realm's keys only, and the realm's keys are themselves cached by Quarkus until an unknown key id appears. Enabling
 * any per-request check in the OIDC settings means setting {@code MOTCUA_TOKEN_CACHE_SIZE=0} or revisiting this.
 *
 * <p>The identity is per request only in two attributes, the request ({@link RoutingContext}) and its
 * {@link AuthenticationRequestContext}: a remembered identity is handed out with this request's.
 */
@ApplicationScoped
public class CachingTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Where Quarkus OIDC leaves the tenant it resolved for the request, before it asks for an identity. */
    static final String OIDC_TENANT = "tenant-id";

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens verified;

    CachingTokenIdentityProvider(OidcIdentityProvider oidc, IdentityConfig config, MeterRegistry meters) {
        this.oidc = oidc;
        this.verified = config.tokenCacheSize() > 0
                ? new VerifiedTokens(config.tokenCacheSize(), Instant::now, Ticker.systemTicker())
                : null;
        if (verified != null) {
            CaffeineCacheMetrics.monitor(meters, verified.cache(), "verified-tokens");
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Just ahead of Quarkus OIDC's provider, which keeps the default; providers are asked highest first. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!isHeaderBearer(request, http)) {
            return oidc.authenticate(request, context);
        }
        VerifiedTokens.Key key = verified == null ? null : keyOf(request, http);
        if (key != null) {
            SecurityIdentity known = verified.get(key);
            if (known != null) {
                http.put(AuthenticationRequestContext.class.getName(), context);
                return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                        .addAttribute(RoutingContext.class.getName(), http)
                        .addAttribute(AuthenticationRequestContext.class.getName(), context)
                        .build());
            }
        }
        return oidc.authenticate(request, context).invoke(identity -> {
            accessTokenOnly(identity);
            if (key != null && identity != null) {
                verified.remember(key, identity);
            }
        });
    }

    /**
     * A bearer must be an access token ({@code typ: Bearer} in Keycloak's tokens). An ID token of the same realm is
     * signed by the same keys and may name the service in its audience, so Quarkus OIDC accepts it; but it only
     * tells a client who signed in, it grants nothing. Refused here, before it is remembered.
     */
    static void accessTokenOnly(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (!"Bearer".equals(jwt.getClaim("typ"))) {
                throw new AuthenticationFailedException("not an access token");
            }
            // Issued to one of the service's own clients (azp), not to the account console, admin-cli or a service
            // account of the realm: the audience 'motcua' is the first check, this the second.
            if (!API_CLIENTS.contains(jwt.<Object>getClaim("azp"))) {
                throw new AuthenticationFailedException("not a token of the service's clients");
            }
        }
    }

    /** The clients whose access tokens open the API: the console, the portal and the command-line client. */
    static final java.util.Set<Object> API_CLIENTS = java.util.Set.of(vn.motcua.identity.realm.RealmGenerator.CONSOLE_CLIENT,
            vn.motcua.identity.realm.RealmGenerator.PORTAL_CLIENT, vn.motcua.identity.realm.RealmGenerator.CLI_CLIENT);

    /** The cache key of a bearer token on a request whose realm is resolved, or {@code null} when not to cache. */
    static VerifiedTokens.Key keyOf(TokenAuthenticationRequest request, RoutingContext http) {
        if (!isHeaderBearer(request, http) || !(http.get(OIDC_TENANT) instanceof String realm)) {
            return null;
        }
        return new VerifiedTokens.Key(realm, ((AccessTokenCredential) request.getToken()).getToken());
    }

    /**
     * Whether the token is the one the client sent as its bearer ({@code Authorization}), not one the code flow found in
     * a session cookie; compared in place, as this runs on every request.
     */
    static boolean isHeaderBearer(TokenAuthenticationRequest request, RoutingContext http) {
        if (http == null || !(request.getToken() instanceof AccessTokenCredential credential)) {
            return false;
        }
        String header = http.request().getHeader("Authorization");
        String token = credential.getToken();
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        int start = 7;
        int end = header.length();
        while (start < end && Character.isWhitespace(header.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(header.charAt(end - 1))) {
            end--;
        }
        return end - start == token.length() && header.regionMatches(start, token, 0, token.length());
    }
}
