package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of what an officer does to a dossier (thao tác và quyết định của cán bộ): each action's button, the hint
 * beside it and what is said once it is done ({@code action_<action>}, {@code hint_<action>}, {@code done_<action>}),
 * the questions some actions ask (which papers to supplement, where to forward, how the result goes back, the new
 * appointment), and each event's line in the dossier's history ({@code event_<action>}, including the post's events).
 *
 * <p>Vietnamese (the default) in {@code messages/deskaction_vi.properties}, English in
 * {@code messages/deskaction_en.properties}; {@code BundleKeysTest} fails when the two differ in keys. Templates use
 * them as {@code {deskaction:key}}; {@link DossierSheet} and {@link ConsoleDossierPages} read the keyed families
 * through {@link Desk#text}.
 */
@MessageBundle(value = "deskaction", locale = "vi")
public interface DeskActionMessages {

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
    String event_exempt();

    @Message
    String event_exemption_withdrawn();

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
}
