package vn.motcua.nationalportal.usecase;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import vn.motcua.nationalportal.NationalPortalConfig;
import vn.motcua.nationalportal.domain.PortalMessages;

/**
 * The national portal's integration platform over HTTP (Vert.x Web Client: non-blocking, pooled). A session is opened
 * with the province's account ({@code POST <url><authPath>} with {@code {username, password}}, answered
 * {@code {error_code: 0, session}}) and reused for {@code sessionLifetime}; each service is a {@code POST
 * <url><syncPath>} of {@code {session, madonvi, service, …}}, answered {@code {error_code: "00"}} when taken. Every
 * call has the configured timeout (bounded), and carries {@code X-Motcua-Message-Id}: the outbox row, the same on every
 * attempt. Any failure forgets the session, so the next attempt opens a new one.
 */
@ApplicationScoped
public class PortalClient {

    /** The header that carries the message's id: the outbox row's, the same on every attempt. */
    public static final String MESSAGE_ID = "X-Motcua-Message-Id";

    private record Session(String token, Instant until) {
    }

    private final NationalPortalConfig config;
    private final WebClient client;
    private final AtomicReference<Session> session = new AtomicReference<>();

    PortalClient(Vertx vertx, NationalPortalConfig config) {
        this.config = config;
        int timeout = (int) config.boundedTimeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(timeout).setIdleTimeout(60)
                .setUserAgent("motcua-national-portal"));
    }

    public boolean configured() {
        return config.url().filter(u -> !u.isBlank()).isPresent();
    }

    /** Sends one service's body under message {@code messageId}; fails unless the portal took it. */
    public Uni<Void> send(String messageId, JsonObject body) {
        return session().chain(token -> post(config.syncPath(), messageId,
                body.copy().put("session", token).put("madonvi", config.unit())))
                .map(answer -> {
                    if (!PortalMessages.accepted(answer)) {
                        throw new IllegalStateException("national portal error_code " + answer.getValue("error_code") + ": "
                                + answer.getString("message", answer.getString("error_message", "")));
                    }
                    return answer;
                })
                .onFailure().invoke(() -> session.set(null))
                .replaceWithVoid();
    }

    private Uni<String> session() {
        Session s = session.get();
        if (s != null && Instant.now().isBefore(s.until())) {
            return Uni.createFrom().item(s.token());
        }
        JsonObject credentials = new JsonObject().put("username", config.username().orElse("")).put("password", config.password().orElse(""));
        return post(config.authPath(), null, credentials).map(answer -> {
            String token = answer.getString("session");
            if (!PortalMessages.accepted(answer) || token == null || token.isBlank()) {
                throw new IllegalStateException("national portal refused the session: error_code " + answer.getValue("error_code"));
            }
            session.set(new Session(token, Instant.now().plus(config.sessionLifetime())));
            return token;
        });
    }

    private Uni<JsonObject> post(String path, String messageId, JsonObject body) {
        String url = config.url().orElseThrow() + path;
        var request = client.postAbs(url).timeout(config.boundedTimeout().toMillis()).putHeader("Accept", "application/json");
        if (messageId != null) {
            request.putHeader(MESSAGE_ID, messageId);
        }
        return request.sendJsonObject(body).map(PortalClient::json);
    }

    private static JsonObject json(HttpResponse<?> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("national portal HTTP " + r.statusCode());
        }
        try {
            JsonObject answer = r.bodyAsJsonObject();
            if (answer == null) {
                throw new IllegalStateException("national portal: an empty answer");
            }
            return answer;
        } catch (io.vertx.core.json.DecodeException e) {
            throw new IllegalStateException("national portal: not JSON");
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
