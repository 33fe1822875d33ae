package vn.motcua.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sign-in settings of our own, beside Quarkus OIDC's. */
@ConfigMapping(prefix = "motcua.identity")
public interface IdentityConfig {

    /**
     * How many verified bearer tokens each replica remembers (variable {@code MOTCUA_TOKEN_CACHE_SIZE}), so that a
     * token used again before it expires is not verified again; {@code 0} verifies every request. An entry costs
     * about 10 KB (the token, its claims and its identity).
     */
    @WithDefault("4096")
    int tokenCacheSize();
}
