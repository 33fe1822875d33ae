package vn.motcua.dossier;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the printed forms (lời của các biểu mẫu): the seven forms of Appendix I of Circular 03/2025/TT-VPCP,
 * always printed in Vietnamese ({@code messages/form_vi.properties}); the English file says what each line means.
 * Templates use them as {@code {form:key}}; where each wording comes from is in {@code docs/printed-forms.md}.
 */
@MessageBundle(value = "form", locale = "vi")
public interface FormMessages {

    // What every form shares: the header, the times, the look-up, the signatures.

    @Message
    String form_agency(String name);

    @Message
    String form_desk();

    @Message
    String form_country();

    @Message
    String form_motto();

    @Message
    String form_place_date(String place, String day, String month, String year);

    @Message
    String form_time(String hour, String minute, String day, String month, String year);

    @Message
    String form_code();

    @Message
    String form_received_from(String office);

    @Message
    String form_applicant();

    @Message
    String form_phone();

    @Message
    String form_request();

    @Message
    String form_procedure_code(String code);

    @Message
    String form_no_due();

    @Message
    String form_lookup();

    @Message
    String form_qr_alt(String code);

    @Message
    String form_sign_hint();

    @Message
    String form_seal_hint();

    @Message
    String form_head();

    @Message
    String form_drawn_by();

    @Message
    String form_applicant_sign();

    @Message
    String form_receiver_sign();

    @Message
    String form_kind_original();

    @Message
    String form_kind_copy();

    @Message
    String form_kind_certified_copy();

    @Message
    String form_return_counter(String office);

    @Message
    String form_return_post(String address);

    @Message
    String form_return_online();

    @Message
    String form_receiver_online();

    @Message
    String form_late_days(String days);

    @Message
    String form_late_hours(String h, String m);

    // Form 01: the receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả).

    @Message
    String slip_title();

    @Message
    String slip_title_short();

    @Message
    String slip_documents();

    @Message
    String slip_doc_number();

    @Message
    String slip_doc_name();

    @Message
    String slip_doc_kind();

    @Message
    String slip_doc_count();

    @Message
    String slip_doc_files();

    @Message
    String slip_sets();

    @Message
    String slip_processing(String days);

    @Message
    String slip_received_at();

    @Message
    String slip_due_at();

    @Message
    String slip_return();

    @Message
    String slip_book(int book, long number);

    // Form 02: the request to supplement (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).

    @Message
    String supplement_title();

    @Message
    String supplement_title_short();

    @Message
    String supplement_of();

    @Message
    String supplement_received_at();

    @Message
    String supplement_items();

    @Message
    String supplement_reason();

    @Message
    String supplement_clock_pause();

    @Message
    String supplement_clock_restart();

    @Message
    String supplement_contact(String office);

    @Message
    String supplement_contact_phone(String office, String phone);

    @Message
    String supplement_requested_at();

    @Message
    String supplement_lookup();

    @Message
    String supplement_signer();

    // Form 03: the refusal (phiếu từ chối tiếp nhận giải quyết hồ sơ).

    @Message
    String refusal_title();

    @Message
    String refusal_title_short();

    @Message
    String refusal_basis(String basis);

    @Message
    String refusal_no_basis();

    @Message
    String refusal_at();

    @Message
    String refusal_notice();

    // Form 04: the apology with a request to extend (văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết).

    @Message
    String apology_title();

    @Message
    String apology_title_short();

    @Message
    String apology_to();

    @Message
    String apology_received(String office);

    @Message
    String apology_due();

    @Message
    String apology_late(String office);

    @Message
    String apology_sorry(String office);

    @Message
    String apology_thanks();

    // Form 05: the notice that processing stops (thông báo dừng giải quyết hồ sơ).

    @Message
    String stop_title();

    @Message
    String stop_title_short();

    @Message
    String stop_decided(String time, String office);

    @Message
    String stop_return();

    @Message
    String stop_notice();

    // Form 06: the process control slip (phiếu kiểm soát quá trình giải quyết hồ sơ).

    @Message
    String control_title();

    @Message
    String control_title_short();

    @Message
    String control_attached();

    @Message
    String control_competent();

    @Message
    String control_coordinating();

    @Message
    String control_col_office();

    @Message
    String control_col_time();

    @Message
    String control_col_result();

    @Message
    String control_col_note();

    @Message
    String control_step(String number, String name);

    @Message
    String control_giver();

    @Message
    String control_taker();

    @Message
    String control_started();

    @Message
    String control_due();

    @Message
    String control_ended();

    @Message
    String control_nobody();

    @Message
    String control_early();

    @Message
    String control_on_time();

    @Message
    String control_late(String by);

    @Message
    String control_current();

    @Message
    String control_current_late(String by);

    @Message
    String control_paused();

    @Message
    String control_waiting();

    // Form 07: the tracking book (sổ theo dõi hồ sơ), of a desk for a period.

    @Message
    String book_title();

    @Message
    String book_title_short();

    @Message
    String book_period(String from, String to);

    @Message
    String book_volume(int book);

    @Message
    String book_col_number();

    @Message
    String book_col_code();

    @Message
    String book_col_procedure();

    @Message
    String book_col_sets();

    @Message
    String book_col_applicant();

    @Message
    String book_col_phone();

    @Message
    String book_col_competent();

    @Message
    String book_col_dates();

    @Message
    String book_col_received();

    @Message
    String book_col_due();

    @Message
    String book_col_handed();

    @Message
    String book_col_result();

    @Message
    String book_col_returned();

    @Message
    String book_col_sign();

    @Message
    String book_col_note();

    @Message
    String book_count(int count);

    @Message
    String book_empty();

    @Message
    String book_note_refused();

    @Message
    String book_note_late();

    @Message
    String book_note_post();

    @Message
    String book_lookup();

    @Message
    String book_qr_alt();

    @Message
    String book_printed();
}
