package vn.motcua.console;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The console's staff page (cán bộ của đơn vị): the tenant administrator's forms over {@link StaffService}. The
 * access rules are the service's (the role matrix); the anti-forgery check is the page kit's, for every post. A
 * refused creation shows the page again with what was typed and each error beside its field.
 */
@Path("/console/{tenant}/staff")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleStaffResource {

    /** A role as the page shows it: its code, its label, and whether the row's member (or the typed form) holds it. */
    @TemplateData
    public record RoleChoice(String code, String label, boolean held) {
    }

    /** One staff member's row. */
    @TemplateData
    public record Row(String username, String name, boolean enabled, List<RoleChoice> roles) {
    }

    /** What was typed in the creation form, shown again when it is refused. */
    @TemplateData
    public record Typed(String username, String lastName, String firstName, String email, List<String> roles) {
        static final Typed EMPTY = new Typed("", "", "", "", List.of());
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance staff(Tenant tenant, List<Row> rows, List<RoleChoice> choices, String notice, Typed typed);
    }

    private final StaffService staff;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleStaffResource(StaffService staff, TenantDirectory tenants, PageContext page, SecurityIdentity identity) {
        this.staff = staff;
        this.tenants = tenants;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "staff.manage")
    public Uni<Response> page(@PathParam("tenant") String tenant, @QueryParam("saved") String saved) {
        return render(tenant, saved != null ? page.messages(ConsoleMessages.class).staff_saved() : null, Typed.EMPTY, Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "staff.manage")
    public Uni<Response> create(@PathParam("tenant") String tenant, @RestForm String username, @RestForm String lastName,
            @RestForm String firstName, @RestForm String email, @RestForm("role") List<String> roles, HttpServerRequest request) {
        ConsoleMessages m = page.messages(ConsoleMessages.class);
        Typed typed = new Typed(username, lastName, firstName, email, roles == null ? List.of() : roles);
        return staff.create(Actor.from(identity), tenant, new StaffService.NewStaff(username, firstName, lastName, email, roles),
                ClientAddress.of(request))
                .chain(created -> render(tenant, m.staff_created(created.member().username()) + " "
                        + m.staff_temporary_password(created.temporaryPassword()), Typed.EMPTY, Response.Status.OK))
                .onFailure(ConsoleStaffResource::refusedForm).recoverWithUni(e -> {
                    // Shown again, everything typed kept, each error beside its field.
                    ProblemException problem = (ProblemException) e;
                    page.refused(problem, "username", java.util.Map.of("username", m.staff_username(), "lastName", m.staff_last_name(),
                            "firstName", m.staff_first_name(), "email", m.staff_email(), "roles", m.staff_roles()));
                    return render(tenant, null, typed, Response.Status.fromStatusCode(problem.type().status()));
                });
    }

    /** A refusal of what was typed (not of who typed it): the form is shown again rather than an error page. */
    private static boolean refusedForm(Throwable e) {
        return e instanceof ProblemException p && (p.type() == ProblemType.VALIDATION_FAILED || p.type() == ProblemType.STAFF_EXISTS);
    }

    @POST
    @Path("/{username}/{change: disable|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "staff.manage")
    public Uni<Response> enableOrDisable(@PathParam("tenant") String tenant, @PathParam("username") String username,
            @PathParam("change") String change, HttpServerRequest request) {
        return staff.setEnabled(Actor.from(identity), tenant, username, change.equals("enable"), ClientAddress.of(request))
                .map(m -> saved(tenant));
    }

    @POST
    @Path("/{username}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "staff.manage")
    public Uni<Response> roles(@PathParam("tenant") String tenant, @PathParam("username") String username,
            @RestForm("role") List<String> roles, HttpServerRequest request) {
        return staff.setRoles(Actor.from(identity), tenant, username, roles, ClientAddress.of(request)).map(m -> saved(tenant));
    }

    /** After a change, back to the page (a reload does not post again). */
    private static Response saved(String tenant) {
        return Redirects.seeOther("/console/" + tenant + "/staff?saved");
    }

    private Uni<Response> render(String tenant, String notice, Typed typed, Response.Status status) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        List<String> grantable = StaffService.grantable(actor);
        return staff.list(actor, tenant).chain(members -> tenants.tree().map(tree -> {
            List<Row> rows = members.stream().map(s -> new Row(s.username(), name(s), s.enabled(),
                    grantable.stream().map(r -> new RoleChoice(r, label(r, locale), s.roles().contains(r))).toList())).toList();
            List<RoleChoice> choices = grantable.stream().map(r -> new RoleChoice(r, label(r, locale), typed.roles().contains(r))).toList();
            return Response.status(status).entity(Templates.staff(tree.find(tenant).orElseThrow(), rows, choices, notice, typed))
                    .header("Cache-Control", "no-store").build();
        }));
    }

    private static String name(StaffDirectory.Member s) {
        String family = s.lastName() == null ? "" : s.lastName().strip();
        String given = s.firstName() == null ? "" : s.firstName().strip();
        return (family + " " + given).strip();
    }

    /** The key of a staff role's name in the console's bundle: {@code role_<code>}, hyphens as underscores. */
    static String roleKey(String role) {
        return "role_" + role.replace('-', '_');
    }

    /** A role's name in {@code locale}; a role the bundle does not name shows its code. */
    static String label(String role, Locale locale) {
        String key = roleKey(role);
        return MessageKeys.has(ConsoleMessages.class, key) ? MessageKeys.text(ConsoleMessages.class, locale, key) : role;
    }
}
