package vn.motcua.report.usecase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.report.domain.Timeliness;
import vn.motcua.report.store.ReportRows;
import vn.motcua.report.store.ReportRows.Fact;
import vn.motcua.report.store.ReportRows.Source;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * Keeps the report's rows in step with the history (làm mới số liệu báo cáo): reads the history rows added since the
 * watermark, rebuilds the row of every dossier they touch from the dossier and its whole history (never an increment,
 * so nothing drifts), and moves the watermark, in one transaction. Safe on several replicas: the watermark row is
 * taken with {@code SKIP LOCKED}, so while one replica works the others skip their turn.
 */
@ApplicationScoped
public class RefreshReports {

    /** Who the refresh acts as in the history's row-level security: no person, the service itself. */
    static final String ACTOR = "service:reports";

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final ScopedTransactions transactions;
    private final ReportRows rows;
    private final TenantDirectory tenants;
    private final CalendarService calendars;

    RefreshReports(ScopedTransactions transactions, ReportRows rows, TenantDirectory tenants, CalendarService calendars) {
        this.transactions = transactions;
        this.rows = rows;
        this.tenants = tenants;
        this.calendars = calendars;
    }

    /**
     * One batch: the dossiers refreshed, or -1 when another replica holds the watermark. History rows younger than
     * {@code lag} wait for the next run, so a transaction that took its row's id earlier but commits later is not
     * passed over.
     */
    public Uni<Integer> runOnce(int batch, Duration lag) {
        return tenants.tree().chain(tree -> {
            Set<String> all = new LinkedHashSet<>();
            tree.all().stream().map(Tenant::code).forEach(all::add);
            return transactions.onConnection(new TenantScope(all).as(ACTOR), conn -> rows.lockWatermark(conn).chain(mark -> {
                if (mark.isEmpty()) {
                    return Uni.createFrom().item(-1);
                }
                return rows.touched(conn, mark.get(), batch, lag.toSeconds()).chain(t -> t.dossiers().isEmpty()
                        ? rows.moveWatermark(conn, t.lastEvent()).replaceWith(0)
                        : refresh(conn, t.dossiers()).chain(() -> rows.moveWatermark(conn, t.lastEvent())).replaceWith(t.dossiers().size()));
            }));
        });
    }

    /** Batches until the history is read up to {@code lag} ago: the dossiers refreshed. */
    public Uni<Integer> drain(int batch, Duration lag) {
        return runOnce(batch, lag).chain(n -> n <= 0 ? Uni.createFrom().item(Math.max(n, 0))
                : drain(batch, lag).map(more -> n + more));
    }

    private Uni<Void> refresh(SqlConnection conn, List<java.util.UUID> ids) {
        return rows.sources(conn, ids).chain(sources -> {
            Set<String> offices = new LinkedHashSet<>();
            sources.forEach(s -> offices.add(s.tenant()));
            List<Uni<Map.Entry<String, WorkingCalendar>>> cals = offices.stream()
                    .map(t -> calendars.of(t).map(c -> Map.entry(t, c))).toList();
            return Uni.join().all(cals).andFailFast().map(list -> {
                Map<String, WorkingCalendar> byTenant = new HashMap<>();
                list.forEach(e -> byTenant.put(e.getKey(), e.getValue()));
                List<Fact> facts = new ArrayList<>();
                sources.forEach(s -> facts.add(fact(s, byTenant.get(s.tenant()))));
                return facts;
            }).chain(facts -> rows.upsert(conn, facts)).chain(() -> rows.upsertSteps(conn, ids));
        });
    }

    /** A dossier's report row: pure, from its facts and its desk's calendar. */
    static Fact fact(Source s, WorkingCalendar calendar) {
        String timeliness = Timeliness.of(s.dueAt(), s.closedAt(), s.outcome(), s.supplements());
        Long working = null;
        if (timeliness != null) {
            long minutes = calendar.workingMinutesBetween(s.clockStart(), s.closedAt());
            for (OffsetDateTime[] pause : s.pauses()) {
                OffsetDateTime end = pause[1] == null ? s.closedAt() : pause[1];
                minutes -= calendar.workingMinutesBetween(pause[0], end);
            }
            working = Math.max(0, minutes);
        }
        boolean paper = "counter".equals(s.channel()) || "postal".equals(s.channel());
        return new Fact(s.id(), s.tenant(), s.procedure(), s.channel(), s.submittedAt().atZoneSameInstant(VIETNAM).toLocalDate(),
                s.closedAt() == null ? null : s.closedAt().atZoneSameInstant(VIETNAM).toLocalDate(), s.outcome(), timeliness, s.supplements(),
                working, (int) calendar.minutes(BigDecimal.ONE), paper && s.received(), s.reused(), s.fee() > 0,
                s.fee() > 0 && s.paidOnline(), s.rating());
    }

}
