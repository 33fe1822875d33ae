package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the desk's pages (hàng đợi và trang hồ sơ của cán bộ): the queues, a dossier's page, its actions and
 * their outcomes. Vietnamese (the default) in {@code messages/desk_vi.properties}, English in
 * {@code messages/desk_en.properties}; {@code BundleKeysTest} fails when the two differ in keys. Templates use them as
 * {@code {desk:key}}; the pages read keyed families ({@code state_<status>}, {@code action_<action>},
 * {@code tab_<queue>}, …) through {@link Desk#text}.
 */
@MessageBundle(value = "desk", locale = "vi")
public interface DeskMessages {

    @Message
    String queue_heading();

    @Message
    String queue_tabs();

    @Message
    String queue_search();

    @Message
    String queue_search_hint();

    @Message
    String search();

    @Message
    String queue_empty();

    @Message
    String queue_select_heading();

    @Message
    String pick(String code);

    @Message
    String col_code();

    @Message
    String col_applicant();

    @Message
    String col_procedure();

    @Message
    String col_state();

    @Message
    String col_due();

    @Message
    String col_step();

    @Message
    String col_holder();

    @Message
    String col_when();

    @Message
    String online();

    @Message
    String held_by(String office);

    @Message
    String next_page();

    @Message
    String counted_at(String time);

    @Message
    String refresh();

    @Message
    String live_changed();

    @Message
    String live_polling();

    @Message
    String alert_online(long count);

    @Message
    String alert_soon(long count);

    @Message
    String alert_late(long count);

    @Message
    String assign_heading();

    @Message
    String assign_to();

    @Message
    String assign_myself();

    @Message
    String assign_reason_hint();

    @Message
    String assign_button();

    @Message
    String reason();

    @Message
    String reason_optional();

    @Message
    String queue_assigned(int count);

    @Message
    String queue_assign_refused(String code, String why);

    @Message
    String tab_all();

    @Message
    String tab_online();

    @Message
    String tab_receive();

    @Message
    String tab_process();

    @Message
    String tab_approve();

    @Message
    String tab_return();

    @Message
    String tab_waiting();

    @Message
    String tab_soon();

    @Message
    String tab_late();

    @Message
    String tab_for_others();

    @Message
    String state_submitted();

    @Message
    String state_received();

    @Message
    String state_in_progress();

    @Message
    String state_supplement_requested();

    @Message
    String state_forwarded();

    @Message
    String state_awaiting_approval();

    @Message
    String state_approved();

    @Message
    String state_rejected();

    @Message
    String state_refused();

    @Message
    String state_result_ready();

    @Message
    String state_returned();

    @Message
    String left_on_time(String amount);

    @Message
    String left_late(String amount);

    @Message
    String left_stopped(String amount);

    @Message
    String amount_days(long days, long hours);

    @Message
    String amount_hours(long hours, long minutes);

    @Message
    String back_to_queue();

    @Message
    String dossier_code(String code);

    @Message
    String held_elsewhere(String office);

    @Message
    String actions_heading();

    @Message
    String facts_heading();

    @Message
    String form_heading();

    @Message
    String papers_heading();

    @Message
    String optional();

    @Message
    String no_file();

    @Message
    String image_of(String paper);

    @Message
    String pdf_opens();

    @Message
    String timeline_heading();

    @Message
    String from(String time);

    @Message
    String to(String time);

    @Message
    String due_at(String time);

    @Message
    String late_by(String amount);

    @Message
    String late_of(String who);

    @Message
    String history_heading();

    @Message
    String supplement_documents();

    @Message
    String forward_to();

    @Message
    String choose();

    @Message
    String return_how();

    @Message
    String new_appointment();

    @Message
    String supplement_list(String papers);

    @Message
    String fact_applicant();

    @Message
    String fact_citizen_id();

    @Message
    String fact_phone();

    @Message
    String fact_submitted_by();

    @Message
    String fact_channel();

    @Message
    String fact_submitted();

    @Message
    String fact_received_by();

    @Message
    String fact_competent();

    @Message
    String fact_held_by();

    @Message
    String fact_due();

    @Message
    String fact_appointment();

    @Message
    String fact_delay_reason();

    @Message
    String fact_return();

    @Message
    String fact_delivery_address();

    @Message
    String fact_fee();

    @Message
    String channel_online_full();

    @Message
    String channel_online_partial();

    @Message
    String channel_counter();

    @Message
    String channel_postal();

    @Message
    String return_counter();

    @Message
    String return_post();

    @Message
    String return_online();

    @Message
    String timeliness_on_time();

    @Message
    String timeliness_early();

    @Message
    String timeliness_late();

    @Message
    String step_on_time();

    @Message
    String step_early();

    @Message
    String step_late();

    @Message
    String step_current();

    @Message
    String step_paused();

    @Message
    String step_waiting();

    @Message
    String action_receive();

    @Message
    String action_refuse();

    @Message
    String action_assign();

    @Message
    String action_request_supplement();

    @Message
    String action_forward();

    @Message
    String action_propose();

    @Message
    String action_approve();

    @Message
    String action_reject();

    @Message
    String action_mark_result_ready();

    @Message
    String action_return();

    @Message
    String action_apologize();

    @Message
    String hint_receive();

    @Message
    String hint_refuse();

    @Message
    String hint_assign();

    @Message
    String hint_request_supplement();

    @Message
    String hint_forward();

    @Message
    String hint_propose();

    @Message
    String hint_approve();

    @Message
    String hint_reject();

    @Message
    String hint_mark_result_ready();

    @Message
    String hint_return();

    @Message
    String hint_apologize();

    @Message
    String done_receive();

    @Message
    String done_refuse();

    @Message
    String done_assign();

    @Message
    String done_request_supplement();

    @Message
    String done_forward();

    @Message
    String done_propose();

    @Message
    String done_approve();

    @Message
    String done_reject();

    @Message
    String done_mark_result_ready();

    @Message
    String done_return();

    @Message
    String done_apologize();

    @Message
    String done_supplement();

    @Message
    String event_submit();

    @Message
    String event_attach();

    @Message
    String event_rate();

    @Message
    String event_receive();

    @Message
    String event_refuse();

    @Message
    String event_assign();

    @Message
    String event_request_supplement();

    @Message
    String event_forward();

    @Message
    String event_propose();

    @Message
    String event_approve();

    @Message
    String event_reject();

    @Message
    String event_mark_result_ready();

    @Message
    String event_return();

    @Message
    String event_apologize();

    @Message
    String event_supplement();

    @Message
    String open_queue();

    @Message
    String open_settings();

    @Message
    String digitize_hint();

    @Message
    String digitize_this();

    @Message
    String scan_label();

    @Message
    String scan_hint(long max);

    @Message
    String scan_button();

    @Message
    String exemption_label();

    @Message
    String exemption_none();

    @Message
    String exemption_button();

    @Message
    String exempt_as(String why);

    @Message
    String exemption_submitted_online();

    @Message
    String exemption_shown_only();

    @Message
    String exemption_agency_result();

    @Message
    String exemption_confidential();

    @Message
    String event_exempt();

    @Message
    String event_exemption_withdrawn();

    @Message
    String forms_heading();

    @Message
    String form_receipt();

    @Message
    String form_supplement_request();

    @Message
    String form_refusal();

    @Message
    String form_apology();

    @Message
    String form_stop_notice();

    @Message
    String form_control_slip();

    @Message
    String open_postal();

    @Message
    String book_heading();

    @Message
    String book_hint();

    @Message
    String book_from();

    @Message
    String book_to();

    @Message
    String book_button();

    @Message
    String event_postal_handed_over();

    @Message
    String event_postal_received();

    @Message
    String event_postal_missing();

    @Message
    String event_postal_sent();

    @Message
    String event_postal_failed();

    @Message
    String pdf_file();
}
