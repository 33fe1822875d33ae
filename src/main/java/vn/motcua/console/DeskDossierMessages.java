package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a dossier's page at the desk (trang hồ sơ của cán bộ): its facts ({@code fact_<name>}, with the channel
 * it came by and how its result goes back), the form as filled in, its papers with their scanning (số hóa) and
 * exemptions from it ({@code exemption_<reason>}), the official forms to print (biểu mẫu, {@code form_<form>}), and
 * the timeline of its steps ({@code step_<state>}, {@code timeliness_<timeliness>}). The actions offered on the page
 * and the lines of its history are in {@link DeskActionMessages}.
 *
 * <p>Vietnamese (the default) in {@code messages/deskdossier_vi.properties}, English in
 * {@code messages/deskdossier_en.properties}; {@code BundleKeysTest} fails when the two differ in keys. Templates use
 * them as {@code {deskdossier:key}}; {@link DossierSheet} reads the keyed families through {@link Desk#text}.
 */
@MessageBundle(value = "deskdossier", locale = "vi")
public interface DeskDossierMessages {

    @Message
    String col_step();

    @Message
    String col_holder();

    @Message
    String col_when();

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
    String pdf_file();
}
