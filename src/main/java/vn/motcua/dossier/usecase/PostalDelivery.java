package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;

/**
 * A result sent by post (phát trả kết quả qua bưu chính): its tracking number and where it is, as the post office and
 * the desk of the dossier's tenant see it.
 *
 * @param state  {@code sent} (on its way), {@code delivered} or {@code failed}
 * @param reason why it failed, when it did
 */
public record PostalDelivery(String receiptCode, String office, String tenant, String tracking, String state, String reason,
        OffsetDateTime sentAt, String sentBy, OffsetDateTime endedAt, String endedBy) {

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    public boolean onItsWay() {
        return SENT.equals(state);
    }
}
