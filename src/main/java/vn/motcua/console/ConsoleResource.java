package vn.motcua.console;

import java.util.Optional;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.audit.AuditService;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.Page;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/** The tenant console (bàn làm việc) for officers, signed in through the staff realm. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleResource {

    private final Template home;
    private final Template noTenant;
    private final AccessPolicy policy;
    private final TenantDirectory tenants;
    private final AuditService audit;
    private final SecurityIdentity identity;

    ConsoleResource(@Location("console/home.html") Template home, @Location("console/no-tenant.html") Template noTenant,
            AccessPolicy policy, TenantDirectory tenants, AuditService audit, SecurityIdentity identity) {
        this.home = home;
        this.noTenant = noTenant;
        this.policy = policy;
        this.tenants = tenants;
        this.audit = audit;
        this.identity = identity;
    }

    /** Sends the officer to their first tenant, or explains that their account has none yet. */
    @GET
    @Operation(hidden = true)
    public Uni<Response> entry(@Context UriInfo uri, @Context HttpHeaders headers) {
        Actor actor = Actor.from(identity);
        return tenants.tree().map(tree -> {
            var first = actor.tenants().stream().filter(t -> tree.find(t).isPresent()).sorted().findFirst();
            if (first.isPresent()) {
                return Response.seeOther(URI.create("/console/" + first.get())).build();
            }
            var locale = Page.locale(uri, headers);
            return Response.ok(noTenant.instance().data("page", Page.staff(locale, actor.displayName())).setLocale(locale)).build();
        });
    }

    @GET
    @Path("/{tenant}")
    @Operation(hidden = true)
    public Uni<TemplateInstance> tenantHome(@PathParam("tenant") String tenant, @Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        var locale = Page.locale(uri, headers);
        return policy.authorize(actor, Permission.OPEN_CONSOLE, tenant)
                .call(access -> audit.record(actor, tenant, "console.open", null, ClientAddress.of(request)))
                .chain(access -> tenants.tree().map(tree -> {
                    List<Tenant> own = actor.tenants().stream().sorted().map(tree::find).flatMap(Optional::stream).toList();
                    return home.instance()
                            .data("page", Page.staff(locale, actor.displayName()))
                            .data("access", access)
                            .data("roles", actor.roles().stream().sorted().toList())
                            .data("manageStaff", Permission.MANAGE_STAFF.grantedTo(actor))
                            .data("ancestors", tree.ancestors(tenant))
                            .data("children", tree.children(tenant))
                            .data("own", own)
                            .setLocale(locale);
                }));
    }
}
