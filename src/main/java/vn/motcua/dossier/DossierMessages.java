package vn.motcua.dossier;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dossier's words (lời của hồ sơ): for now what each status means to the person who follows the dossier. Both
 * languages are in properties files of the same format, Vietnamese (the default) in
 * {@code messages/dossier_vi.properties}, English in {@code messages/dossier_en.properties}; templates use them as
 * {@code {dossier:key}}. A status's text is keyed {@code status_<name>} ({@link
 * vn.motcua.dossier.domain.DossierStatus#messageKey()}), read through the key rather than a switch.
 */
@MessageBundle(value = "dossier", locale = "vi")
public interface DossierMessages {

    @Message
    String status_submitted();

    @Message
    String status_received();

    @Message
    String status_in_progress();

    @Message
    String status_supplement_requested();

    @Message
    String status_forwarded();

    @Message
    String status_awaiting_approval();

    @Message
    String status_approved();

    @Message
    String status_rejected();

    @Message
    String status_refused();

    @Message
    String status_result_ready();

    @Message
    String status_returned();

    // The receipt-and-appointment slip (form 01 of Circular 03/2025/TT-VPCP): printed in Vietnamese, the form's language.

    @Message
    String slip_agency(String name);

    @Message
    String slip_desk();

    @Message
    String slip_country();

    @Message
    String slip_motto();

    @Message
    String slip_place_date(String place, String day, String month, String year);

    @Message
    String slip_title();

    @Message
    String slip_title_short();

    @Message
    String slip_code();

    @Message
    String slip_received_from(String office);

    @Message
    String slip_applicant();

    @Message
    String slip_phone();

    @Message
    String slip_request();

    @Message
    String slip_procedure_code(String code);

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
    String slip_kind_original();

    @Message
    String slip_kind_copy();

    @Message
    String slip_kind_certified_copy();

    @Message
    String slip_sets();

    @Message
    String slip_processing(String days);

    @Message
    String slip_received_at();

    @Message
    String slip_due_at();

    @Message
    String slip_time(String hour, String minute, String day, String month, String year);

    @Message
    String slip_no_due();

    @Message
    String slip_return();

    @Message
    String slip_return_counter(String office);

    @Message
    String slip_return_post(String address);

    @Message
    String slip_return_online();

    @Message
    String slip_receiver_online();

    @Message
    String slip_lookup();

    @Message
    String slip_qr_alt(String code);

    @Message
    String slip_applicant_sign();

    @Message
    String slip_receiver_sign();

    @Message
    String slip_sign_hint();
}
