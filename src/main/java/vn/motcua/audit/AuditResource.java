package vn.motcua.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import vn.motcua.tenant.TenantDirectory;

/** A tenant's audit log, for its administrators and auditors (and those of the tenants above it). */
@Path("/api/t/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "audit", description = "Who did what, where and when")
public class AuditResource {

    /**
     * One entry.
     *
     * @param subject    who acted ({@code <realm>} and Keycloak subject)
     * @param dataSubject the citizen whose personal data was read, if any
     * @param purpose    why: processing, supervision, audit, postal
     */
    public record Entry(long id, OffsetDateTime at, String tenant, String realm, String subject, String name, String action,
            String target, String dataSubject, String purpose, String remoteAddr) {
    }

    private final SecurityIdentity identity;
    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final AuditService audit;

    AuditResource(SecurityIdentity identity, AccessPolicy policy, TenantDirectory tenants, AuditService audit) {
        this.identity = identity;
        this.policy = policy;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "audit.read")
    @GET
    @Operation(summary = "Search a tenant's audit log, newest first",
            description = "Every read of personal data by staff and every change, with who, where from, whose data and why.")
    public Uni<List<Entry>> latest(@PathParam("tenant") String tenant,
            @Parameter(description = "Only this action, e.g. dossier.read") @QueryParam("action") String action,
            @Parameter(description = "Only targets starting with this, e.g. a receipt code") @QueryParam("target") String target,
            @Parameter(description = "Entries per page, 1 to 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam(PageLimit.PARAMETER) String limit) {
        int size = PageLimit.parse(limit, 50, 500);
        Actor actor = Actor.from(identity);
        return policy.authorize(actor, Permission.READ_AUDIT, tenant)
                .chain(access -> tenants.tree())
                .chain(tree -> audit.latest(policy.readScope(actor, tree), tenant, blankToNull(action), blankToNull(target), size))
                .map(events -> events.stream().map(e -> new Entry(e.id, e.occurredAt, e.tenantId, e.actorRealm, e.actorSubject,
                        e.actorName, e.action, e.target, e.subjectActor, e.purpose, e.remoteAddr)).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
