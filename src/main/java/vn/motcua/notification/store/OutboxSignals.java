package vn.motcua.notification.store;

import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The nudge that notices were queued ({@code LISTEN motcua_outbox}, notified at commit by V15's trigger), so the relay
 * sends at once rather than at its next tick. One connection per replica, re-opened a second after a failure; a signal
 * lost meanwhile is only a notice sent at the next tick.
 */
@ApplicationScoped
public class OutboxSignals {

    static final String CHANNEL = "motcua_outbox";

    /** The payload of a nudge for the notice relay's lane (V23): a row to send was queued. */
    public static final String NOTICES = "notices";

    /** The payload of a nudge for the outward destinations' lane (V23: the national portal's rows). */
    public static final String DESTINATIONS = "destinations";

    private static final Logger LOG = Logger.getLogger(OutboxSignals.class);

    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private volatile PgSubscriber subscriber;
    private volatile boolean closed;

    OutboxSignals(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Calls {@code nudge} on each signal, from now on, with its payload: {@link #NOTICES}, {@link #DESTINATIONS}, or
     * empty (a signal of V15's trigger, which named no lane).
     */
    public void listen(Consumer<String> nudge) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        PgSubscriber s = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        s.channel(CHANNEL).handler(payload -> nudge.accept(payload == null ? "" : payload));
        subscriber = s;
        connect(s);
    }

    private void connect(PgSubscriber s) {
        s.connect().subscribe().with(ok -> LOG.debug("outbox signals: listening"), e -> {
            LOG.warnf("outbox signals: cannot listen yet (%s); the relay's tick still sends", e.getMessage());
            if (subscriber == s && !closed) {
                vertx.setTimer(1000, id -> connect(s));
            }
        });
    }

    @PreDestroy
    void close() {
        closed = true;
        PgSubscriber s = subscriber;
        if (s != null) {
            s.close().subscribe().with(x -> { }, e -> { });
        }
    }
}
