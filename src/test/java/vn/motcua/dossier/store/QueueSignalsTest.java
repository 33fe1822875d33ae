package vn.motcua.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The queue signals' LISTEN connection is open from the start, before any console subscribes, so the first console
 * hears the very next change rather than the ones after its connection opened.
 */
@QuarkusTest
class QueueSignalsTest {

    @Inject
    QueueSignals signals;

    @Inject
    Pool pool;

    @Test
    void theServiceListensFromTheStartAndAFirstSubscriberHearsTheNextSignalAtOnce() throws Throwable {
        // Read PostgreSQL's own view before touching changed(): the connection was opened by the start, not by us.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long listeners = 0;
        while (listeners == 0 && System.nanoTime() < deadline) {
            listeners = VertxContextSupport.subscribeAndAwait(() -> pool
                    .preparedQuery("select count(*) from pg_stat_activity where query ilike $1")
                    .execute(Tuple.of("LISTEN%" + QueueSignals.CHANNEL + "%")).map(rows -> rows.iterator().next().getLong(0)));
            if (listeners == 0) {
                Thread.sleep(50);
            }
        }
        assertTrue(listeners >= 1, "a LISTEN connection open since the start");

        String tenant = "signal-" + UUID.randomUUID();
        var heard = signals.changed().filter(tenant::equals).toUni().subscribeAsCompletionStage();
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("select pg_notify($1, $2)")
                .execute(Tuple.of(QueueSignals.CHANNEL, tenant)).replaceWithVoid());
        assertEquals(tenant, heard.get(1, java.util.concurrent.TimeUnit.SECONDS), "heard within a second");
    }
}
