package vn.motcua.notification;

import java.time.OffsetDateTime;

/** A nearly-late alert still open (hồ sơ sắp đến hạn): which dossier, who holds the step, when it is due, when raised. */
public record NearlyLate(String receiptCode, String holderName, OffsetDateTime dueAt, OffsetDateTime raisedAt) {
}
