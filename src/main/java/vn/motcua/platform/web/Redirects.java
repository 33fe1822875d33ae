package vn.motcua.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Redirects within the site (chuyển hướng). The {@code Location} is the path alone: JAX-RS would make a relative URI
 * absolute with the request's {@code Host} header, which the client chooses, so a forged header could send the next
 * request to another site. A relative {@code Location} is resolved by the browser against the address it used.
 */
public final class Redirects {

    private Redirects() {
    }

    /** 303 See Other to a path of this site (after a form post, or to a page the request should have asked for). */
    public static Response seeOther(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            throw new IllegalArgumentException("not a path of this site: " + path);
        }
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }
}
