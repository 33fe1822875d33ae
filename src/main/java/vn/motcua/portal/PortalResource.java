package vn.motcua.portal;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.audit.AuditService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.i18n.Messages;
import vn.motcua.platform.web.Page;
import vn.motcua.tenant.TenantDirectory;

/** The city-wide public portal (cổng dịch vụ công) for citizens; sign-in goes through the citizens realm. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    private final Template home;
    private final Template me;
    private final Template problem;
    private final TenantDirectory tenants;
    private final CurrentIdentityAssociation identities;
    private final SecurityIdentity identity;
    private final AuditService audit;

    PortalResource(@Location("portal/home.html") Template home, @Location("portal/me.html") Template me,
            @Location("portal/problem.html") Template problem, TenantDirectory tenants, CurrentIdentityAssociation identities,
            SecurityIdentity identity, AuditService audit) {
        this.audit = audit;
        this.home = home;
        this.me = me;
        this.problem = problem;
        this.tenants = tenants;
        this.identities = identities;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> home(@Context UriInfo uri, @Context HttpHeaders headers) {
        var locale = Page.locale(uri, headers);
        return identities.getDeferredIdentity().chain(identity -> tenants.tree().map(tree -> home.instance()
                .data("page", page(identity, locale))
                .data("tree", tree)
                .data("root", tree.root())
                .data("children", tree.children(tree.root().code()))
                .setLocale(locale)));
    }

    /** "Đăng nhập": requires a citizen session, so an anonymous visitor is sent to the citizens realm's login. */
    @GET
    @Path("signin")
    @Authenticated
    @Operation(hidden = true)
    public Response signIn() {
        return Response.seeOther(URI.create("/me")).build();
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(hidden = true)
    public Uni<TemplateInstance> me(@Context UriInfo uri, @Context HttpHeaders headers) {
        var locale = Page.locale(uri, headers);
        Actor actor = Actor.from(identity);
        var m = Languages.messages(locale);
        Uni<List<AccessRow>> reads = actor.isStaff() ? Uni.createFrom().item(List.of())
                : Uni.combine().all().unis(audit.aboutSubject(actor.realm().id() + ":" + actor.subject(), 100), tenants.tree()).asTuple()
                        .map(t -> t.getItem1().stream().map(e -> new AccessRow(
                                WHEN.format(e.occurredAt.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM)), e.actorName,
                                t.getItem2().find(e.tenantId).map(x -> x.name().in(locale)).orElse(e.tenantId),
                                e.target, purposeText(e.purpose, m))).toList());
        return reads.map(list -> me.instance().data("page", Page.citizen(locale, actor.displayName())).data("actor", actor)
                .data("reads", list).data("maskedCitizenId", masked(actor)).setLocale(locale));
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

    private static String purposeText(String purpose, Messages m) {
        return switch (purpose == null ? "" : purpose) {
            case "processing" -> m.purpose_processing();
            case "supervision" -> m.purpose_supervision();
            case "audit" -> m.purpose_audit();
            case "postal" -> m.purpose_postal();
            case "reuse" -> m.purpose_reuse();
            default -> purpose == null ? "" : purpose;
        };
    }

    /** Each problem {@code type} URI resolves to a page that explains it. */
    @GET
    @Path("problems/{slug}")
    @Operation(hidden = true)
    public TemplateInstance problem(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        ProblemType type = ProblemType.bySlug(slug);
        if (type == null) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        var locale = Page.locale(uri, headers);
        var m = Languages.messages(locale);
        return problem.instance().data("page", Page.anonymous(locale)).data("type", type)
                .data("title", ProblemTexts.title(type, m)).setLocale(locale);
    }

    private static Page page(SecurityIdentity identity, Locale locale) {
        if (identity == null || identity.isAnonymous()) {
            return Page.anonymous(locale);
        }
        Actor actor = Actor.from(identity);
        return actor.isStaff() ? Page.staff(locale, actor.displayName()) : Page.citizen(locale, actor.displayName());
    }
}
