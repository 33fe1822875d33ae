package vn.motcua.identity;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Who the caller is, and what they may do in a tenant. Bearer tokens from either realm. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "identity", description = "The signed-in caller")
public class IdentityResource {

    /** The caller as the service sees them. */
    /**
     * @param assurance  {@code high} for staff and for citizens identified by the national identity provider,
     *                   {@code low} for self-registered citizens
     * @param citizenId  the verified citizen ID number (citizens identified by the national provider only)
     */
    public record Me(String realm, String subject, String username, String name, Set<String> roles, Set<String> tenants,
            Set<String> postalOffices, String assurance, String citizenId) {
    }

    /** The caller's access to one tenant: {@code own} (work its dossiers) or {@code supervise} (read only). */
    public record Access(String tenant, String agencyCode, String access, boolean mayAct, List<String> roles) {
    }

    private final SecurityIdentity identity;
    private final AccessPolicy policy;

    IdentityResource(SecurityIdentity identity, AccessPolicy policy) {
        this.identity = identity;
        this.policy = policy;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "signed-in")
    @GET
    @Path("/me")
    @Operation(summary = "The signed-in caller: realm, roles and tenants")
    public Me me() {
        Actor a = Actor.from(identity);
        return new Me(a.realm().id(), a.subject(), a.username(), a.displayName(), a.roles(), a.tenants(), a.postalOffices(),
                a.assurance().name().toLowerCase(java.util.Locale.ROOT), a.citizenId());
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "access.read")
    @GET
    @Path("/t/{tenant}/access")
    @Operation(summary = "The caller's access to a tenant (403 when it is not theirs nor below theirs)")
    public Uni<Access> access(@PathParam("tenant") String tenant) {
        return policy.staffAccess(Actor.from(identity), tenant)
                .map(a -> new Access(a.tenant().code(), a.tenant().agencyCode(), a.mode().name().toLowerCase(), a.mayAct(),
                        a.actor().roles().stream().sorted().toList()));
    }
}
