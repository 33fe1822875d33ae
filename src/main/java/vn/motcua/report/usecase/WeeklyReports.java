package vn.motcua.report.usecase;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.report.store.ReportRows;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The weekly report (báo cáo tuần): every Monday, each tenant's report of the week before (Monday to Sunday) as CSV
 * and PDF, kept in {@code report_weekly}. Safe on several replicas: a week already kept is skipped, and the insert
 * keeps the first one written if two replicas race.
 */
@ApplicationScoped
public class WeeklyReports {

    private final Reports reports;
    private final ReportRows rows;
    private final ScopedTransactions transactions;
    private final TenantDirectory tenants;

    WeeklyReports(Reports reports, ReportRows rows, ScopedTransactions transactions, TenantDirectory tenants) {
        this.reports = reports;
        this.rows = rows;
        this.transactions = transactions;
        this.tenants = tenants;
    }

    /** The Monday starting the last whole week before {@code today}. */
    public static LocalDate lastWeek(LocalDate today) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    /** Writes the week starting {@code weekStart} for every tenant that has none yet: how many were written. */
    public Uni<Integer> write(LocalDate weekStart) {
        return tenants.tree().chain(tree -> {
            List<String> codes = tree.all().stream().map(Tenant::code).toList();
            return Multi.createFrom().iterable(codes).onItem().transformToUniAndConcatenate(code -> one(code, weekStart))
                    .collect().asList().map(done -> (int) done.stream().filter(b -> b).count());
        });
    }

    private Uni<Boolean> one(String tenant, LocalDate weekStart) {
        TenantScope scope = TenantScope.of(tenant).as(RefreshReports.ACTOR);
        return transactions.onConnection(scope, conn -> rows.hasWeekly(conn, tenant, weekStart)).chain(has -> has
                ? Uni.createFrom().item(false)
                : reports.forService(tenant, weekStart, weekStart.plusDays(6)).chain(r -> ReportFiles.pdf(r)
                        .chain(pdf -> transactions.onConnection(scope, conn -> rows.keepWeekly(conn, tenant, weekStart, ReportFiles.csv(r), pdf)))));
    }
}
