package vn.motcua.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AuditRepository implements PanacheRepository<AuditEvent> {

    /** The newest entries of a tenant, newest first. */
    public Uni<List<AuditEvent>> listLatestOfTenant(String tenant, int limit) {
        return find("tenantId", Sort.descending("occurredAt", "id"), tenant).page(Page.ofSize(limit)).list();
    }
}
