package vn.motcua.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every answer carries (tiêu đề bảo mật), set once here rather than by each route: what a browser may
 * do with a page (no framing, no script but our own, no sniffing of types, no referrer to other sites) and how long
 * it may keep it (nothing about a signed-in person is stored). A route that knows better (a file served with its
 * own policy, a page already marked {@code no-store}) keeps its own value: these are defaults, applied only where the
 * header is absent.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * Pages: our own scripts, styles and images only (the layout's one inline style sheet is allowed: it saves a
     * request on a weak connection), no plug-ins, no {@code <base>}, never inside another site's frame.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** Data (JSON, problem documents, plain text, metrics, empty answers): nothing to run, nothing to frame. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    /**
     * A file served inline (an attachment, a printed form): nothing it holds may run or load anything, nor be framed;
     * not a sandbox, which would stop the browser's own PDF viewer. The route that serves it sets it.
     */
    public static final String FILE_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** A year, the usual HSTS lifetime: browsers then never try plain HTTP for the site. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private java.util.Set<String> trustedProxies = java.util.Set.of();

    void register(@Observes Filters filters, WebConfig config) {
        trustedProxies = config.trustedProxies().orElse(java.util.Set.of());
        filters.register(this::onEnd, 100);
        config.publicUrl().ifPresent(url -> {
            String ours = authority(url);
            // Before anything else reads the request (a higher priority runs first).
            filters.register(context -> {
                String host = context.request().getHeader(HttpHeaders.HOST);
                if (host == null || !host.equalsIgnoreCase(ours)) {
                    context.response().setStatusCode(421).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                            .end("{\"type\":\"/problems/bad-request\",\"title\":\"Misdirected request\",\"status\":421}");
                    return;
                }
                context.next();
            }, 1000);
        });
    }

    /** host[:port] of a URL, the port left out when it is the scheme's default, as a browser's Host header has it. */
    static String authority(java.net.URI url) {
        int port = url.getPort();
        boolean standard = port < 0 || "https".equalsIgnoreCase(url.getScheme()) && port == 443
                || "http".equalsIgnoreCase(url.getScheme()) && port == 80;
        return standard ? url.getHost() : url.getHost() + ":" + port;
    }

    private void onEnd(RoutingContext context) {
        context.addHeadersEndHandler(v -> apply(context, overTls(context.request().isSSL(),
                context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress(),
                context.request().getHeader("X-Forwarded-Proto"), trustedProxies)));
        context.next();
    }

    /**
     * Whether the request reached the site over TLS: directly, or through a proxy of {@code trusted} that says so. A
     * client's own {@code X-Forwarded-Proto} counts for nothing.
     */
    static boolean overTls(boolean ssl, String peer, String forwardedProto, java.util.Set<String> trusted) {
        return ssl || peer != null && trusted.contains(peer) && "https".equalsIgnoreCase(forwardedProto == null ? null : forwardedProto.strip());
    }

    private static void apply(RoutingContext context, boolean tls) {
        MultiMap h = context.response().headers();
        if (tls) {
            setIfAbsent(h, "Strict-Transport-Security", HSTS);
            // Every cookie of the answer (the session's, the state's, the language's) travels over TLS only.
            java.util.List<String> cookies = h.getAll(HttpHeaders.SET_COOKIE);
            if (!cookies.isEmpty()) {
                h.remove(HttpHeaders.SET_COOKIE);
                for (String c : cookies) {
                    h.add(HttpHeaders.SET_COOKIE, c.toLowerCase(java.util.Locale.ROOT).contains("; secure") ? c : c + "; Secure");
                }
            }
        }
        String type = h.get(HttpHeaders.CONTENT_TYPE);
        boolean page = type != null && type.startsWith("text/html");
        if (page) {
            setIfAbsent(h, "Content-Security-Policy", PAGE_POLICY);
        } else if (type == null || type.startsWith("application/json") || type.startsWith("application/problem+json")
                || type.startsWith("text/")) {
            setIfAbsent(h, "Content-Security-Policy", DATA_POLICY);
        }
        // A file (an attachment's PDF or image) gets its policy from the route that serves it: a sandbox here would
        // stop the browser's own PDF viewer.
        setIfAbsent(h, "X-Content-Type-Options", "nosniff");
        setIfAbsent(h, "X-Frame-Options", "DENY");
        setIfAbsent(h, "Referrer-Policy", "same-origin");
        // A signed-in answer (a session cookie or a bearer token came with it) may hold personal data: never stored.
        // An anonymous one is revalidated, so a shared commune PC's back button does not show the last person's page.
        boolean personal = context.request().headers().contains(HttpHeaders.AUTHORIZATION)
                || context.request().headers().contains(HttpHeaders.COOKIE) && hasSession(context.request().headers().get(HttpHeaders.COOKIE));
        setIfAbsent(h, "Cache-Control", personal ? "no-store" : "no-cache");
    }

    /** Quarkus OIDC's session cookies are named {@code q_session…}. */
    private static boolean hasSession(String cookies) {
        return cookies != null && cookies.contains("q_session");
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
