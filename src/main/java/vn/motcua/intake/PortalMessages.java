package vn.motcua.intake;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public portal's words (cổng dịch vụ công): its home page and the offices, finding a procedure and a procedure's
 * page (what you get, what to bring, fees, time, where, steps), the page before applying, the kiosk switch, the
 * citizen's own page and the reasons an officer read their data. The question pages of a submission have theirs in
 * {@link IntakeMessages}. Both languages are in properties files of the same format, Vietnamese (the default) in
 * {@code messages/portal_vi.properties}, English in {@code messages/portal_en.properties}; the build fails when either
 * lacks a method's text, and {@code BundleKeysTest} when the two differ in keys. Templates use them as
 * {@code {portal:key}}.
 *
 * <p>A purpose is keyed {@code purpose_<code>}, read by {@code portal.PortalResource} through the key rather than a
 * method per purpose.
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
    String received_anywhere();
}
