package vn.motcua.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.oidc.runtime.OidcConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Whether the sign-in server (máy chủ đăng nhập: Keycloak) answers, asked before a page sends a visitor to sign in.
 * When it is down, sending the browser there ends on the browser's own "cannot reach the site" page, and a realm not
 * discovered yet fails inside the service; instead the visitor reads a page of ours that says so, in their language
 * ({@code sign-in-unavailable}, 503). People already signed in, and bearer tokens, do not need Keycloak: their tokens
 * are checked with the keys already fetched.
 *
 * <p>The answer is each realm's discovery document ({@code …/.well-known/openid-configuration}) within
 * {@link #TIMEOUT}, remembered for {@link #REMEMBERED}: at most one request to Keycloak per realm every few seconds,
 * and only while visitors are being sent to sign in.
 */
@ApplicationScoped
public class SignInServer {

    /** How long an answer is trusted before Keycloak is asked again. */
    static final Duration REMEMBERED = Duration.ofSeconds(5);
    /** How long Keycloak may take to answer before it counts as down. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(SignInServer.class);

    private record Answer(boolean up, long at) {
    }

    private final List<URI> documents;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    private volatile Answer last;

    SignInServer() {
        this(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(OidcConfig.class).namedTenants().values().stream()
                .map(t -> t.authServerUrl()).flatMap(Optional::stream).distinct().sorted().toList());
    }

    /** Over these realms' URLs ({@code http://host/realms/name}); tests. */
    SignInServer(List<String> realmUrls) {
        this.documents = realmUrls.stream().map(u -> URI.create(u.replaceAll("/+$", "") + "/.well-known/openid-configuration")).toList();
    }

    /** Whether every realm's sign-in answers; completes on the caller's Vert.x context. */
    public Uni<Boolean> available() {
        Answer a = last;
        if (a != null && System.nanoTime() - a.at() < REMEMBERED.toNanos()) {
            return Uni.createFrom().item(a.up());
        }
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : r -> context.runOnContext(v -> r.run());
        return Uni.createFrom().completionStage(this::ask).emitOn(back);
    }

    private CompletableFuture<Boolean> ask() {
        CompletableFuture<?>[] asks = documents.stream().map(uri -> http
                .sendAsync(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200).exceptionally(e -> false)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(asks).thenApply(x -> {
            boolean up = true;
            for (CompletableFuture<?> f : asks) {
                up &= (Boolean) f.join();
            }
            Answer before = last;
            if (before == null ? !up : before.up() != up) {
                if (up) {
                    LOG.info("The sign-in server answers again");
                } else {
                    LOG.warnf("The sign-in server does not answer (%s): visitors are told sign-in is unavailable", documents);
                }
            }
            last = new Answer(up, System.nanoTime());
            return up;
        });
    }
}
