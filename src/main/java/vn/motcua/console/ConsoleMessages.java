package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's words (bàn làm việc của cán bộ): its home page, the staff page and the staff roles' names, and the
 * alerts page (hồ sơ sắp quá hạn, thông báo gửi không được). A tenant's settings pages have theirs in
 * {@link SettingsMessages}, the desk's queue and dossier pages in {@link DeskMessages} and its companions. Both
 * languages are in properties files of the same format, Vietnamese (the default) in
 * {@code messages/console_vi.properties}, English in {@code messages/console_en.properties}; the build fails when a
 * method has no Vietnamese text, and {@code BundleKeysTest} fails when the two files differ in keys. Templates use them
 * as {@code {console:key}}.
 *
 * <p>A role's name is keyed {@code role_<code>} (hyphens as underscores), read by {@link ConsoleStaffResource} through
 * the key rather than a method per role.
 */
@MessageBundle(value = "console", locale = "vi")
public interface ConsoleMessages {

    @Message
    String staff_heading();

    @Message
    String staff_intro(String tenant);

    @Message
    String staff_username();

    @Message
    String staff_name();

    @Message
    String staff_roles();

    @Message
    String staff_status();

    @Message
    String staff_enabled();

    @Message
    String staff_disabled();

    @Message
    String staff_disable();

    @Message
    String staff_enable();

    @Message
    String staff_update_roles();

    @Message
    String staff_create_heading();

    @Message
    String staff_last_name();

    @Message
    String staff_first_name();

    @Message
    String staff_email();

    @Message
    String staff_create();

    @Message
    String staff_created(String username);

    @Message
    String staff_temporary_password(String password);

    @Message
    String staff_saved();

    @Message
    String role_receiver();

    @Message
    String role_processor();

    @Message
    String role_approver();

    @Message
    String role_tenant_admin();

    @Message
    String role_city_admin();

    @Message
    String role_auditor();

    @Message
    String role_postal_clerk();

    @Message
    String console_title();

    @Message
    String console_working_at(String tenant);

    @Message
    String console_supervising(String tenant);

    @Message
    String console_signed_in_as();

    @Message
    String console_roles();

    @Message
    String console_your_tenants();

    @Message
    String console_children();

    @Message
    String console_no_tenant();

    @Message
    String alerts_nearly_late(int count);

    @Message
    String alerts_dead_letters(long count);

    @Message
    String alerts_open();

    @Message
    String alerts_heading();

    @Message
    String alerts_nearly_late_heading();

    @Message
    String alerts_nearly_late_none();

    @Message
    String alerts_dead_heading();

    @Message
    String alerts_dead_intro();

    @Message
    String alerts_dead_none();

    @Message
    String alerts_retry();

    @Message
    String alerts_retried();

    @Message
    String alerts_code();

    @Message
    String alerts_holder();

    @Message
    String alerts_due();

    @Message
    String alerts_notice();

    @Message
    String alerts_error();

    @Message
    String alerts_attempts();
}
