package vn.motcua.payment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One attempt to pay one dossier's fee (lệ phí), online through the gateway or at the counter.
 *
 * @param tenant       the competent office that charges the fee (its row-level security scope)
 * @param txnRef       what the gateway knows it by (vnp_TxnRef)
 * @param method       {@code gateway}, {@code cash} or {@code pos}
 * @param channel      the dossier's channel, whose fee was charged (online fees may be lower)
 * @param amount       in đồng
 * @param gatewayTxnNo the gateway's transaction number (vnp_TransactionNo), once it answered
 * @param gatewayDate  the gateway's payment time as it sent it (vnp_PayDate, yyyyMMddHHmmss, GMT+7)
 * @param eReceiptNo   the electronic receipt number (số biên lai điện tử), once paid
 * @param takenBy      who took a counter payment (actor key), and their name
 */
public record Payment(UUID id, String tenant, UUID dossierId, String receiptCode, String txnRef, String method, String channel,
        long amount, PaymentState state, String gatewayTxnNo, String bankCode, String gatewayDate, String eReceiptNo,
        OffsetDateTime paidAt, String createdBy, String takenBy, String takenName, OffsetDateTime createdAt, OffsetDateTime expiresAt) {

    public static final String GATEWAY = "gateway";
    public static final String CASH = "cash";
    public static final String POS = "pos";

    public boolean online() {
        return GATEWAY.equals(method);
    }

    public Payment withState(PaymentState to) {
        return new Payment(id, tenant, dossierId, receiptCode, txnRef, method, channel, amount, to, gatewayTxnNo, bankCode, gatewayDate,
                eReceiptNo, paidAt, createdBy, takenBy, takenName, createdAt, expiresAt);
    }

    /** Paid, with the gateway's facts (if any), the receipt number and the time. */
    public Payment paid(String txnNo, String bank, String date, String receiptNo, OffsetDateTime at) {
        return new Payment(id, tenant, dossierId, receiptCode, txnRef, method, channel, amount, PaymentState.PAID, txnNo, bank, date,
                receiptNo, at, createdBy, takenBy, takenName, createdAt, expiresAt);
    }
}
