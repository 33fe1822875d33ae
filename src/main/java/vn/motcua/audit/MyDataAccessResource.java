package vn.motcua.audit;

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
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.PageLimit;

/**
 * A citizen's view of the audit log: who read their data, in which office, when and why (ai đã xem dữ liệu của
 * tôi). Row-level security shows them the entries about them and nothing else.
 */
@Path("/api/me/data-access")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "audit", description = "Who did what, where and when")
public class MyDataAccessResource {

    private final SecurityIdentity identity;
    private final MyDataAccess access;

    MyDataAccessResource(SecurityIdentity identity, MyDataAccess access) {
        this.identity = identity;
        this.access = access;
    }

    @GET
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "audit.read-own")
    @Operation(summary = "Who read my data, when and why, newest first")
    public Uni<List<MyDataAccess.Access>> mine(
            @Parameter(description = "Reads per page, 1 to 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam(PageLimit.PARAMETER) String limit) {
        return access.of(Actor.from(identity), PageLimit.parse(limit, 100, 500));
    }
}
