package vn.motcua.notification;

import java.time.OffsetDateTime;

/**
 * A notice no chosen channel delivered (thư không gửi được): its outbox row, kind, last channel tried, attempts on it,
 * the provider's last error, when it was queued.
 */
public record DeadLetter(long id, String kind, String channel, int attempts, String lastError, OffsetDateTime createdAt,
        String receiptCode) {
}
