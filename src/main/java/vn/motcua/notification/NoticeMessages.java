package vn.motcua.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The notices' words (lời thông báo), per event: a subject (the e-mail's subject, the line in the portal's list), a
 * body (the e-mail, in HTML and plain text) and an SMS (folded to ASCII when sent: {@link
 * vn.motcua.notification.domain.SmsText}). Vietnamese in {@code messages/notice_vi.properties}, English in
 * {@code messages/notice_en.properties}; read by key through {@link vn.motcua.platform.i18n.MessageKeys} from a
 * {@link vn.motcua.notification.domain.NoticeKind}'s prefix, each given the facts its text names ({@link
 * NoticeTexts}): who, the receipt code, the procedure, the office, a date (due or new appointment), the office's
 * reason, the dossier's link.
 */
@MessageBundle(value = "notice", locale = "vi")
public interface NoticeMessages {

    @Message
    String receipt_subject(String code);

    @Message
    String receipt_body(String name, String code, String procedure, String office, String date);

    @Message
    String receipt_sms(String code, String office, String date);

    @Message
    String received_subject(String code);

    @Message
    String received_body(String code, String procedure, String office, String date);

    @Message
    String received_sms(String code, String office, String date);

    @Message
    String refused_subject(String code);

    @Message
    String refused_body(String code, String procedure, String office, String reason);

    @Message
    String refused_sms(String code, String office);

    @Message
    String supplement_requested_subject(String code);

    @Message
    String supplement_requested_body(String code, String procedure, String office, String reason);

    @Message
    String supplement_requested_sms(String code, String office);

    @Message
    String supplemented_subject(String code);

    @Message
    String supplemented_body(String code, String procedure, String office, String date);

    @Message
    String supplemented_sms(String code, String office, String date);

    @Message
    String forwarded_subject(String code);

    @Message
    String forwarded_body(String code, String procedure, String office, String date);

    @Message
    String forwarded_sms(String code, String office, String date);

    @Message
    String result_ready_subject(String code);

    @Message
    String result_ready_body(String name, String code, String procedure, String office);

    @Message
    String result_ready_sms(String code, String office);

    @Message
    String returned_subject(String code);

    @Message
    String returned_body(String code, String procedure, String office);

    @Message
    String returned_sms(String code, String office);

    @Message
    String apology_subject(String code);

    @Message
    String apology_body(String code, String procedure, String office, String date, String reason);

    @Message
    String apology_sms(String code, String office, String date);

    @Message
    String nearly_late_subject(String code);

    @Message
    String nearly_late_body(String name, String code, String procedure, String office, String date);

    @Message
    String nearly_late_sms(String code, String date);

    @Message
    String greeting(String name);

    @Message
    String follow(String link);

    @Message
    String signature(String office);

    @Message
    String notices_title();

    @Message
    String notices_none();
}
