package vn.motcua.staff;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.ClientAddress;

/** A tenant's staff accounts, for its administrators (and those of the tenants above it). */
@Path("/api/t/{tenant}/staff")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "staff", description = "Staff accounts of a tenant, kept in Keycloak")
public class StaffResource {

    /** The roles a staff member should hold from now on. */
    public record Roles(List<String> roles) {
    }

    private final SecurityIdentity identity;
    private final StaffService staff;

    StaffResource(SecurityIdentity identity, StaffService staff) {
        this.identity = identity;
        this.staff = staff;
    }

    @GET
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "staff.manage")
    @Operation(summary = "The tenant's staff accounts with their roles and whether they are enabled")
    public Uni<List<StaffDirectory.Member>> list(@PathParam("tenant") String tenant) {
        return staff.list(Actor.from(identity), tenant);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "staff.manage")
    @Operation(summary = "Create a staff account in this tenant",
            description = "201 with the account and a temporary password, shown once, that must be changed at the first sign-in.")
    public Uni<Response> create(@PathParam("tenant") String tenant, StaffService.NewStaff request, @Context HttpServerRequest http) {
        return staff.create(Actor.from(identity), tenant, request, ClientAddress.of(http))
                .map(c -> Response.created(URI.create("/api/t/" + tenant + "/staff/" + c.member().username())).entity(c).build());
    }

    @POST
    @Path("/{username}/disable")
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "staff.manage")
    @Operation(summary = "Disable the account and end its sessions")
    public Uni<StaffDirectory.Member> disable(@PathParam("tenant") String tenant, @PathParam("username") String username,
            @Context HttpServerRequest http) {
        return staff.setEnabled(Actor.from(identity), tenant, username, false, ClientAddress.of(http));
    }

    @POST
    @Path("/{username}/enable")
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "staff.manage")
    @Operation(summary = "Enable the account again")
    public Uni<StaffDirectory.Member> enable(@PathParam("tenant") String tenant, @PathParam("username") String username,
            @Context HttpServerRequest http) {
        return staff.setEnabled(Actor.from(identity), tenant, username, true, ClientAddress.of(http));
    }

    @PUT
    @Path("/{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = Permission.OPENAPI_EXTENSION, value = "staff.manage")
    @Operation(summary = "Replace the staff member's roles")
    public Uni<StaffDirectory.Member> roles(@PathParam("tenant") String tenant, @PathParam("username") String username, Roles body,
            @Context HttpServerRequest http) {
        return staff.setRoles(Actor.from(identity), tenant, username, body == null ? null : body.roles(), ClientAddress.of(http));
    }
}
