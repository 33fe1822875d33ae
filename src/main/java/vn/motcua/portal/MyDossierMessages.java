package vn.motcua.portal;

import vn.motcua.intake.PortalMessages;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a citizen's own dossiers on the portal (hồ sơ của tôi): the list, a dossier's page (its status, steps,
 * papers, supplement request and rating) and the public look-up. Vietnamese (the default) in
 * {@code messages/mine_vi.properties}, English in {@code messages/mine_en.properties}; templates use them as
 * {@code {mine:key}}. Apart from {@link PortalMessages} so that each bundle stays one part of the portal.
 */
@MessageBundle(value = "mine", locale = "vi")
public interface MyDossierMessages {

    @Message
    String my_dossiers();

    @Message
    String saved_at(String when);

    @Message
    String submitted_heading();

    @Message
    String no_dossiers();

    @Message
    String find_another();

    @Message
    String code_label();

    @Message
    String due_label();

    @Message
    String submitted_title();

    @Message
    String your_code();

    @Message
    String submitted_next();

    @Message
    String receipt_pdf();

    @Message
    String status_heading();

    @Message
    String office_label();

    @Message
    String submitted_label();

    @Message
    String holder_label();

    @Message
    String holder_until(String office, String due);

    @Message
    String return_label();

    @Message
    String new_appointment();

    @Message
    String supplement_heading();

    @Message
    String supplement_how();

    @Message
    String papers_heading();

    @Message
    String papers_intro(long max);

    @Message
    String file_label();

    @Message
    String file_hint();

    @Message
    String upload_button();

    @Message
    String supplement_note();

    @Message
    String supplement_send();

    @Message
    String timeline_heading();

    @Message
    String step_due(String due);

    @Message
    String step_started(String at);

    @Message
    String step_ended(String at);

    @Message
    String late_by(String by);

    @Message
    String late_days(String days);

    @Message
    String late_hours(long h, long m);

    @Message
    String step_early();

    @Message
    String step_on_time();

    @Message
    String step_late();

    @Message
    String step_current();

    @Message
    String step_paused();

    @Message
    String step_waiting();

    @Message
    String timeliness_early();

    @Message
    String timeliness_on_time();

    @Message
    String timeliness_late();

    @Message
    String lookup_title();

    @Message
    String lookup_intro();

    @Message
    String lookup_code();

    @Message
    String lookup_phone();

    @Message
    String lookup_button();

    @Message
    String lookup_step();

    @Message
    String lookup_closed();

    @Message
    String lookup_again();

    @Message
    String rating_heading();

    @Message
    String rating_question();

    @Message
    String rating_5();

    @Message
    String rating_4();

    @Message
    String rating_3();

    @Message
    String rating_2();

    @Message
    String rating_1();

    @Message
    String rating_comment();

    @Message
    String rating_send();

    @Message
    String rated(int score);

    @Message
    String late_at(String office);

    @Message
    String late_reason(String reason);

    @Message
    String draft_discard();
}
