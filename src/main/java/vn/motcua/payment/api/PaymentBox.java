package vn.motcua.payment.api;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateData;
import vn.motcua.payment.PaymentMessages;
import vn.motcua.payment.domain.Vnpay;
import vn.motcua.payment.usecase.PaymentView;
import vn.motcua.platform.i18n.MessageKeys;

/**
 * A dossier's fee and payment as a page shows it (the portal's dossier page, the console's), every word in the page's
 * language: {@code templates/payment-box.html} renders it.
 *
 * @param stateCode the state's wire name ({@code paid}, …), {@code none} before any attempt
 * @param payable   whether the "Thanh toán" button shows (the applicant, a fee due, nothing paid yet)
 */
@TemplateData
public record PaymentBox(String code, String fee, boolean free, String state, String stateCode, String method, String eReceiptNo,
        String paidAt, String takenName, boolean payable) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    public static PaymentBox of(PaymentView v, Locale locale) {
        String stateCode = v.state() == null ? "none" : v.state().wire();
        return new PaymentBox(v.receiptCode(), money(v.fee()), v.fee() == 0, words(locale, "state_" + stateCode), stateCode,
                v.method() == null ? null : words(locale, "method_" + v.method()), v.eReceiptNo(),
                v.paidAt() == null ? null : v.paidAt().atZoneSameInstant(Vnpay.VIETNAM).format(WHEN), v.takenName(), v.payable());
    }

    /** An amount in đồng, grouped the Vietnamese way ("50.000 đ"). */
    public static String money(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đ";
    }

    static String words(Locale locale, String key) {
        return MessageKeys.text(PaymentMessages.class, locale, key.replace('-', '_'));
    }
}
