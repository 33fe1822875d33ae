package vn.motcua.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.TenantDirectory;

/**
 * Who read my data (ai đã xem dữ liệu của tôi): the use case behind the citizen's API and their "my page". It
 * authorizes ({@link Permission#READ_OWN_ACCESS_LOG}), reads the audit log's entries about the citizen (row-level
 * security shows them nothing else) and returns view records.
 */
@ApplicationScoped
public class MyDataAccess {

    /**
     * One read of the citizen's data.
     *
     * @param officer the officer's name, as the office's record has it
     * @param office  the office they read it for
     * @param target  the dossier (receipt code), or the dossier and file read
     * @param purpose processing (the office working it), supervision (an office above), audit, postal
     */
    public record Access(OffsetDateTime at, String officer, String officeCode, LocalizedText office, String action, String target,
            String purpose) {
    }

    private final AccessPolicy policy;
    private final AuditService audit;
    private final TenantDirectory tenants;

    MyDataAccess(AccessPolicy policy, AuditService audit, TenantDirectory tenants) {
        this.policy = policy;
        this.audit = audit;
        this.tenants = tenants;
    }

    /** The newest {@code limit} reads of the citizen's data. */
    public Uni<List<Access>> of(Actor actor, int limit) {
        policy.authorizeSelf(actor, Permission.READ_OWN_ACCESS_LOG);
        String me = actor.realm().id() + ":" + actor.subject();
        return Uni.combine().all().unis(audit.aboutSubject(me, limit), tenants.tree()).asTuple()
                .map(t -> t.getItem1().stream().map(e -> new Access(e.occurredAt, e.actorName, e.tenantId,
                        t.getItem2().find(e.tenantId).map(x -> x.name()).orElse(null), e.action, e.target, e.purpose)).toList());
    }
}
