package vn.motcua.payment.domain;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a payment (thanh toán lệ phí) stands: its own state machine, kept apart from the dossier's status. A payment
 * is made once; the way back is a refund, never an edit.
 *
 * <pre>
 *   pending ──► paid ──► refund_requested ──► refunded
 *      │  └──► failed            │
 *      └──► expired ──► paid     └──► paid (the gateway refused the refund)
 * </pre>
 * An expired payment may still become paid: the citizen's bank took the money after our deadline, and the gateway's
 * word (callback or reconciliation) is what happened.
 */
public enum PaymentState {
    PENDING, PAID, FAILED, EXPIRED, REFUND_REQUESTED, REFUNDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    public static PaymentState of(String wire) {
        return valueOf(wire.toUpperCase());
    }

    /** The states this one may move to. */
    public Set<PaymentState> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, FAILED, EXPIRED);
            case EXPIRED -> EnumSet.of(PAID);
            case PAID -> EnumSet.of(REFUND_REQUESTED);
            case REFUND_REQUESTED -> EnumSet.of(REFUNDED, PAID);
            case FAILED, REFUNDED -> EnumSet.noneOf(PaymentState.class);
        };
    }

    public boolean canMoveTo(PaymentState to) {
        return next().contains(to);
    }

    /** Whether the fee counts as paid (money held by the office, or on its way back). */
    public boolean settled() {
        return this == PAID || this == REFUND_REQUESTED;
    }

    /** The key of its words in the payment bundle. */
    public String key() {
        return "state_" + wire();
    }
}
