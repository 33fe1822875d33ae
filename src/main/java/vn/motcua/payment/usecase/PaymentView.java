package vn.motcua.payment.usecase;

import java.time.OffsetDateTime;
import java.util.List;

import vn.motcua.payment.domain.Payment;
import vn.motcua.payment.domain.PaymentState;
import vn.motcua.payment.store.PaymentRows;

/**
 * A dossier's fee and where its payment stands, for the API and the pages: the fee due (that of the dossier's channel,
 * fixed when it was submitted), the payment that counts (the settled one, else the latest attempt), its electronic
 * receipt and its history.
 *
 * @param fee      the fee due, in đồng (0: nothing to pay)
 * @param state    the counting payment's state, {@code null} before any attempt
 * @param payable  whether the citizen may start an online payment now
 */
public record PaymentView(String receiptCode, String channel, long fee, PaymentState state, String method, String eReceiptNo,
        OffsetDateTime paidAt, String takenName, boolean payable, List<Attempt> attempts) {

    /** One payment of the dossier, with its history. */
    public record Attempt(String txnRef, String method, long amount, PaymentState state, String eReceiptNo, String gatewayTxnNo,
            OffsetDateTime createdAt, OffsetDateTime paidAt, List<PaymentRows.Event> history) {
    }

    static PaymentView of(String receiptCode, String channel, long fee, List<Payment> payments, List<List<PaymentRows.Event>> histories,
            boolean canPayOnline) {
        // The one that counts: the payment held (paid, or being refunded), else a refunded one, else the latest attempt.
        Payment counting = payments.stream().filter(p -> p.state().settled()).findFirst()
                .or(() -> payments.stream().filter(p -> p.state() == PaymentState.REFUNDED).findFirst())
                .orElse(payments.isEmpty() ? null : payments.get(0));
        boolean settled = payments.stream().anyMatch(p -> p.state().settled() || p.state() == PaymentState.REFUNDED);
        List<Attempt> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            attempts.add(new Attempt(p.txnRef(), p.method(), p.amount(), p.state(), p.eReceiptNo(), p.gatewayTxnNo(), p.createdAt(), p.paidAt(),
                    histories.get(i)));
        }
        return new PaymentView(receiptCode, channel, fee, counting == null ? null : counting.state(), counting == null ? null : counting.method(),
                counting == null ? null : counting.eReceiptNo(), counting == null ? null : counting.paidAt(),
                counting == null ? null : counting.takenName(), canPayOnline && fee > 0 && !settled, List.copyOf(attempts));
    }
}
