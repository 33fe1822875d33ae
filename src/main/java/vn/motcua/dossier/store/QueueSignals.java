package vn.motcua.dossier.store;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The signal that a tenant's queue changed (hàng đợi thay đổi), heard from PostgreSQL ({@code LISTEN motcua_queue}):
 * the trigger of migration V11 notifies, at commit, the code of every tenant whose queue a dossier entered, changed in
 * or left. Every replica listens on its own connection, so an action taken on one replica reaches the consoles open
 * on all of them, with no broker besides the database they already share.
 *
 * <p>The connection is opened when the service starts, not at the first subscriber: opened lazily, the first console
 * to subscribe missed the signals of the second or so the connection took to open (and with them its first live
 * update, which then waited for the page's periodic re-read). Opening it never holds up the start: it is tried in the
 * background, again a second later while the database is not there, and re-opened after a failure (a restarted
 * database, a dropped connection), once a second; signals lost meanwhile are covered by the consoles' periodic
 * re-read. A signal carries
 * no data: whoever is told reads the queue again, under row-level security.
 */
@ApplicationScoped
public class QueueSignals {

    /** The channel the trigger notifies on. */
    static final String CHANNEL = "motcua_queue";

    private static final Logger LOG = Logger.getLogger(QueueSignals.class);

    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private final BroadcastProcessor<String> changed = BroadcastProcessor.create();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile PgSubscriber subscriber;
    private volatile boolean closed;

    QueueSignals(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts listening with the service, in the background (the start does not wait for the connection). */
    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** The codes of the tenants whose queue changed, as they are heard: hot, shared by every subscriber. */
    public Multi<String> changed() {
        // Normally already listening since the start; this covers a bean used before it (e.g. in a test).
        start();
        return changed;
    }

    private void start() {
        if (started.compareAndSet(false, true)) {
            listen();
        }
    }

    private void listen() {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        PgSubscriber s = PgSubscriber.subscriber(vertx, options)
                // Re-open forever, a second apart: a console without signals still re-reads on its own.
                .reconnectPolicy(retries -> 1000L);
        s.channel(CHANNEL).handler(changed::onNext);
        s.closeHandler(() -> LOG.debug("queue signals: connection closed"));
        subscriber = s;
        connect(s);
    }

    /** The first connection, tried again a second later when the database is not there yet. */
    private void connect(PgSubscriber s) {
        if (closed) {
            return;
        }
        s.connect().subscribe().with(ok -> LOG.debug("queue signals: listening"), e -> {
            LOG.warnf("queue signals: cannot listen yet (%s); consoles fall back to re-reading", e.getMessage());
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
