package vn.motcua.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The report's refresh and the weekly report. */
@ConfigMapping(prefix = "motcua.reports")
public interface ReportConfig {

    /** How often each replica offers to refresh the report rows from the history ({@code MOTCUA_REPORTS_REFRESH_EVERY}). */
    @WithDefault("30S")
    Duration refreshEvery();

    /**
     * How old a history row must be before the refresh reads it: longer than any transaction that writes history, so
     * that a row whose id was taken before another's but committed after it is not passed over.
     */
    @WithDefault("10S")
    Duration refreshLag();

    /** History rows read per refresh transaction. */
    @WithDefault("2000")
    int refreshBatch();

    /** Whether this replica writes the weekly reports on Mondays ({@code MOTCUA_REPORTS_WEEKLY}); every replica may. */
    @WithDefault("true")
    boolean weekly();
}
