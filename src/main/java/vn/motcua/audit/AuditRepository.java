package vn.motcua.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AuditRepository implements PanacheRepository<AuditEvent> {

    /** The entries about one citizen, newest first. */
    public Uni<List<AuditEvent>> listAboutSubject(String subject, int limit) {
        return find("subjectActor", Sort.descending("occurredAt", "id"), subject).page(Page.ofSize(limit)).list();
    }

    /** The newest entries of a tenant, newest first, optionally only one action's or one target's. */
    public Uni<List<AuditEvent>> listLatestOfTenant(String tenant, String action, String target, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenant);
        if (action != null) {
            query.append(" and action = :action");
            params.and("action", action);
        }
        if (target != null) {
            query.append(" and target like :target");
            params.and("target", target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return find(query.toString(), Sort.descending("occurredAt", "id"), params).page(Page.ofSize(limit)).list();
    }
}
