package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the desk's queue (hàng đợi hồ sơ của cán bộ) and those all the desk's pages share: the queue's tabs,
 * columns, search, live counts and alerts, handing dossiers to a colleague (giao hồ sơ), a dossier's state in the
 * officers' words ({@code state_<status>}), working time left or overdue, and the console home's links to the desk and
 * its tracking book (sổ theo dõi). A dossier's page has its words in {@link DeskDossierMessages}, the actions on it in
 * {@link DeskActionMessages}.
 *
 * <p>Vietnamese (the default) in {@code messages/desk_vi.properties}, English in {@code messages/desk_en.properties};
 * {@code BundleKeysTest} fails when the two differ in keys. Templates use them as {@code {desk:key}}; the pages read
 * keyed families ({@code state_<status>}, {@code tab_<queue>}, …) through {@link Desk#text}, which finds a key in
 * whichever of the desk's three bundles holds it ({@code ConsoleWordsTest}: no key is in two).
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
    String open_queue();

    @Message
    String open_settings();

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
}
