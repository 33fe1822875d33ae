package vn.motcua.report.usecase;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.Problems;
import vn.motcua.report.domain.Figures;
import vn.motcua.report.store.ReportRows;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The service index's report of a tenant over a period (báo cáo chỉ số phục vụ): its figures with everything below
 * it, each unit directly below it with its own subtree (ward → district → city, commune → province), late steps by
 * step and by holder, and the procedures no dossier used in the last months. Read from the report rows that
 * {@link RefreshReports} keeps, in the reader's scope.
 */
@ApplicationScoped
public class Reports {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 366;

    /** How far back a procedure must have had a dossier not to be listed as unused. */
    public static final int UNUSED_MONTHS = 12;

    /** How many holders with late steps the report lists. */
    static final int HOLDERS = 20;

    /** A unit's name and figures (its whole subtree). */
    public record Unit(String code, String name, String level, Figures figures) {
    }

    /** Late steps of one step code at one office, or of one holder. */
    public record Late(String key, String office, long late, long ended) {
    }

    /** A procedure with no dossier received within {@link #UNUSED_MONTHS}. */
    public record Unused(String code, String name) {
    }

    public record Report(String tenant, String name, LocalDate from, LocalDate to, Figures total, List<Unit> units, List<Late> lateBySteps,
            List<Late> lateByHolders, int unusedMonths, List<Unused> unused, List<vn.motcua.report.domain.Charts.Week> weeks) {
    }

    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;
    private final ReportRows rows;
    private final CatalogService catalog;

    Reports(AccessPolicy policy, TenantDirectory tenants, ScopedTransactions transactions, ReportRows rows, CatalogService catalog) {
        this.policy = policy;
        this.tenants = tenants;
        this.transactions = transactions;
        this.rows = rows;
        this.catalog = catalog;
    }

    /** The report of {@code tenant} from {@code fromDay} to {@code toDay} (YYYY-MM-DD, inclusive). Who may read it is checked first. */
    public Uni<Report> report(Actor actor, String tenant, String fromDay, String toDay) {
        return policy.authorize(actor, Permission.REPORT_READ, tenant).chain(access -> {
            Period p = period(fromDay, toDay);
            return tenants.tree().chain(tree -> read(tree, TenantScope.of(tree.subtreeCodes(tenant).toArray(String[]::new)), tenant, p.from(),
                    p.to()));
        });
    }

    /** The same report for the service itself (the weekly job): no person asks, the scope is the tenant's subtree. */
    Uni<Report> forService(String tenant, LocalDate from, LocalDate to) {
        return tenants.tree().chain(tree -> read(tree, TenantScope.of(tree.subtreeCodes(tenant).toArray(String[]::new)), tenant, from, to));
    }

    /** A period of whole days, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * The period of a form or query ({@code from} and {@code to}, YYYY-MM-DD): both valid days, in order, at most
     * {@link #MAX_DAYS} long; the field's error otherwise.
     */
    public static Period period(String fromDay, String toDay) {
        LocalDate from = day("from", fromDay);
        LocalDate to = day("to", toDay);
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
            throw Problems.invalidField("to", FieldIssue.OUT_OF_RANGE, from, from.plusDays(MAX_DAYS - 1));
        }
        return new Period(from, to);
    }

    /** A day of a period's form or query (YYYY-MM-DD, 2000 to 2200); the field's error otherwise. */
    static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalidField(field, FieldIssue.REQUIRED);
        }
        if (value.length() > 10) {
            throw Problems.invalidField(field, FieldIssue.NOT_DATE);
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw Problems.invalidField(field, FieldIssue.OUT_OF_RANGE, LocalDate.of(2000, 1, 1), LocalDate.of(2200, 12, 31));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, FieldIssue.NOT_DATE);
        }
    }

    private Uni<Report> read(TenantTree tree, TenantScope scope, String tenant, LocalDate from, LocalDate to) {
        Tenant self = tree.find(tenant).orElseThrow();
        // Each tenant of the subtree belongs to one group: the tenant itself, or the child whose subtree holds it.
        Map<String, String> groupOf = new LinkedHashMap<>();
        groupOf.put(tenant, tenant);
        List<Tenant> children = tree.children(tenant);
        for (Tenant child : children) {
            tree.subtreeCodes(child.code()).forEach(c -> groupOf.put(c, child.code()));
        }
        String[] codes = groupOf.keySet().toArray(String[]::new);
        String[] groups = groupOf.values().toArray(String[]::new);
        LocalDate today = LocalDate.now(RefreshReports.VIETNAM);
        Set<String> offered = new LinkedHashSet<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Procedure p : catalog.all()) {
            Procedure.Version v = current(p, today);
            if (v != null && groupOf.keySet().stream().map(tree::find).flatMap(java.util.Optional::stream).anyMatch(v::offeredAt)) {
                offered.add(p.code());
                names.put(p.code(), v.name().vi());
            }
        }
        return transactions.onConnection(scope.as(RefreshReports.ACTOR), conn -> rows.figures(conn, codes, groups, from, to)
                .chain(figures -> rows.lateBy(conn, false, codes, from, to, 100)
                        .chain(steps -> rows.lateBy(conn, true, codes, from, to, HOLDERS)
                                .chain(holders -> rows.weeks(conn, codes, from, to).chain(weeks -> rows.unused(conn, codes,
                                        offered.toArray(String[]::new), today.minusMonths(UNUSED_MONTHS))
                                        .map(unused -> {
                                            Map<String, Figures> byGroup = new LinkedHashMap<>();
                                            Figures total = empty(tenant);
                                            for (Figures f : figures) {
                                                if (f.tenant() == null) {
                                                    total = withTenant(f, tenant);
                                                } else {
                                                    byGroup.put(f.tenant(), f);
                                                }
                                            }
                                            List<Unit> units = new ArrayList<>();
                                            units.add(new Unit(tenant, self.name().vi(), self.level(), byGroup.getOrDefault(tenant, empty(tenant))));
                                            for (Tenant c : children) {
                                                units.add(new Unit(c.code(), c.name().vi(), c.level(), byGroup.getOrDefault(c.code(), empty(c.code()))));
                                            }
                                            return new Report(tenant, self.name().vi(), from, to, total, units,
                                                    steps.stream().map(l -> new Late(l.key(), l.office(), l.late(), l.ended())).toList(),
                                                    holders.stream().map(l -> new Late(l.key(), l.office(), l.late(), l.ended())).toList(),
                                                    UNUSED_MONTHS, unused.stream().map(c -> new Unused(c, names.get(c))).toList(), weeks);
                                        }))))));
    }

    private static Procedure.Version current(Procedure p, LocalDate today) {
        Procedure.Version found = null;
        for (Procedure.Version v : p.versions()) {
            if (!v.effectiveFrom().isAfter(today)) {
                found = v;
            }
        }
        return found;
    }

    static Figures empty(String tenant) {
        return new Figures(tenant, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, 0, null);
    }

    private static Figures withTenant(Figures f, String tenant) {
        return new Figures(tenant, f.received(), f.online(), f.paper(), f.digitized(), f.reused(), f.withFee(), f.paidOnline(), f.supplements(),
                f.decided(), f.early(), f.onTime(), f.late(), f.refused(), f.meanDays(), f.p90Days(), f.ratings(), f.meanRating());
    }
}
