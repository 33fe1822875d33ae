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
}
