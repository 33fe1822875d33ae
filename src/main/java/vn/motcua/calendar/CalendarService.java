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
 * The working calendar of each tenant: the national calendar, then the local files of its ancestors and its own.
 * The files are read and validated at start (a bad file stops it); calendars are built on first use and kept while
 * the tenant tree is the same.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final CalendarConfig config;
    private final TenantDirectory tenants;
    private volatile CalendarFiles.Book book;
    private volatile TenantTree builtFor;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    CalendarService(CalendarConfig config, TenantDirectory tenants) {
        this.config = config;
        this.tenants = tenants;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            book = CalendarFiles.load(config.root());
        } catch (CalendarDataException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        LOG.infof("Calendars: national, %d local, from %s", book.local().size(), config.root());
    }

    /** The calendar of {@code tenantCode}, or a 404 problem when there is no such tenant. */
    public Uni<WorkingCalendar> of(String tenantCode) {
        return tenants.tree().map(tree -> {
            Tenant tenant = tree.find(tenantCode).orElseThrow(() -> Problems.tenantNotFound(tenantCode));
            if (tree != builtFor) {
                calendars.clear();
                builtFor = tree;
            }
            return calendars.computeIfAbsent(tenant.code(), code -> build(tree, tenant));
        });
    }

    private WorkingCalendar build(TenantTree tree, Tenant tenant) {
        List<CalendarData> local = new ArrayList<>();
        for (Tenant t : tree.ancestors(tenant.code())) {
            if (book.local().containsKey(t.code())) {
                local.add(book.local().get(t.code()));
            }
        }
        if (book.local().containsKey(tenant.code())) {
            local.add(book.local().get(tenant.code()));
        }
        return new WorkingCalendar(book.national(), local);
    }
}
