package vn.motcua.tenant;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.error.Problems;
import vn.motcua.platform.web.RoutePermission;

/** The tenant tree, public: the portal and other systems need to know who is who and where. */
@Path("/api/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "The city's units of government: city, districts, wards")
public class TenantResource {

    private final TenantDirectory directory;
    private final TenantJson json;

    TenantResource(TenantDirectory directory, TenantJson json) {
        this.directory = directory;
        this.json = json;
    }

    @Extension(name = RoutePermission.EXTENSION, value = "public")
    @GET
    @Operation(summary = "The whole tenant tree, nested, with its levels")
    public Uni<TenantViews.Tree> tree() {
        return directory.tree().map(TenantViews.Tree::of);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One tenant with its ancestors and children")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TenantViews.Detail.class)))
    @Extension(name = RoutePermission.EXTENSION, value = "public")
    public Uni<Response> tenant(@PathParam("code") String code) {
        return directory.tree().map(tree -> Response.ok(json.detail(tree,
                tree.find(code).orElseThrow(() -> Problems.tenantNotFound(code))), MediaType.APPLICATION_JSON).build());
    }

    @Extension(name = RoutePermission.EXTENSION, value = "public")
    @GET
    @Path("/{code}/descendants")
    @Operation(summary = "Every tenant below this one, depth first")
    public Uni<List<TenantViews.Summary>> descendants(@PathParam("code") String code) {
        return directory.tree().map(tree -> {
            tree.find(code).orElseThrow(() -> Problems.tenantNotFound(code));
            return tree.descendants(code).stream().map(TenantViews.Summary::of).toList();
        });
    }
}
