package vn.motcua.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import vn.motcua.report.usecase.RefreshReports;
import vn.motcua.report.usecase.WeeklyReports;

/**
 * The report's two jobs on Vert.x timers (quarkus-scheduler is not in this build): the refresh of the report rows
 * every {@link ReportConfig#refreshEvery()}, and, on Mondays, the weekly reports, checked hourly (and e-mailed to each
 * tenant's leaders: an e-mail that failed is tried again the next hour). Each replica runs
 * both; the database makes that safe (the watermark is taken with SKIP LOCKED; a week is kept once per tenant).
 * One run at a time per replica: a tick that finds the last still running is skipped.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class);

    private final Vertx vertx;
    private final ReportConfig config;
    private final RefreshReports refresh;
    private final WeeklyReports weekly;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean writing = new AtomicBoolean();
    private long refreshTimer = -1;
    private long weeklyTimer = -1;

    ReportJobs(Vertx vertx, ReportConfig config, RefreshReports refresh, WeeklyReports weekly) {
        this.vertx = vertx;
        this.config = config;
        this.refresh = refresh;
        this.weekly = weekly;
    }

    void start(@Observes StartupEvent event) {
        refreshTimer = vertx.setPeriodic(config.refreshEvery().toMillis(), id -> refreshNow());
        if (config.weekly()) {
            weeklyTimer = vertx.setPeriodic(60 * 60 * 1000L, id -> weeklyNow());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(refreshTimer);
        vertx.cancelTimer(weeklyTimer);
    }

    void refreshNow() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        refresh.drain(config.refreshBatch(), config.refreshLag()).subscribe().with(n -> refreshing.set(false), e -> {
            refreshing.set(false);
            LOG.warn("the report's refresh failed; the next tick tries again", e);
        });
    }

    void weeklyNow() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        // Written on Mondays; e-mailed as soon as written, and a failed e-mail tried again every hour, any day.
        io.smallrye.mutiny.Uni<Integer> written = today.getDayOfWeek() == DayOfWeek.MONDAY ? weekly.write(WeeklyReports.lastWeek(today))
                : io.smallrye.mutiny.Uni.createFrom().item(0);
        written.chain(n -> weekly.send(today).map(sent -> new int[] { n, sent })).subscribe().with(n -> {
            writing.set(false);
            if (n[0] > 0 || n[1] > 0) {
                LOG.infof("weekly reports written: %d, e-mailed: %d", n[0], n[1]);
            }
        }, e -> {
            writing.set(false);
            LOG.warn("the weekly reports failed; the next hour tries again", e);
        });
    }
}
