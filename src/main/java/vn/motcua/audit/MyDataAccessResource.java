package vn.motcua.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.PageLimit;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.TenantDirectory;

/**
 * A citizen's view of the audit log: who read their data, in which office, when and why (ai đã xem dữ liệu của
 * tôi). Row-level security shows them the entries about them and nothing else.
 */
@Path("/api/me/data-access")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "audit", description = "Who did what, where and when")
public class MyDataAccessResource {

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

    private final SecurityIdentity identity;
    private final AccessPolicy policy;
    private final AuditService audit;
    private final TenantDirectory tenants;

    MyDataAccessResource(SecurityIdentity identity, AccessPolicy policy, AuditService audit, TenantDirectory tenants) {
        this.identity = identity;
        this.policy = policy;
        this.audit = audit;
        this.tenants = tenants;
    }

    @GET
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "audit.read-own")
    @Operation(summary = "Who read my data, when and why, newest first")
    public Uni<List<Access>> mine(
            @Parameter(description = "Reads per page, 1 to 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam(PageLimit.PARAMETER) String limit) {
        int size = PageLimit.parse(limit, 100, 500);
        Actor actor = Actor.from(identity);
        policy.authorizeSelf(actor, Permission.READ_OWN_ACCESS_LOG);
        String me = actor.realm().id() + ":" + actor.subject();
        return Uni.combine().all().unis(audit.aboutSubject(me, size), tenants.tree()).asTuple()
                .map(t -> t.getItem1().stream().map(e -> new Access(e.occurredAt, e.actorName, e.tenantId,
                        t.getItem2().find(e.tenantId).map(x -> x.name()).orElse(null), e.action, e.target, e.purpose)).toList());
    }
}
