package vn.motcua.notification.channel;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import vn.motcua.notification.NotificationConfig;

/** The one HTTP client of the SMS and Zalo adapters (Vert.x Web Client: non-blocking, pooled). */
@ApplicationScoped
class Http {

    private final WebClient client;

    Http(Vertx vertx, NotificationConfig config) {
        int timeout = (int) config.relay().timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(timeout).setIdleTimeout(60)
                .setUserAgent("motcua-notifications"));
    }

    WebClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
