package vn.motcua.platform.web;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
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
 * The API is left alone: it takes bearer tokens only, which a browser never sends by itself.
 */
public class PageFilters {

    private final CurrentIdentityAssociation identities;
    private final PageContext page;
    private final PageUsers users;
    private final CsrfGuard csrf;

    PageFilters(CurrentIdentityAssociation identities, PageContext page, PageUsers users, CsrfGuard csrf) {
        this.identities = identities;
        this.page = page;
        this.users = users;
        this.csrf = csrf;
    }

    /** Whether a path is a page's (not the API's, nor Quarkus's management routes). */
    public static boolean isPage(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/"));
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Uni<Void> knowTheVisitor(ResteasyReactiveContainerRequestContext request) {
        if (!isPage(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> page.signedIn(identity,
                identity == null || identity.isAnonymous() ? null : users.describe(identity))).replaceWithVoid();
    }

    @WithFormRead
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION)
    public Uni<Response> refuseForgedPosts(ResteasyReactiveContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || !isPage(request.getUriInfo().getPath())) {
            return Uni.createFrom().nullItem();
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
