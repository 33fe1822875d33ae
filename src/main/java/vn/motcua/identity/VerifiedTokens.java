package vn.motcua.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens already verified, each kept with the identity it gave until the token expires. Verifying a token
 * (signature, issuer, audience, claims parsed twice over) is the largest part of a small request's work and most of
 * its garbage; an officer's console and a citizen's portal send the same token for minutes.
 *
 * <p>The key is the OIDC tenant that verified the token and the token's exact text, so a token is only ever
 * recognised by the realm that accepted it, and any other text, however close, is verified afresh. Only successes are
 * kept. An entry never outlives the token's {@code exp}: past it the cache answers nothing and the token goes to
 * Quarkus OIDC, which refuses it.
 */
final class VerifiedTokens {

    /** Which realm verified which token. */
    record Key(String realm, String token) {
    }

    private final Cache<Key, SecurityIdentity> identities;
    private final Supplier<Instant> clock;

    /**
     * @param size  how many tokens to keep; the least used go first
     * @param clock the wall clock that {@code exp} is compared with
     * @param ticker the same time for the cache's own expiry checks
     */
    VerifiedTokens(int size, Supplier<Instant> clock, Ticker ticker) {
        this.clock = clock;
        this.identities = Caffeine.newBuilder()
                .maximumSize(size)
                .ticker(ticker)
                .expireAfter(Expiry.<Key, SecurityIdentity>writing((key, identity) -> lifeLeft(identity)))
                .recordStats()
                .build();
    }

    Cache<Key, SecurityIdentity> cache() {
        return identities;
    }

    /** The identity a token gave when it was verified by that realm, if it is still within its lifetime. */
    SecurityIdentity get(Key key) {
        return identities.getIfPresent(key);
    }

    /** Keeps a token's identity until the token expires; a token without an expiry is not kept. */
    void remember(Key key, SecurityIdentity identity) {
        if (!lifeLeft(identity).isZero()) {
            identities.put(key, identity);
        }
    }

    private Duration lifeLeft(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Claims.exp.name()) instanceof Number exp) {
            Duration left = Duration.between(clock.get(), Instant.ofEpochSecond(exp.longValue()));
            return left.isNegative() ? Duration.ZERO : left;
        }
        return Duration.ZERO;
    }
}
