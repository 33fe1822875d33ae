package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;

/**
 * A post office's dossiers (bưu điện): those it took in, those whose results it must deliver, and the delivery
 * itself. Row-level security shows the clerk only their office's, through {@code app.offices}.
 */
@ApplicationScoped
public class PostalDossiers {

    private final ScopedTransactions transactions;
    private final DossierQueries queries;
    private final CalendarService calendars;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final DossierWork work;
    private final vn.motcua.dossier.store.PostalRows rows;

    PostalDossiers(ScopedTransactions transactions, DossierQueries queries, CalendarService calendars, TenantDirectory tenants,
            AccessPolicy policy, DossierWork work, vn.motcua.dossier.store.PostalRows rows) {
        this.rows = rows;
        this.transactions = transactions;
        this.queries = queries;
        this.calendars = calendars;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
    }

    /** The dossiers {@code office} took in ({@code delivery} false) or must deliver (true), newest first, before {@code before}. */
    public Uni<List<PostalItem>> list(Actor actor, String office, boolean delivery, OffsetDateTime before, int limit) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_LIST, office, tree);
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(DossierWork.key(actor)),
                    conn -> queries.ofPostOffice(conn, office, delivery, before == null ? work.now().plusDays(1) : before, limit))
                    .map(list -> list.stream().map(d -> PostalItem.of(d, delivery)).toList());
        });
    }

    /**
     * The post hands the result to the applicant (phát trả kết quả): the return, by post, by the office that was to
     * deliver it. The office's scope finds the dossier; the write then runs in the dossier's own tenants' scope.
     */
    public Uni<PostalItem> deliver(Actor actor, String office, String receiptCode, String note, String remoteAddr) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_DELIVER, office, tree);
            DossierWork.By by = DossierWork.By.of(actor, null, remoteAddr);
            OffsetDateTime now = work.now();
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(by.key()), conn -> work.load(conn, receiptCode)
                    .chain(d -> returnByPost(conn, d, office, note, by, now, tree))
                    // A tracking number recorded on the postal console: that delivery is the one that arrived.
                    .call(d -> rows.deliveredAnyway(conn, d.id, now, by.key(), by.name())))
                    .map(d -> PostalItem.of(d, true));
        });
    }

    /**
     * The return by post (the RETURN action, channel post) of a dossier that {@code office}'s scope found on an open
     * transaction: refused (404) unless the office is the one to deliver it; the write then runs in the dossier's own
     * tenants' scope. Shared by {@link #deliver} and {@link PostalDeliveries#delivered}.
     */
    Uni<Dossier> returnByPost(io.vertx.mutiny.sqlclient.SqlConnection conn, Dossier d, String office, String note, DossierWork.By by,
            OffsetDateTime now, vn.motcua.tenant.TenantTree tree) {
        if (!office.equals(d.deliveryOffice)) {
            // Taken in here, perhaps, but not this office's to deliver.
            throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, d.receiptCode);
        }
        DossierCommands.Input in = new DossierCommands.Input(note, null, null, null, "post", null, null);
        return ScopedTransactions.widen(conn, TenantScope.of(d.tenants.toArray(String[]::new)))
                .chain(() -> calendars.of(d.tenantId))
                .chain(calendar -> work.command(conn, d, DossierAction.RETURN, in, by, now, calendar, tree));
    }
}
