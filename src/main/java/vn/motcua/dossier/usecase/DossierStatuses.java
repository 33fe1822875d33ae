package vn.motcua.dossier.usecase;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;

/**
 * Where some dossiers stand, for a feature above that keeps its own records about them and acts on a dossier's
 * outcome by itself (a payment refunded when its dossier is refused): the statuses only, nothing personal, in the
 * tenants given (row-level security still applies), with no actor and no log.
 */
@ApplicationScoped
public class DossierStatuses {

    private final ScopedTransactions transactions;
    private final DossierQueries queries;

    DossierStatuses(ScopedTransactions transactions, DossierQueries queries) {
        this.transactions = transactions;
        this.queries = queries;
    }

    public Uni<Map<UUID, DossierStatus>> of(Set<String> tenants, List<UUID> ids) {
        if (ids.isEmpty() || tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return transactions.onConnection(new TenantScope(tenants), conn -> queries.statuses(conn, ids));
    }
}
