package vn.motcua.platform.web;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in, in the page header's words. Implemented by the identity feature, which knows the realms; the
 * page kit asks through this interface so that platform depends on no feature.
 */
public interface PageUsers {

    /** The signed-in person, or {@code null} for an anonymous visitor. */
    PageUser describe(SecurityIdentity identity);
}
