package vn.motcua.identity;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The verified-token cache alone, on a clock the test moves. */
class VerifiedTokensTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    /** Wall clock and cache ticker in one, so that moving it moves both. */
    static final class Time {
        Instant now = T0;
        final long nanosAtT0 = 1_000_000_000L;

        long ticker() {
            return nanosAtT0 + Duration.between(T0, now).toNanos();
        }
    }

    final Time time = new Time();
    final VerifiedTokens tokens = new VerifiedTokens(100, () -> time.now, time::ticker);

    static SecurityIdentity identity(Long exp) {
        Map<String, Object> claims = exp == null ? Map.of("sub", "u1") : Map.of("sub", "u1", "exp", exp);
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "u1";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).build();
    }

    static final VerifiedTokens.Key STAFF_KEY = new VerifiedTokens.Key("staff", "header.payload.signature");

    @Test
    void aTokenIsRecognisedUntilItsExpiryAndNotASecondAfter() {
        SecurityIdentity identity = identity(T0.plusSeconds(300).getEpochSecond());
        tokens.remember(STAFF_KEY, identity);
        time.now = T0.plusSeconds(299);
        assertSame(identity, tokens.get(STAFF_KEY));
        time.now = T0.plusSeconds(300);
        assertNull(tokens.get(STAFF_KEY));
    }

    @Test
    void onlyTheRealmThatVerifiedItRecognisesIt() {
        tokens.remember(STAFF_KEY, identity(T0.plusSeconds(300).getEpochSecond()));
        assertNull(tokens.get(new VerifiedTokens.Key("citizens", STAFF_KEY.token())));
        assertNull(tokens.get(new VerifiedTokens.Key("staff", STAFF_KEY.token() + "x")));
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        tokens.remember(STAFF_KEY, identity(T0.minusSeconds(1).getEpochSecond()));
        assertNull(tokens.get(STAFF_KEY));
        tokens.remember(STAFF_KEY, identity(null));
        assertNull(tokens.get(STAFF_KEY));
    }
}
