package vn.motcua.payment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a dossier's fee and its payment (lệ phí, thanh toán) on the portal and in the console. Vietnamese (the
 * default) in {@code messages/pay_vi.properties}, English in {@code messages/pay_en.properties}; templates use them as
 * {@code {pay:key}}; a payment state's words are {@code state_<state>}.
 */
@MessageBundle(value = "pay", locale = "vi")
public interface PaymentMessages {

    @Message
    String heading();

    @Message
    String fee_label();

    @Message
    String fee_free();

    @Message
    String state_label();

    @Message
    String state_none();

    @Message
    String state_pending();

    @Message
    String state_paid();

    @Message
    String state_failed();

    @Message
    String state_expired();

    @Message
    String state_refund_requested();

    @Message
    String state_refunded();

    @Message
    String e_receipt_label();

    @Message
    String paid_at_label();

    @Message
    String method_label();

    @Message
    String method_gateway();

    @Message
    String method_cash();

    @Message
    String method_pos();

    @Message
    String taken_by_label();

    @Message
    String pay_button();

    @Message
    String pay_hint();

    @Message
    String return_title();

    @Message
    String return_paid(String code);

    @Message
    String return_pending(String code);

    @Message
    String return_failed(String code);

    @Message
    String return_unknown();

    @Message
    String return_to_dossier();

    @Message
    String counter_link();

    @Message
    String counter_intro(String code, String fee);

    @Message
    String counter_method();

    @Message
    String counter_amount();

    @Message
    String counter_submit();

    @Message
    String counter_done(String number);

    @Message
    String back_to_dossier();
}
