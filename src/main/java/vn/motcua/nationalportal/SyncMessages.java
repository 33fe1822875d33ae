package vn.motcua.nationalportal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the national portal's sync rate (tỷ lệ đồng bộ Cổng DVCQG) on the console's reports dashboard.
 * Vietnamese (the default) in {@code messages/sync_vi.properties}, English in {@code messages/sync_en.properties};
 * templates use them as {@code {sync:key}}.
 */
@MessageBundle(value = "sync", locale = "vi")
public interface SyncMessages {

    @Message
    String heading();

    @Message
    String lead();

    @Message
    String not_configured();

    @Message
    String caption(String share);

    @Message
    String col_unit();

    @Message
    String col_total();

    @Message
    String col_synced();

    @Message
    String col_share();

    @Message
    String col_pending();

    @Message
    String col_dead();

    @Message
    String col_mean_lag();

    @Message
    String col_p90_lag();

    @Message
    String own_rows(String name);

    @Message
    String total();

    @Message
    String none();

    @Message
    String seconds(String n);

    @Message
    String minutes(String n);

    @Message
    String hours(String n);

    @Message
    String letter_status(String code);

    @Message
    String letter_rating(String code);
}
