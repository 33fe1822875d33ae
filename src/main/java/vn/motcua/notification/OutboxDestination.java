package vn.motcua.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * An outward adapter that the outbox relay delivers rows to (đích gửi), besides the citizens' and officers' notices:
 * the national public-service portal's sync, for one. A feature above this one implements it as a bean; the relay
 * finds every such bean and gives its rows the notices' machinery: claimed across replicas without sending twice
 * (its own claim, {@code FOR UPDATE SKIP LOCKED} and a lease), delivered outside any transaction, then recorded in the
 * row's tenant scope: sent; pending again after the relay's backoff; or, after the relay's attempts, the dead letter
 * that the tenant's administrators see and may send again.
 */
public interface OutboxDestination {

    /** The name recorded as the row's channel (at most 20 characters), e.g. {@code national-portal}. */
    String channel();

    /** Whether it can send at all (configured): when not, its rows are not claimed and wait, pending. */
    boolean enabled();

    /** Claims up to {@code limit} due rows of its own, leased for {@code lease}, on a connection without tenant scope. */
    Uni<List<OutboxItem>> claim(SqlConnection conn, int limit, Duration lease);

    /**
     * Delivers one row, or fails: a failure is retried after the relay's backoff; a
     * {@link vn.motcua.notification.channel.Undeliverable} one (retrying cannot help) is dead-lettered at once.
     */
    Uni<Void> deliver(OutboxItem item);

    /**
     * A row of {@code kind} in one line, in {@code locale}, as the console lists a dead letter; empty for a kind not its
     * own.
     */
    default Optional<String> subject(String kind, Locale locale, String receiptCode) {
        return Optional.empty();
    }
}
