package vn.motcua.platform.web;

/**
 * How a route names what guards it (quyền của một đường dẫn). Every API operation and every page route carries the
 * OpenAPI extension {@value #EXTENSION} ({@code @Extension(name = RoutePermission.EXTENSION, value = "...")}) with
 * the ids of the permissions of the role matrix ({@code identity.Permission}) that allow it, separated by commas,
 * or {@code signed-in} or {@code public}. The API's attack matrix reads it from the OpenAPI document, the pages'
 * from the application's routes; a route without it fails the suite.
 *
 * <p>The name lives here, in platform, so that a feature below {@code identity} (the tenant tree's API) can
 * declare it without depending on the role matrix.
 */
public final class RoutePermission {

    /** The OpenAPI extension that names a route's permission. */
    public static final String EXTENSION = "x-permission";

    /** A route anyone may call, signed in or not. */
    public static final String PUBLIC = "public";

    /** A route any signed-in caller may call, for themselves. */
    public static final String SIGNED_IN = "signed-in";

    private RoutePermission() {
    }
}
