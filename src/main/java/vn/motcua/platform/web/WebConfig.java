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

    /**
     * The addresses of the reverse proxies that terminate TLS in front of the service (variable
     * {@code MOTCUA_TRUSTED_PROXIES}, comma-separated): only from these is {@code X-Forwarded-Proto: https} believed.
     * A request that came over TLS, directly or through one of them, is answered with HSTS and every cookie marked
     * {@code Secure}. None by default: nothing a client sends can make the service think it is behind TLS.
     */
    java.util.Optional<java.util.Set<String>> trustedProxies();

    /**
     * On a PC put in kiosk mode (a shared PC at the desk or in the hall: {@code /kiosk}), the minutes without a page
     * request after which the person signed in there is signed out at the next request (variable
     * {@code MOTCUA_KIOSK_IDLE_MINUTES}).
     */
    @io.smallrye.config.WithDefault("5")
    int kioskIdleMinutes();

    /**
     * The site's public address (variable {@code MOTCUA_PUBLIC_URL}, e.g. {@code https://dichvucong.hanoi.gov.vn}).
     * When set, a request addressed to any other host (its {@code Host} header) is refused with 421 before anything
     * reads it, so no link or redirect the service or Quarkus OIDC builds from the request can point elsewhere. Unset
     * (the demo, the tests), any host is served.
     */
    java.util.Optional<java.net.URI> publicUrl();
}
