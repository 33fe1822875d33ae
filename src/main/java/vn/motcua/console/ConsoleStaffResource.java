package vn.motcua.console;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Actor;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.i18n.Messages;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.CsrfGuard;
import vn.motcua.platform.web.Page;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.TenantDirectory;

/**
 * The console's staff page (cán bộ của đơn vị): the tenant administrator's forms over {@link StaffService}. Every
 * post carries the session's anti-forgery token; the access rules are the service's (the role matrix).
 */
@Path("/console/{tenant}/staff")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleStaffResource {

    /** A role as the page shows it: its code, its label, and whether the row's member holds it. */
    @TemplateData
    public record RoleChoice(String code, String label, boolean held) {
    }

    /** One staff member's row. */
    @TemplateData
    public record Row(String username, String name, boolean enabled, List<RoleChoice> roles) {
    }

    private final Template staffPage;
    private final StaffService staff;
    private final TenantDirectory tenants;
    private final CsrfGuard csrf;
    private final SecurityIdentity identity;

    ConsoleStaffResource(@Location("console/staff.html") Template staffPage, StaffService staff, TenantDirectory tenants,
            CsrfGuard csrf, SecurityIdentity identity) {
        this.staffPage = staffPage;
        this.staff = staff;
        this.tenants = tenants;
        this.csrf = csrf;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> page(@PathParam("tenant") String tenant, @QueryParam("saved") String saved, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return render(tenant, uri, headers, saved != null ? Languages.messages(Page.locale(uri, headers)).staff_saved() : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> create(@PathParam("tenant") String tenant, @RestForm(CsrfGuard.FIELD) String token,
            @RestForm String username, @RestForm String lastName, @RestForm String firstName, @RestForm String email,
            @RestForm("role") List<String> roles, @Context UriInfo uri, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        csrf.verify(identity, token, headers, uri);
        Actor actor = Actor.from(identity);
        Messages m = Languages.messages(Page.locale(uri, headers));
        return staff.create(actor, tenant, new StaffService.NewStaff(username, firstName, lastName, email, roles), ClientAddress.of(request))
                .chain(created -> render(tenant, uri, headers, m.staff_created(created.member().username()) + " "
                        + m.staff_temporary_password(created.temporaryPassword())));
    }

    @POST
    @Path("/{username}/{change: disable|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> enableOrDisable(@PathParam("tenant") String tenant, @PathParam("username") String username,
            @PathParam("change") String change, @RestForm(CsrfGuard.FIELD) String token, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        csrf.verify(identity, token, headers, uri);
        return staff.setEnabled(Actor.from(identity), tenant, username, change.equals("enable"), ClientAddress.of(request)).map(m -> saved(tenant));
    }

    @POST
    @Path("/{username}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> roles(@PathParam("tenant") String tenant, @PathParam("username") String username,
            @RestForm(CsrfGuard.FIELD) String token, @RestForm("role") List<String> roles, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        csrf.verify(identity, token, headers, uri);
        return staff.setRoles(Actor.from(identity), tenant, username, roles, ClientAddress.of(request)).map(m -> saved(tenant));
    }

    /** After a change, back to the page (a reload does not post again). */
    private static Response saved(String tenant) {
        return Response.seeOther(URI.create("/console/" + tenant + "/staff?saved")).build();
    }

    private Uni<Response> render(String tenant, UriInfo uri, HttpHeaders headers, String notice) {
        Actor actor = Actor.from(identity);
        var locale = Page.locale(uri, headers);
        Messages m = Languages.messages(locale);
        List<String> grantable = StaffService.grantable(actor);
        return staff.list(actor, tenant).chain(members -> tenants.tree().map(tree -> {
            List<Row> rows = members.stream().map(s -> new Row(s.username(), name(s), s.enabled(),
                    grantable.stream().map(r -> new RoleChoice(r, label(r, m), s.roles().contains(r))).toList())).toList();
            List<RoleChoice> choices = grantable.stream().map(r -> new RoleChoice(r, label(r, m), false)).toList();
            return Response.ok(staffPage.instance()
                    .data("page", Page.staff(locale, actor.displayName()))
                    .data("tenant", tree.find(tenant).orElseThrow())
                    .data("rows", rows)
                    .data("choices", choices)
                    .data("csrf", csrf.token(identity))
                    .data("notice", notice)
                    .setLocale(locale)).header("Cache-Control", "no-store").build();
        }));
    }

    private static String name(StaffDirectory.Member s) {
        String family = s.lastName() == null ? "" : s.lastName().strip();
        String given = s.firstName() == null ? "" : s.firstName().strip();
        return (family + " " + given).strip();
    }

    static String label(String role, Messages m) {
        return switch (role) {
            case "receiver" -> m.role_receiver();
            case "processor" -> m.role_processor();
            case "approver" -> m.role_approver();
            case "tenant-admin" -> m.role_tenant_admin();
            case "city-admin" -> m.role_city_admin();
            case "auditor" -> m.role_auditor();
            case "postal-clerk" -> m.role_postal_clerk();
            default -> role;
        };
    }
}
