package vn.motcua.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for the authorization code flow: keeps cookies, follows redirects across the service and
 * Keycloak, and fills Keycloak's login form. Enough to prove sign-in end to end without a real browser.
 */
public final class Browser {

    /** As a browser set to English would send it; the service must still answer in Vietnamese unless asked not to. */
    private static final String ACCEPT_LANGUAGE = "en-US,en;q=0.9";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** Every Set-Cookie header received, as sent, for tests of the cookies' attributes. */
    private final List<String> setCookies = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final LoopbackCookieJar jar = new LoopbackCookieJar(setCookies);

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The last response of a GET, after following every redirect. */
    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return follow(http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Accept-Language", ACCEPT_LANGUAGE).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Submits Keycloak's login form found in {@code loginPage}, then follows redirects back to the service. */
    public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password)
            throws IOException, InterruptedException {
        Matcher m = FORM_ACTION.matcher(loginPage.body());
        if (!m.find()) {
            throw new AssertionError("not a Keycloak login page: " + loginPage.uri() + "\n" + loginPage.body());
        }
        String action = m.group(1).replace("&amp;", "&");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return follow(http.send(HttpRequest.newBuilder(loginPage.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Posts a form (application/x-www-form-urlencoded; a value may repeat) with extra headers, then follows the
     * redirects: what a browser does when a form is submitted.
     */
    /** The same form sent as {@code multipart/form-data}, as a page with a file field sends it. */
    public HttpResponse<String> postMultipart(String url, List<Map.Entry<String, String>> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String boundary = "----motcua" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.getKey()).append("\"\r\n\r\n")
                    .append(f.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .header("Accept-Language", ACCEPT_LANGUAGE).POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return follow(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public HttpResponse<String> post(String url, List<Map.Entry<String, String>> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> f : fields) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Accept-Language", ACCEPT_LANGUAGE).POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return follow(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Follows the link whose {@code id} is {@code linkId} on {@code page} (e.g. a sign-in provider's button). */
    public HttpResponse<String> click(HttpResponse<String> page, String linkId) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("<a[^>]*id=\"" + Pattern.quote(linkId) + "\"[^>]*href=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            m = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(linkId) + "\"").matcher(page.body());
            if (!m.find()) {
                throw new AssertionError("no link #" + linkId + " on " + page.uri() + "\n" + page.body());
            }
        }
        return get(page.uri().resolve(m.group(1).replace("&amp;", "&")).toString());
    }

    /**
     * Keycloak marks its cookies Secure even over plain HTTP; browsers still send them to loopback addresses (a
     * secure context), but Java's CookieManager does not. This jar keeps cookies per host, as a browser would here.
     */
    /** The Set-Cookie headers received so far for cookies called {@code name}. */
    /** Sets a cookie by hand, as a person could in their browser (or as time passing would have left it). */
    public void setCookie(String host, String path, String name, String value) {
        jar.byHost.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).put(path + " " + name, value);
    }

    /**
     * Drops the cookies whose name starts with {@code namePrefix}, on every host and path: a browser's sign-in state
     * cookies ({@code q_auth_…}, one per sign-in started) expire on their own, while this jar keeps them all, and sent to
     * Keycloak too (cookies ignore ports) hundreds of them outgrow its header limit.
     */
    public void forget(String namePrefix) {
        jar.byHost.values().forEach(cookies -> cookies.keySet().removeIf(k -> k.substring(k.indexOf(' ') + 1).startsWith(namePrefix)));
    }

    public List<String> setCookieHeaders(String namePrefix) {
        return setCookies.stream().filter(h -> h.startsWith(namePrefix)).toList();
    }

    private static final class LoopbackCookieJar extends CookieHandler {
        private final List<String> seen;

        LoopbackCookieJar(List<String> seen) {
            this.seen = seen;
        }

        /** host → "path name" → value; a cookie of the same name on another path (another realm) is another cookie. */
        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            StringBuilder header = new StringBuilder();
            // Longer paths first, as browsers send them.
            cookies.entrySet().stream()
                    .filter(e -> matches(path, e.getKey().substring(0, e.getKey().indexOf(' '))))
                    .sorted((x, y) -> y.getKey().indexOf(' ') - x.getKey().indexOf(' '))
                    .forEach(e -> header.append(header.isEmpty() ? "" : "; ").append(e.getKey().substring(e.getKey().indexOf(' ') + 1))
                            .append('=').append(e.getValue()));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header.toString()));
        }

        private static boolean matches(String requestPath, String cookiePath) {
            return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath.endsWith("/") ? cookiePath : cookiePath + "/");
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String v : values) {
                        seen.add(v);
                        String[] parts = v.split(";");
                        String pair = parts[0];
                        int eq = pair.indexOf('=');
                        String key = pair.substring(0, eq).strip();
                        String value = pair.substring(eq + 1).strip();
                        String path = null;
                        for (int i = 1; i < parts.length; i++) {
                            String attr = parts[i].strip();
                            if (attr.regionMatches(true, 0, "path=", 0, 5)) {
                                path = attr.substring(5).strip();
                            }
                        }
                        if (path == null || path.isEmpty()) {
                            String p = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
                            path = p.lastIndexOf('/') <= 0 ? "/" : p.substring(0, p.lastIndexOf('/'));
                        }
                        Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
                        boolean expired = v.toLowerCase().contains("max-age=0") || value.isEmpty();
                        if (expired) {
                            jar.remove(path + " " + key);
                        } else {
                            jar.put(path + " " + key, value);
                        }
                    }
                }
            });
        }
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> r = response;
        for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            r = http.send(HttpRequest.newBuilder(next).header("Accept", "text/html").header("Accept-Language", ACCEPT_LANGUAGE).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return r;
    }
}
