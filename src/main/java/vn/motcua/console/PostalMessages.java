package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the postal console and of the desk's postal page (bưu điện): manifests, deliveries and their states.
 * Vietnamese (the default) in {@code messages/postal_vi.properties}, English in {@code messages/postal_en.properties};
 * templates use them as {@code {postal:key}}, the pages read keyed families ({@code state_<state>},
 * {@code delivery_<state>}, {@code done_<step>}) through {@code MessageKeys}.
 */
@MessageBundle(value = "postal", locale = "vi")
public interface PostalMessages {

    @Message
    String console_name();

    @Message
    String sections();

    @Message
    String intake_heading();

    @Message
    String intake_hint();

    @Message
    String intake_for(String tenant);

    @Message
    String intake_empty();

    @Message
    String col_pick();

    @Message
    String pick(String code);

    @Message
    String col_code();

    @Message
    String col_applicant();

    @Message
    String col_procedure();

    @Message
    String col_taken_in();

    @Message
    String col_address();

    @Message
    String col_state();

    @Message
    String col_manifest();

    @Message
    String col_to();

    @Message
    String col_from();

    @Message
    String col_handed_at();

    @Message
    String col_count();

    @Message
    String col_number();

    @Message
    String col_received();

    @Message
    String col_tracking();

    @Message
    String col_when();

    @Message
    String manifest_note();

    @Message
    String make_manifest();

    @Message
    String manifests_heading();

    @Message
    String manifests_empty();

    @Message
    String manifest_link(String number);

    @Message
    String manifest_open();

    @Message
    String manifest_confirmed(String at);

    @Message
    String manifest_confirmed_missing(String at, int missing);

    @Message
    String manifest_confirmed_by(String at, String by);

    @Message
    String manifest_title(String number);

    @Message
    String manifest_from();

    @Message
    String manifest_to();

    @Message
    String manifest_by();

    @Message
    String manifest_lines(int count);

    @Message
    String line_received();

    @Message
    String line_missing();

    @Message
    String signatures();

    @Message
    String signature_giver();

    @Message
    String signature_receiver();

    @Message
    String signature_line();

    @Message
    String print_hint();

    @Message
    String back_to_office();

    @Message
    String round_heading();

    @Message
    String round_hint();

    @Message
    String round_empty();

    @Message
    String delivery_none();

    @Message
    String delivery_sent(String tracking, String at);

    @Message
    String delivery_delivered(String tracking, String at);

    @Message
    String delivery_failed(String tracking, String at);

    @Message
    String failed_reason(String reason);

    @Message
    String tracking_label();

    @Message
    String tracking_hint();

    @Message
    String send();

    @Message
    String mark_delivered();

    @Message
    String mark_delivered_hint();

    @Message
    String mark_failed();

    @Message
    String failed_reason_label();

    @Message
    String failed_reason_hint();

    @Message
    String done_sent();

    @Message
    String done_delivered();

    @Message
    String done_failed();

    @Message
    String done_made();

    @Message
    String done_confirmed(String number);

    @Message
    String desk_heading();

    @Message
    String desk_incoming();

    @Message
    String desk_incoming_empty();

    @Message
    String desk_manifest(String number, String office);

    @Message
    String desk_handed(String at, String by);

    @Message
    String desk_tick();

    @Message
    String confirm_note();

    @Message
    String confirm_note_hint();

    @Message
    String confirm();

    @Message
    String desk_confirmed();

    @Message
    String desk_deliveries();

    @Message
    String desk_deliveries_empty();

    @Message
    String state_sent();

    @Message
    String state_delivered();

    @Message
    String state_failed();

    @Message
    String sent_at(String at);

    @Message
    String ended_at(String at);
}
