package vn.motcua.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens (mã truy cập) of the demo accounts, signed in once with Keycloak's password grant (client
 * {@code motcua-cli}) and renewed every minute on a thread of its own, well inside the realms' 5-minute lifespan. The
 * virtual users read the current one: sign-in is Keycloak's work, not the service's, and a browser or an app keeps its
 * token for many requests, so the load test asks Keycloak for a handful of tokens a minute, not one per request.
 */
final class Tokens implements AutoCloseable {

    /** Every demo account's password (README.md). */
    static final String PASSWORD = "Motcua@2026";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String oidcUrl;
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-renewer");
        t.setDaemon(true);
        return t;
    });

    /** Signs every account in now (failing loudly if one cannot), then renews them every minute. */
    Tokens(String oidcUrl, List<String> accounts) {
        this.oidcUrl = oidcUrl;
        for (String account : accounts) {
            current.put(account, fetch(account));
        }
        renewer.scheduleWithFixedDelay(this::renewAll, 60, 60, TimeUnit.SECONDS);
    }

    /** The current token of {@code realm/username}. */
    String of(String account) {
        String token = current.get(account);
        if (token == null) {
            throw new IllegalArgumentException("no token for " + account);
        }
        return token;
    }

    private void renewAll() {
        for (String account : current.keySet()) {
            try {
                current.put(account, fetch(account));
            } catch (RuntimeException e) {
                // The old token stays until it expires; the next minute tries again.
                System.err.println("token renewal failed for " + account + ": " + e.getMessage());
            }
        }
    }

    private String fetch(String account) {
        String[] parts = account.split("/", 2);
        String form = "grant_type=password&client_id=motcua-cli&username=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(oidcUrl + "/realms/" + parts[0] + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("sign-in of " + account + " answered " + response.statusCode() + ": " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("sign-in of " + account + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
