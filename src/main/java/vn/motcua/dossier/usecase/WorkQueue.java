package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.tenant.TenantDirectory;

/** A tenant's work queue (hồ sơ đang xử lý): its open dossiers, soonest due first, for its officers and supervisors. */
@ApplicationScoped
public class WorkQueue {

    /** Which open dossiers: by state, by how soon they are due. */
    public enum Due {
        /** Past due. */
        LATE,
        /** Due before the end of today (Vietnam time). */
        TODAY,
        /** Due within seven days. */
        WEEK
    }

    /**
     * One page: its rows, whether more follow (the last row is then the next page's keyset), and the tenant's
     * calendar and the instant the time left is counted on.
     */
    public record Page(List<DossierQueries.QueueRow> rows, boolean more, WorkingCalendar calendar, OffsetDateTime at) {
    }

    private final ScopedTransactions transactions;
    private final DossierQueries queries;
    private final TenantDirectory tenants;
    private final CalendarService calendars;
    private final AccessPolicy policy;
    private final DossierWork work;

    WorkQueue(ScopedTransactions transactions, DossierQueries queries, TenantDirectory tenants, CalendarService calendars,
            AccessPolicy policy, DossierWork work) {
        this.transactions = transactions;
        this.queries = queries;
        this.tenants = tenants;
        this.calendars = calendars;
        this.policy = policy;
        this.work = work;
    }

    /** {@code size} open dossiers of {@code tenant} after the keyset {@code (afterDue, afterId)}, if any. */
    public Uni<Page> page(Actor actor, String tenant, DossierStatus status, Due due, OffsetDateTime afterDue, UUID afterId, int size) {
        OffsetDateTime now = work.now();
        OffsetDateTime dueBefore = due == null ? null : switch (due) {
            case LATE -> now;
            case TODAY -> now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate().plusDays(1)
                    .atStartOfDay(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
            case WEEK -> now.plusDays(7);
        };
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> tenants.tree()).chain(tree -> transactions.onConnection(
                policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor)),
                conn -> queries.queue(conn, tenant, status, dueBefore, afterDue, afterId, size + 1)))
                .chain(rows -> calendars.of(tenant).map(calendar -> new Page(rows.size() > size ? rows.subList(0, size) : rows,
                        rows.size() > size, calendar, now)));
    }
}
