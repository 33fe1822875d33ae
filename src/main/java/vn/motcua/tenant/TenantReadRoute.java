package vn.motcua.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/tenants/{code}} answered from memory (đọc nhanh một đơn vị), before the REST layer: the portal's
 * most frequent request, for a representation that changes only when the tenant tree does (issue 20: cached reads
 * that keep up with the machine). When this replica holds the tree and the tenant is in it, and the caller takes
 * JSON, the answer is the bytes {@link TenantJson} keeps, written as they are; in every other case (no tree yet, an
 * unknown code and its 404 problem, another media type and its 406, HEAD) the request goes on to
 * {@link TenantResource#tenant}, which answers the same bytes and every error. Both paths are one route of the API
 * description, with the same body, type and headers (the service's security headers and compression apply to both);
 * {@code TenantReadRouteTest} compares them.
 *
 * <p>Why a route at all: measured on 2 cores, the REST layer's own work per request (its handler chain, the request
 * and response filters that every route passes through) held the read at 0.62–0.70× of a bare route in the same
 * process; the work that remains here is the tree's look-up and one write.
 */
@ApplicationScoped
class TenantReadRoute {

    /** Longer codes go to the REST layer, which answers them as unknown: no code of a tree is this long. */
    static final int MAX_CODE = 64;
    /** Longer Accept headers go to the REST layer too: no browser or client sends one this long. */
    static final int MAX_ACCEPT = 512;
    private static final String JSON = "application/json";

    private final TenantDirectory directory;
    private final TenantJson json;
    /** Whether JSON travels compressed when the caller accepts it, as the service's configuration says for REST. */
    private final boolean compress;

    TenantReadRoute(TenantDirectory directory, TenantJson json,
            @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean compression,
            @ConfigProperty(name = "quarkus.http.compress-media-types") Optional<List<String>> compressed) {
        this.directory = directory;
        this.json = json;
        // Quarkus's own default list of compressed types holds JSON.
        this.compress = compression && compressed.map(types -> types.contains(JSON)).orElse(true);
    }

    void register(@Observes Router router) {
        router.get("/api/tenants/:code").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String code = context.pathParam("code");
        TenantTree tree = directory.kept();
        if (tree == null || code == null || code.length() > MAX_CODE || !takesJson(context.request().getHeader(HttpHeaders.ACCEPT))) {
            context.next();
            return;
        }
        Tenant tenant = tree.find(code).orElse(null);
        if (tenant == null) {
            context.next();
            return;
        }
        MultiMap headers = context.response().headers();
        headers.set(HttpHeaders.CONTENT_TYPE, JSON);
        if (compress && HttpHeaders.IDENTITY.toString().equals(headers.get(HttpHeaders.CONTENT_ENCODING))) {
            // Quarkus marks every answer "identity" up front and lets its REST layer lift the mark for the types
            // it compresses; this route does the same, and Vert.x then compresses for a caller that accepts it.
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
        context.response().end(json.kept(tree, tenant));
    }

    /**
     * Whether an Accept header takes {@code application/json}: absent, or one of its ranges is that type,
     * {@code application/*} or {@code *}{@code /*} with a quality above zero. Anything else (or a header past
     * {@link #MAX_ACCEPT}) is left to the REST layer's negotiation.
     */
    static boolean takesJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        if (accept.length() > MAX_ACCEPT) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!(type.equals(JSON) || type.equals("application/*") || type.equals("*/*")) || refused(parts)) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** Whether a range's parameters give it {@code q=0} (or an unreadable quality, to be safe). */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return !(Double.parseDouble(p.substring(2)) > 0); // NaN refused too
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
