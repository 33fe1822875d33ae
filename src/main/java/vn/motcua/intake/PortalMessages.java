package vn.motcua.intake;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public portal's words (cổng dịch vụ công): its home page, the citizen's own page and the reasons an officer read
 * their data. Both languages are in properties files of the same format, Vietnamese (the default) in
 * {@code messages/portal_vi.properties}, English in {@code messages/portal_en.properties}; the build fails when either
 * lacks a method's text, and {@code BundleKeysTest} when the two differ in keys. Templates use them as
 * {@code {portal:key}}.
 *
 * <p>A purpose is keyed {@code purpose_<code>}, read by {@link PortalResource} through the key rather than a method per
 * purpose.
 */
@MessageBundle(value = "portal", locale = "vi")
public interface PortalMessages {

    @Message
    String portal_tagline();

    @Message
    String portal_home();

    @Message
    String portal_tenants_heading();

    @Message
    String portal_tenants_intro(int count);

    @Message
    String my_page();

    @Message
    String me_intro();

    @Message
    String me_username();

    @Message
    String assurance();

    @Message
    String assurance_high(String masked);

    @Message
    String assurance_low();

    @Message
    String data_access_heading();

    @Message
    String data_access_intro();

    @Message
    String data_access_none();

    @Message
    String data_access_when();

    @Message
    String data_access_officer();

    @Message
    String data_access_office();

    @Message
    String data_access_dossier();

    @Message
    String data_access_purpose();

    @Message
    String purpose_processing();

    @Message
    String purpose_supervision();

    @Message
    String purpose_audit();

    @Message
    String purpose_postal();

    @Message
    String purpose_reuse();

    @Message
    String kiosk_title();

    @Message
    String kiosk_intro(int minutes);

    @Message
    String kiosk_on();

    @Message
    String kiosk_off();

    @Message
    String kiosk_turn_on();

    @Message
    String kiosk_turn_off();

    @Message
    String search_label();

    @Message
    String search_hint();

    @Message
    String search_button();

    @Message
    String life_events_heading();

    @Message
    String fields_heading();

    @Message
    String after_submission_heading();

    @Message
    String lookup_link();

    @Message
    String my_dossiers_link();

    @Message
    String results_heading();

    @Message
    String back();

    @Message
    String results_count(int count);

    @Message
    String results_none();

    @Message
    String result_level();

    @Message
    String result_time();

    @Message
    String days(String n);

    @Message
    String online_yes();

    @Message
    String procedure_code();

    @Message
    String what_you_get();

    @Message
    String who_and_how();

    @Message
    String what_to_bring();

    @Message
    String doc_count(int count);

    @Message
    String kind_original();

    @Message
    String kind_copy();

    @Message
    String kind_certified_copy();

    @Message
    String doc_optional();

    @Message
    String fees_heading();

    @Message
    String channel_online_full();

    @Message
    String channel_online_partial();

    @Message
    String channel_counter();

    @Message
    String channel_postal();

    @Message
    String fee_free();

    @Message
    String time_heading();

    @Message
    String time_days(String days);

    @Message
    String where_heading();

    @Message
    String ward_label();

    @Message
    String ward_hint();

    @Message
    String ward_none_chosen();

    @Message
    String ward_choose();

    @Message
    String due_if_now(String time, String date);

    @Message
    String email();

    @Message
    String not_offered();

    @Message
    String contact_heading();

    @Message
    String steps_heading();

    @Message
    String steps_intro();

    @Message
    String apply_button();

    @Message
    String apply_sign_in_note();

    @Message
    String not_online();

    @Message
    String faq_heading();

    @Message
    String legal_heading();

    @Message
    String print_hint();

    @Message
    String apply_intro();

    @Message
    String apply_documents_intro();

    @Message
    String apply_drafts_heading();

    @Message
    String apply_resume(String when);

    @Message
    String apply_start_button();

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
    String received_anywhere();

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
