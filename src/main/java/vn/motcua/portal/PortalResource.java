package vn.motcua.portal;

import vn.motcua.intake.ProcedureGuide;
import vn.motcua.intake.PortalMessages;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
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
import vn.motcua.audit.MyDataAccess;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.MessageKeys;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.PageFilters;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.platform.web.WebConfig;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/** The city-wide public portal (cổng dịch vụ công) for citizens; sign-in goes through the citizens realm. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    /** The portal's pages, checked at build time against the templates in {@code templates/portal/}. */
    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance home(ProcedureGuide.WaysIn ways);

        static native TemplateInstance offices(TenantTree tree, Tenant root, List<Tenant> children);

        static native TemplateInstance me(Actor actor, List<AccessRow> reads, String maskedCitizenId);

        static native TemplateInstance problem(ProblemType type, String title);

        static native TemplateInstance kiosk(boolean on, int minutes);
    }

    private final TenantDirectory tenants;
    private final SecurityIdentity identity;
    private final MyDataAccess access;
    private final PageContext page;
    private final WebConfig web;
    private final ProcedureGuide guide;

    PortalResource(TenantDirectory tenants, SecurityIdentity identity, MyDataAccess access, PageContext page, WebConfig web,
            ProcedureGuide guide) {
        this.guide = guide;
        this.web = web;
        this.access = access;
        this.tenants = tenants;
        this.identity = identity;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public TemplateInstance home() {
        return Templates.home(guide.waysIn(page.locale()));
    }

    /** The offices that receive dossiers, district by district, with their addresses. */
    @GET
    @Path("offices")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Uni<TemplateInstance> offices() {
        return tenants.tree().map(tree -> Templates.offices(tree, tree.root(), tree.children(tree.root().code())));
    }

    /** "Đăng nhập": requires a citizen session, so an anonymous visitor is sent to the citizens realm's login. */
    @GET
    @Path("signin")
    @Authenticated
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.SIGNED_IN)
    public Response signIn() {
        return Redirects.seeOther("/me");
    }

    /**
     * "Đăng xuất": the citizens realm's sign-out path. Quarkus OIDC ends the session (and Keycloak's) when it meets
     * this path on a signed-in request; the route exists so that the request is matched and its identity asked for
     * (by the page kit), which a path without a route never is. Anyone not signed in is sent home.
     */
    @GET
    @Path("logout")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Response signOut() {
        return Redirects.seeOther("/");
    }

    /** "Máy dùng chung": whether this browser signs its people out when idle, and the switch. */
    @GET
    @Path("kiosk")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public TemplateInstance kiosk(@CookieParam(PageFilters.KIOSK_COOKIE) String kiosk) {
        return Templates.kiosk("1".equals(kiosk), web.kioskIdleMinutes());
    }

    /**
     * Puts this browser in kiosk mode or takes it out, for a year: a cookie of the browser, so a desk's PC keeps it
     * whoever signs in. Anyone may: it only ever signs people out sooner.
     */
    @POST
    @Path("kiosk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public Response setKiosk(@RestForm String on) {
        boolean turnOn = "1".equals(on);
        return Response.fromResponse(Redirects.seeOther("/kiosk")).cookie(new NewCookie.Builder(PageFilters.KIOSK_COOKIE)
                .value(turnOn ? "1" : "0").path("/").maxAge(turnOn ? 365 * 24 * 3600 : 0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.SIGNED_IN)
    public Uni<TemplateInstance> me() {
        Actor actor = Actor.from(identity);
        var locale = page.locale();
        // An officer signed in on the portal has no citizen's access log: their page shows only who they are.
        Uni<List<AccessRow>> reads = actor.isStaff() ? Uni.createFrom().item(List.of())
                : access.of(actor, 100).map(list -> list.stream().map(e -> new AccessRow(
                        WHEN.format(e.at().atZoneSameInstant(VietnameseLunarCalendar.VIETNAM)), e.officer(),
                        e.office() == null ? e.officeCode() : e.office().in(locale), e.target(), purposeText(e.purpose(), locale))).toList());
        return reads.map(list -> Templates.me(actor, list, masked(actor)));
    }

    /** The verified citizen ID with its middle hidden ("001•••••6789"): enough to recognize, not to copy. */
    private static String masked(Actor actor) {
        String id = actor.assurance() == Actor.Assurance.HIGH ? actor.citizenId() : null;
        return id == null || id.length() != 12 ? null : id.substring(0, 3) + "•••••" + id.substring(8);
    }

    /** One line of "who has read my data", ready to print. */
    @TemplateData
    public record AccessRow(String when, String officer, String office, String dossier, String purpose) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The key of an audit purpose's words in the portal's bundle: {@code purpose_<code>}. */
    static String purposeKey(String purpose) {
        return "purpose_" + purpose;
    }

    /** Why an officer read the data, in plain words; a purpose the bundle does not explain shows its code. */
    private static String purposeText(String purpose, Locale locale) {
        if (purpose == null) {
            return "";
        }
        String key = purposeKey(purpose);
        return MessageKeys.has(PortalMessages.class, key) ? MessageKeys.text(PortalMessages.class, locale, key) : purpose;
    }

    /** Each problem {@code type} URI resolves to a page that explains it. */
    @GET
    @Path("problems/{slug}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = RoutePermission.PUBLIC)
    public TemplateInstance problem(@PathParam("slug") String slug) {
        ProblemType type = ProblemType.bySlug(slug);
        if (type == null) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        return Templates.problem(type, ProblemTexts.title(type, page.locale()));
    }
}
