package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of taking a dossier in for a person who came in (tiếp nhận trực tiếp), at a one-stop desk or a post
 * office: choosing the procedure, the drafts begun. The question pages themselves speak the portal's words. Vietnamese
 * (the default) in {@code messages/counter_vi.properties}, English in {@code messages/counter_en.properties}; templates
 * use them as {@code {counter:key}}.
 */
@MessageBundle(value = "counter", locale = "vi")
public interface CounterMessages {

    @Message
    String counter_title();

    @Message
    String postal_title();

    @Message
    String counter_link();

    @Message
    String postal_link();

    @Message
    String counter_intro();

    @Message
    String postal_intro();

    @Message
    String search_label();

    @Message
    String search_hint();

    @Message
    String search_button();

    @Message
    String results_heading();

    @Message
    String results_none();

    @Message
    String results_more(int shown);

    @Message
    String anywhere_tag();

    @Message
    String begin_button();

    @Message
    String drafts_heading();

    @Message
    String drafts_none();

    @Message
    String draft_line(String procedure,String applicant,String updated);

    @Message
    String draft_no_applicant();

    @Message
    String draft_continue();

    @Message
    String draft_discard();

    @Message
    String taken(String code);

    @Message
    String procedure_label();
}
