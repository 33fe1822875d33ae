package vn.motcua.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pages' protections. */
@ConfigMapping(prefix = "motcua.web")
public interface WebConfig {

    /**
     * The key that signs the pages' anti-forgery tokens (variable {@code MOTCUA_CSRF_SECRET}). Every replica must
     * share it; set a long random value in production. The default is for development only and is logged as such.
     */
    @WithDefault("development-only-csrf-secret")
    String csrfSecret();
}
