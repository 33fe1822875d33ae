package vn.motcua.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * An outbox row claimed for an {@link OutboxDestination}.
 *
 * @param id       the row's id: the destination's idempotency key, the same on every attempt
 * @param attempts the attempts made so far
 * @param payload  what the transaction that queued it wrote
 * @param facts    what the destination's claim read with it (the dossier as it stands now, for one)
 */
public record OutboxItem(long id, UUID dossierId, String tenantId, String kind, int attempts, String receiptCode,
        JsonObject payload, JsonObject facts) {

    /**
     * A time as a payload's JSON holds it: ISO-8601 ({@code 2026-12-02T01:02:03.456789+00:00}, PostgreSQL's
     * {@code jsonb} form) or PostgreSQL's text form ({@code 2026-12-02 01:02:03+00}); {@code null} for none or garbage.
     */
    public static OffsetDateTime time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(text.replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00"));
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
