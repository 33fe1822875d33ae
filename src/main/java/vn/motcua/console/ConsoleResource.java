package vn.motcua.console;


import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;

/** The tenant console (bàn làm việc) for officers, signed in through the staff realm: parses and renders only. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleResource {

    /** The console's pages, checked at build time against the templates in {@code templates/console/}. */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        /** {@code roleNames}: the officer's roles in the page's language, in the order of {@code home.roles}. */
        static native TemplateInstance home(ConsoleHome.View home, List<String> roleNames);

        static native TemplateInstance noTenant();
    }

    private final ConsoleHome console;
    private final SecurityIdentity identity;
    private final PageContext page;

    ConsoleResource(ConsoleHome console, SecurityIdentity identity, PageContext page) {
        this.console = console;
        this.identity = identity;
        this.page = page;
    }

    /**
     * Sends the officer to their first tenant's queue (what a desk works all day: no click to get there), or its home
     * when they may not read queues, or explains that their account has none yet.
     */
    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.SIGNED_IN)
    public Uni<Response> entry() {
        return console.firstTenant(Actor.from(identity)).map(first -> first
                .map(t -> Redirects.seeOther("/console/" + t + (Permission.READ_QUEUE.grantedTo(Actor.from(identity)) ? "/queue" : "")))
                .orElseGet(() -> Response.ok(Templates.noTenant()).build()));
    }

    @GET
    @Path("/{tenant}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "console.open")
    public Uni<TemplateInstance> tenantHome(@PathParam("tenant") String tenant, HttpServerRequest request) {
        return console.open(Actor.from(identity), tenant, ClientAddress.of(request)).map(home -> Templates.home(home,
                home.roles().stream().map(r -> ConsoleStaffResource.label(r, page.locale())).toList()));
    }
}
