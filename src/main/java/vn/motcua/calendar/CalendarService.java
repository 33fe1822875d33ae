package vn.motcua.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The working calendar of each tenant: the national calendar, then the local files of its ancestors and its own, then
 * the days that its ancestors' administrators and its own set in the console ({@link CalendarSettings}). The files are
 * read and validated at start (a bad file stops it); calendars are built on first use and kept while the tenant tree
 * and the console's days are the same (a change of either, on any replica, rebuilds them).
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final CalendarConfig config;
    private final TenantDirectory tenants;
    /** The calendars built from one tree and one set of the console's days, and only from them. */
    private record Built(TenantTree tree, CalendarSettings.Snapshot days, Map<String, WorkingCalendar> calendars) {
    }

    private volatile CalendarFiles.Book book;
    private volatile Built built = new Built(null, null, Map.of());
    private final CalendarSettings settings;

    CalendarService(CalendarConfig config, TenantDirectory tenants, CalendarSettings settings) {
        this.config = config;
        this.tenants = tenants;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            book = CalendarFiles.load(config.root());
        } catch (CalendarDataException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        // The console's days are read once now, so that no request waits for them (see CalendarSettings).
        int days = settings.snapshot().await().atMost(java.time.Duration.ofSeconds(30)).byTenant().values().stream().mapToInt(List::size).sum();
        LOG.infof("Calendars: national, %d local, from %s; %d days set in the console", book.local().size(), config.root(), days);
    }

    /** The calendar of {@code tenantCode}, or a 404 problem when there is no such tenant. */
    public Uni<WorkingCalendar> of(String tenantCode) {
        return tenants.tree().chain(tree -> settings.snapshot().map(days -> {
            Tenant tenant = tree.find(tenantCode).orElseThrow(() -> Problems.tenantNotFound(tenantCode));
            Built b = built;
            // A refresh by age reads the same days again: the calendars built stay good. Otherwise a new set, kept with
            // what it is built from: before, the tree and days were checked and the one map cleared and filled in
            // separate steps, so a request holding the tree of before a change could put its calendar in the map of
            // after it (kept until the next change), and two trees served in turn emptied the map at every read.
            if (b.tree() != tree || !days.equals(b.days())) {
                b = new Built(tree, days, new ConcurrentHashMap<>());
                built = b;
            }
            return b.calendars().computeIfAbsent(tenant.code(), code -> build(tree, tenant, days));
        }));
    }

    /**
     * The calendar of {@code tenantCode} from the national calendar and the files only, without the days set in the
     * console: what the settings page compares with, to show what those days change. Not kept.
     */
    public Uni<WorkingCalendar> withoutConsoleDays(String tenantCode) {
        return tenants.tree().map(tree -> build(tree, tree.find(tenantCode).orElseThrow(() -> Problems.tenantNotFound(tenantCode)),
                CalendarSettings.Snapshot.EMPTY));
    }

    /**
     * The calendar of {@code tenantCode} as it would be with {@code extra} days set for it too (each replacing what the
     * tenant set for that day): what a change would make of it, checked before it is written. Not kept.
     */
    public Uni<WorkingCalendar> withDays(String tenantCode, List<CalendarDay> extra) {
        return tenants.tree().chain(tree -> settings.snapshot().map(days -> {
            Tenant tenant = tree.find(tenantCode).orElseThrow(() -> Problems.tenantNotFound(tenantCode));
            Map<String, List<CalendarDay>> changed = new java.util.HashMap<>(days.byTenant());
            List<CalendarDay> own = new ArrayList<>(days.of(tenantCode));
            own.removeIf(d -> extra.stream().anyMatch(e -> e.date().equals(d.date())));
            own.addAll(extra);
            changed.put(tenantCode, List.copyOf(own));
            return build(tree, tenant, new CalendarSettings.Snapshot(changed));
        }));
    }

    private WorkingCalendar build(TenantTree tree, Tenant tenant, CalendarSettings.Snapshot snapshot) {
        List<CalendarData> local = new ArrayList<>();
        for (Tenant t : tree.ancestors(tenant.code())) {
            if (book.local().containsKey(t.code())) {
                local.add(book.local().get(t.code()));
            }
        }
        if (book.local().containsKey(tenant.code())) {
            local.add(book.local().get(tenant.code()));
        }
        List<List<CalendarDay>> days = new ArrayList<>();
        for (Tenant t : tree.ancestors(tenant.code())) {
            days.add(snapshot.of(t.code()));
        }
        days.add(snapshot.of(tenant.code()));
        return new WorkingCalendar(book.national(), local, days);
    }
}
