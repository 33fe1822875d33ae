package vn.motcua.intake;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a submission's question pages (các trang câu hỏi khi nộp hồ sơ), online and at a desk or a post office:
 * the ward and the receiving office, who applies and for whom ({@code relationship_<code>}), the applicant's details,
 * how the result comes back ({@code return_<channel>}), the citizen card's QR code, the papers and their exemptions
 * from scanning ({@code exemption_<reason>}), the notices ({@code notice_channel_<channel>}), and the check-your-answers
 * page before submitting. A key ending in {@code _desk} is the same question put by an officer or a clerk.
 *
 * <p>Vietnamese (the default) in {@code messages/intake_vi.properties}, English in
 * {@code messages/intake_en.properties}; {@code BundleKeysTest} fails when the two differ in keys. Templates use them
 * as {@code {intake:key}}; {@link IntakeForm#text} reads them by key for the questions built in code.
 */
@MessageBundle(value = "intake", locale = "vi")
public interface IntakeMessages {

    @Message
    String ward_label();

    @Message
    String ward_hint();

    @Message
    String ward_none_chosen();

    @Message
    String step_of(int n, int total);

    @Message
    String prefilled_note();

    @Message
    String prefilled_tag();

    @Message
    String choose();

    @Message
    String confirm_label();

    @Message
    String confirm_required();

    @Message
    String continue_button();

    @Message
    String check_title();

    @Message
    String check_office();

    @Message
    String not_answered();

    @Message
    String change();

    @Message
    String submit_heading();

    @Message
    String submit_note();

    @Message
    String submit_button();

    @Message
    String who_title();

    @Message
    String relationship_label();

    @Message
    String relationship_self();

    @Message
    String relationship_con();

    @Message
    String relationship_cha_me();

    @Message
    String relationship_vo_chong();

    @Message
    String relationship_ong_ba();

    @Message
    String relationship_chau();

    @Message
    String relationship_anh_chi_em();

    @Message
    String relationship_nguoi_than_khac();

    @Message
    String applicant_fullName();

    @Message
    String applicant_citizenId();

    @Message
    String applicant_phone();

    @Message
    String hint_date();

    @Message
    String hint_citizen_id();

    @Message
    String hint_phone();

    @Message
    String delivery_title();

    @Message
    String return_counter();

    @Message
    String return_post(String fee);

    @Message
    String return_online();

    @Message
    String delivery_address();

    @Message
    String delivery_address_hint();

    @Message
    String qr_heading();

    @Message
    String qr_label();

    @Message
    String qr_hint();

    @Message
    String qr_button();

    @Message
    String receiving_label();

    @Message
    String receiving_hint();

    @Message
    String receiving_same();

    @Message
    String papers_title();

    @Message
    String papers_intro_full(long max);

    @Message
    String papers_intro_partial(long max);

    @Message
    String paper_choose();

    @Message
    String paper_replace();

    @Message
    String paper_hint();

    @Message
    String paper_remove();

    @Message
    String paper_attached();

    @Message
    String paper_none();

    @Message
    String paper_none_optional();

    @Message
    String card_label();

    @Message
    String card_hint();

    @Message
    String card_button();

    @Message
    String receive_heading();

    @Message
    String receive_note();

    @Message
    String receive_button();

    @Message
    String papers_intro_desk(long max);

    @Message
    String exemption_label();

    @Message
    String exemption_scanned();

    @Message
    String exemption_submitted_online();

    @Message
    String exemption_shown_only();

    @Message
    String exemption_agency_result();

    @Message
    String exemption_confidential();

    @Message
    String ward_label_desk();

    @Message
    String ward_hint_desk();

    // ---- the notices page (kênh nhận thông báo) ----

    @Message
    String notices_title();

    @Message
    String notices_channels();

    @Message
    String notices_channels_hint();

    @Message
    String notice_channel_email();

    @Message
    String notice_channel_sms();

    @Message
    String notice_channel_zalo();

    @Message
    String notice_channel_in_app();

    @Message
    String notices_email();

    @Message
    String notices_email_hint();

    @Message
    String notices_language();

    @Message
    String language_vi();

    @Message
    String language_en();

    @Message
    String check_notices();

    @Message
    String prefilled_note_desk();

    @Message
    String relationship_label_desk();

    @Message
    String delivery_title_desk();

    @Message
    String receiving_label_desk();
}
