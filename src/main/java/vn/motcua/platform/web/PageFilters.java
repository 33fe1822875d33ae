package vn.motcua.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The page kit's two request filters, for every route outside {@code /api} and {@code /q}:
 *
 * <ol>
 * <li>the {@link PageContext} learns who is signed in, before the page method runs;</li>
 * <li>every state-changing request (any method but GET, HEAD and OPTIONS) must carry this session's anti-forgery
 * token in its form and, when the browser says where it comes from, come from this site ({@link CsrfGuard}). It is
 * one filter for all pages, so a new form cannot forget it; a refusal is a 403 problem page.</li>
 * </ol>
 *
 * On a PC in kiosk mode ({@link #KIOSK_COOKIE}), a person signed in and idle for {@link WebConfig#kioskIdleMinutes()} is
 * signed out at the next request. The API is left alone: it takes bearer tokens only, which a browser never sends by
 * itself.
 */
public class PageFilters {

    private final CurrentIdentityAssociation identities;
    private final PageContext page;
    private final PageUsers users;
    private final CsrfGuard csrf;
    private final WebConfig config;

    PageFilters(CurrentIdentityAssociation identities, PageContext page, PageUsers users, CsrfGuard csrf, WebConfig config) {
        this.config = config;
        this.identities = identities;
        this.page = page;
        this.users = users;
        this.csrf = csrf;
    }

    /** Whether a path is a page's (not the API's, nor Quarkus's management routes). */
    public static boolean isPage(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/"));
    }

    /** The cookie that puts a browser in kiosk mode, and the one that says when its signed-in person was last seen. */
    public static final String KIOSK_COOKIE = "kiosk";
    static final String SEEN_COOKIE = "kiosk_seen";

    /*
     * Both request filters return null (not a Uni of null) outside their scope: Quarkus REST suspends and resumes a
     * request for every Uni a filter returns, and they run on every route, the API's hot reads included.
     */

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Uni<Response> knowTheVisitor(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isPage(path)) {
            return null;
        }
        return identities.getDeferredIdentity().map(identity -> {
            page.signedIn(identity, identity == null || identity.isAnonymous() ? null : users.describe(identity));
            PageUser user = page.user();
            if (user != null && kiosk(request) && !path.equals(user.signOut()) && idle(request, System.currentTimeMillis())) {
                // A shared PC left signed in: the next person's first request ends the session, before showing anything.
                return Redirects.seeOther(user.signOut());
            }
            return null;
        });
    }

    /** On a kiosk PC, a signed-in page says when its person was last seen, for the idle sign-out above. */
    @ServerResponseFilter
    public void seen(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response) {
        if (isPage(request.getUriInfo().getPath()) && page.user() != null && kiosk(request)) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(SEEN_COOKIE).value(Long.toString(System.currentTimeMillis() / 1000))
                    .path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
    }

    private static boolean kiosk(ResteasyReactiveContainerRequestContext request) {
        Cookie c = request.getCookies().get(KIOSK_COOKIE);
        return c != null && "1".equals(c.getValue());
    }

    private boolean idle(ResteasyReactiveContainerRequestContext request, long nowMillis) {
        Cookie c = request.getCookies().get(SEEN_COOKIE);
        if (c == null) {
            return false;
        }
        try {
            return nowMillis / 1000 - Long.parseLong(c.getValue()) > config.kioskIdleMinutes() * 60L;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    @WithFormRead
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION)
    public Uni<Response> refuseForgedPosts(ResteasyReactiveContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || !isPage(request.getUriInfo().getPath())) {
            return null;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object field = context.getFormParameter(CsrfGuard.FIELD, true, false);
        String token = field instanceof FormValue v ? (v.isFileItem() ? null : v.getValue()) : (String) field;
        return identities.getDeferredIdentity().map(identity -> {
            csrf.verify(identity, token, request.getHeaders().getFirst("Origin"), request.getHeaders().getFirst("Referer"),
                    request.getUriInfo().getBaseUri().getAuthority());
            return null;
        });
    }
}
