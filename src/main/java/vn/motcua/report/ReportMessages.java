package vn.motcua.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the service index's report (báo cáo chỉ số phục vụ): the PDF, the CSV's readers and the console's
 * dashboard. Vietnamese (the default) in {@code messages/report_vi.properties}, English in
 * {@code messages/report_en.properties}; templates use them as {@code {report:key}}.
 */
@MessageBundle(value = "report", locale = "vi")
public interface ReportMessages {

    @Message
    String title(String name);

    @Message
    String period(String from, String to);

    @Message
    String generated();

    @Message
    String figures_heading();

    @Message
    String col_figure();

    @Message
    String col_value();

    @Message
    String received();

    @Message
    String decided();

    @Message
    String early();

    @Message
    String on_time();

    @Message
    String late();

    @Message
    String on_time_rate();

    @Message
    String online_share();

    @Message
    String digitized_share();

    @Message
    String reuse_share();

    @Message
    String payment_share();

    @Message
    String satisfaction();

    @Message
    String mean_rating(long count);

    @Message
    String mean_days();

    @Message
    String p90_days();

    @Message
    String supplements();

    @Message
    String refused();

    @Message
    String units_heading();

    @Message
    String col_unit();

    @Message
    String col_received();

    @Message
    String col_early();

    @Message
    String col_on_time();

    @Message
    String col_late();

    @Message
    String col_rate();

    @Message
    String col_online();

    @Message
    String own_unit(String name);

    @Message
    String late_steps_heading();

    @Message
    String late_holders_heading();

    @Message
    String col_step();

    @Message
    String col_office();

    @Message
    String col_holder();

    @Message
    String col_late_count();

    @Message
    String col_ended();

    @Message
    String unused_heading(int months);

    @Message
    String col_code();

    @Message
    String col_name();

    @Message
    String none();

    @Message
    String no_value();

    @Message
    String chart_bars_title();

    @Message
    String chart_bars_desc();

    @Message
    String chart_trend_title();

    @Message
    String chart_trend_desc();

    @Message
    String chart_gauges_title();

    @Message
    String chart_gauges_desc();

    @Message
    String weeks_heading();

    @Message
    String col_week();

    @Message
    String download_csv();

    @Message
    String download_pdf();

    @Message
    String from_label();

    @Message
    String to_label();

    @Message
    String date_hint();

    @Message
    String show();

    @Message
    String nav_reports();

    @Message
    String percent(String value);

    /** The weekly report's e-mail to the tenant's leaders. */
    @Message
    String weekly_mail_subject(String tenant, String from, String to);

    @Message
    String weekly_mail_greeting(String tenant);

    @Message
    String weekly_mail_body(String from, String to);

    @Message
    String weekly_mail_footer();
}
