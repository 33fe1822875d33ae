package vn.motcua.nationalportal.usecase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.nationalportal.store.PortalRows;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.report.usecase.Reports;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * How much of each tenant's dossier history reached the national portal (tỷ lệ đồng bộ), over a period: of the
 * status changes and ratings queued (by the day they were queued, Vietnam's time), how many were synced, how many
 * still wait (the portal not configured, down, or a retry due) and how many were dead-lettered; how long the synced
 * ones took (mean and 90th percentile) and how long the oldest unsynced one has waited. The tenant and every tenant
 * below it, one row each, and their total. Read by whoever reads the tenant's reports ({@code report.read}).
 */
@ApplicationScoped
public class SyncRates {

    /** One tenant's figures. {@code share} is synced ÷ total (null when nothing was queued); lags in seconds. */
    public record Rate(String tenant, LocalizedText name, long total, long synced, long pending, long dead, Double share,
            Double meanLagSeconds, Double p90LagSeconds, Double oldestUnsyncedSeconds) {
    }

    /**
     * The figures of a tenant's subtree over a period.
     *
     * @param configured whether the portal's address is set (if not, nothing is sent and every row waits)
     * @param tenants    the tenant and each tenant below it, its own rows only
     * @param units      the tenant's own rows, then each tenant directly below it with its whole subtree (as a report's units)
     */
    public record Rates(String tenant, LocalDate from, LocalDate to, boolean configured, Rate total, List<Rate> tenants, List<Rate> units) {
    }

    private final AccessPolicy policy;
    private final TenantDirectory directory;
    private final ScopedTransactions transactions;
    private final PortalRows rows;
    private final PortalClient client;

    SyncRates(AccessPolicy policy, TenantDirectory directory, ScopedTransactions transactions, PortalRows rows, PortalClient client) {
        this.policy = policy;
        this.directory = directory;
        this.transactions = transactions;
        this.rows = rows;
        this.client = client;
    }

    /** The figures of {@code tenant} and below, from {@code fromDay} to {@code toDay} (YYYY-MM-DD, inclusive). */
    public Uni<Rates> of(Actor actor, String tenant, String fromDay, String toDay) {
        return policy.authorize(actor, Permission.REPORT_READ, tenant).chain(access -> {
            Reports.Period p = Reports.period(fromDay, toDay);
            return directory.tree().chain(tree -> read(tree, tenant, p.from(), p.to()));
        });
    }

    private Uni<Rates> read(TenantTree tree, String tenant, LocalDate from, LocalDate to) {
        List<String> codes = new ArrayList<>(tree.subtreeCodes(tenant));
        OffsetDateTime start = from.atStartOfDay().atOffset(VietnameseLunarCalendar.VIETNAM);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(VietnameseLunarCalendar.VIETNAM);
        return transactions.onConnection(TenantScope.of(codes.toArray(String[]::new)),
                conn -> rows.rates(conn, codes.toArray(String[]::new), start, end)).map(found -> {
                    Map<String, PortalRows.Rate> byTenant = found.stream().collect(Collectors.toMap(PortalRows.Rate::tenant, Function.identity()));
                    List<Rate> list = new ArrayList<>();
                    // The tenant first, then those below it in the tree's order; a tenant with nothing queued reads zero.
                    List<Tenant> order = new ArrayList<>();
                    tree.find(tenant).ifPresent(order::add);
                    order.addAll(tree.descendants(tenant));
                    for (Tenant t : order) {
                        list.add(rate(t.code(), t.name(), byTenant.get(t.code())));
                    }
                    List<Rate> units = new ArrayList<>();
                    units.add(list.get(0));
                    for (Tenant child : tree.children(tenant)) {
                        units.add(total(child.code(), child.name(), tree.subtreeCodes(child.code()).stream().map(byTenant::get)
                                .filter(java.util.Objects::nonNull).toList()));
                    }
                    return new Rates(tenant, from, to, client.configured(), total(tenant, tree.find(tenant).map(Tenant::name).orElse(null), found), list, units);
                });
    }

    private static Rate rate(String code, LocalizedText name, PortalRows.Rate r) {
        if (r == null) {
            return new Rate(code, name, 0, 0, 0, 0, null, null, null, null);
        }
        return new Rate(code, name, r.total(), r.synced(), r.pending(), r.dead(), share(r.synced(), r.total()), r.meanLagSeconds(),
                r.p90LagSeconds(), r.oldestUnsyncedSeconds());
    }

    /** The subtree's total: counts summed, the mean lag weighted by synced rows, the worst p90 and oldest wait. */
    private static Rate total(String tenant, LocalizedText name, List<PortalRows.Rate> all) {
        long total = 0;
        long synced = 0;
        long pending = 0;
        long dead = 0;
        double lagSum = 0;
        Double p90 = null;
        Double oldest = null;
        for (PortalRows.Rate r : all) {
            total += r.total();
            synced += r.synced();
            pending += r.pending();
            dead += r.dead();
            if (r.meanLagSeconds() != null) {
                lagSum += r.meanLagSeconds() * r.synced();
            }
            p90 = max(p90, r.p90LagSeconds());
            oldest = max(oldest, r.oldestUnsyncedSeconds());
        }
        return new Rate(tenant, name, total, synced, pending, dead, share(synced, total), synced == 0 ? null : lagSum / synced, p90, oldest);
    }

    private static Double max(Double a, Double b) {
        if (a == null) {
            return b;
        }
        // Not one conditional expression: its numeric branch would unbox a null.
        return b == null ? a : Double.valueOf(Math.max(a, b));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
