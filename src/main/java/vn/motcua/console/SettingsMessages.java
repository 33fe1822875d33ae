package vn.motcua.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a tenant's settings pages (cấu hình của đơn vị): the index and the history of changes, desk hours
 * (giờ tiếp nhận), the nearly-late threshold (ngưỡng sắp quá hạn), the year's calendar with its preview (lịch làm
 * việc), and a procedure's own fees, time limits and versions (phí, thời hạn giải quyết). Vietnamese (the default) in
 * {@code messages/settings_vi.properties}, English in {@code messages/settings_en.properties}; {@code BundleKeysTest}
 * fails when the two differ in keys. Templates use them as {@code {settings:key}}; {@link ConsoleSettingsPages} and
 * {@link ConsoleProcedureSettingsPages} call the methods for the words they build.
 */
@MessageBundle(value = "settings", locale = "vi")
public interface SettingsMessages {

    @Message
    String settings_heading();

    @Message
    String settings_intro(String tenant);

    @Message
    String settings_audited();

    @Message
    String settings_saved();

    @Message
    String settings_reason();

    @Message
    String settings_reason_en();

    @Message
    String settings_history();

    @Message
    String settings_history_when();

    @Message
    String settings_history_who();

    @Message
    String settings_history_what();

    @Message
    String settings_as_catalog();

    @Message
    String settings_yes();

    @Message
    String settings_free();

    @Message
    String settings_working_days(String days);

    @Message
    String settings_hours_heading();

    @Message
    String settings_nearly_late_heading();

    @Message
    String settings_nearly_late_intro(String tenant);

    @Message
    String settings_nearly_late_own(int hours);

    @Message
    String settings_nearly_late_default();

    @Message
    String settings_nearly_late_hours();

    @Message
    String settings_nearly_late_hint(int min, int max);

    @Message
    String settings_nearly_late_save();

    @Message
    String settings_nearly_late_reset();

    @Message
    String settings_nearly_late_set(int hours);

    @Message
    String settings_hours_intro(String tenant);

    @Message
    String settings_hours_own();

    @Message
    String settings_hours_from_files();

    @Message
    String settings_hours_week();

    @Message
    String settings_hours_hint();

    @Message
    String settings_hours_save();

    @Message
    String settings_hours_reset();

    @Message
    String settings_hours_back_to_files();

    @Message
    String settings_calendar_heading();

    @Message
    String settings_calendar_title(int year);

    @Message
    String settings_calendar_intro(String tenant);

    @Message
    String settings_calendar_year();

    @Message
    String settings_calendar_year_link(int year);

    @Message
    String settings_calendar_entries(int year);

    @Message
    String settings_calendar_none();

    @Message
    String settings_calendar_days_off(int year);

    @Message
    String settings_preview_heading();

    @Message
    String settings_preview_with(String received, String days, String due);

    @Message
    String settings_preview_without(String due);

    @Message
    String settings_preview_same();

    @Message
    String settings_preview_skipped();

    @Message
    String settings_preview_received();

    @Message
    String settings_preview_days();

    @Message
    String settings_preview_show();

    @Message
    String settings_day_add();

    @Message
    String settings_day_date();

    @Message
    String settings_day_date_hint(String first, String last);

    @Message
    String settings_day_kind();

    @Message
    String settings_day_paired();

    @Message
    String settings_day_paired_hint();

    @Message
    String settings_day_save();

    @Message
    String settings_day_set_by();

    @Message
    String settings_day_own();

    @Message
    String settings_day_take_back();

    @Message
    String settings_day_cleared();

    @Message
    String settings_kind_closed();

    @Message
    String settings_kind_working();

    @Message
    String settings_kind_swap();

    @Message
    String settings_kind_swapped_off(String other);

    @Message
    String settings_kind_swapped_on(String other);

    @Message
    String settings_procedures_heading();

    @Message
    String settings_procedures_intro(String tenant);

    @Message
    String settings_procedure();

    @Message
    String settings_procedure_fees();

    @Message
    String settings_procedure_days();

    @Message
    String settings_procedure_next();

    @Message
    String settings_procedure_anywhere();

    @Message
    String settings_procedure_anywhere_yes();

    @Message
    String settings_procedure_anywhere_listed();

    @Message
    String settings_procedure_intro(String tenant);

    @Message
    String settings_procedure_catalog();

    @Message
    String settings_procedure_in_force();

    @Message
    String settings_procedure_from();

    @Message
    String settings_catalog_was(String catalog);

    @Message
    String settings_versions();

    @Message
    String settings_versions_none();

    @Message
    String settings_version_in_force();

    @Message
    String settings_version_withdraw();

    @Message
    String settings_version_withdrawn();

    @Message
    String settings_version_add();

    @Message
    String settings_version_rules();

    @Message
    String settings_version_save();

    @Message
    String settings_fee_of(String channel);

    @Message
    String settings_fee_hint(String catalog);

    @Message
    String settings_days_hint(String catalog);

    @Message
    String settings_anywhere_catalog();

    @Message
    String settings_anywhere_yes();

    @Message
    String settings_channel_online_full();

    @Message
    String settings_channel_online_partial();

    @Message
    String settings_channel_counter();

    @Message
    String settings_channel_postal();
}
