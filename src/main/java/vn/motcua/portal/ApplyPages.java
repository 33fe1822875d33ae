package vn.motcua.portal;

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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.usecase.Drafts;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.PostedForm;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.catalog.CatalogService;
import vn.motcua.intake.IntakeFlow;
import vn.motcua.intake.IntakeForm;
import vn.motcua.intake.IntakeSite;
import vn.motcua.intake.ProcedureGuide;

/**
 * Applying online (nộp hồ sơ trực tuyến): a draft answered one page at a time, each page saved as it is posted, then
 * checked and submitted. Only signed-in citizens apply online (as on the national portal), which also lets a draft
 * be finished on another device. Every page works without JavaScript.
 */
@Path("/apply")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ApplyPages {

    static final String SUBMIT_ONLINE = "dossier.submit-online";

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance apply(Start s);
    }

    /** The page before a draft: what you will need, and your drafts of the procedure to go on with. */
    @TemplateData
    public record Start(String code, String name, String ward, List<ProcedureGuide.Document> documents, List<DraftLink> drafts) {
    }

    @TemplateData
    public record DraftLink(String id, String updated) {
    }

    private static final IntakeSite SITE = IntakeSite.online();

    private final Drafts drafts;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;
    private final IntakeFlow flow;
    private final CatalogService catalog;

    ApplyPages(IntakeFlow flow, CatalogService catalog, Drafts drafts, TenantDirectory tenants, PageContext page, SecurityIdentity identity) {
        this.flow = flow;
        this.catalog = catalog;
        this.drafts = drafts;
        this.tenants = tenants;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Path("new/{code}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<TemplateInstance> start(@PathParam("code") String code, @QueryParam("ward") String ward) {
        Locale locale = page.locale();
        Procedure.Version v = version(code);
        return drafts.open(Actor.from(identity)).map(mine -> Templates.apply(new Start(code, v.name().in(locale), ward,
                v.documents().stream().map(d -> new ProcedureGuide.Document(d.name().in(locale), d.kind(), d.count(), d.optional())).toList(),
                mine.stream().filter(d -> d.procedureCode().equals(code))
                        .map(d -> new DraftLink(d.id().toString(), WHEN.format(d.updatedAt().atZoneSameInstant(VietnameseLunarCalendar.VIETNAM))))
                        .toList())));
    }

    /** A new draft: the office from where the person lives (when known), and their own details when VNeID vouches for them. */
    @POST
    @Path("new/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> begin(@PathParam("code") String code, @RestForm String ward) {
        Actor actor = Actor.from(identity);
        Procedure.Version v = version(code);
        return tenants.tree().chain(tree -> {
            JsonObject first = new JsonObject().put("relationship", "self");
            JsonArray prefilled = new JsonArray();
            if (ward != null && tree.find(ward).filter(t -> tree.children(t.code()).isEmpty()).isPresent()) {
                first.put("ward", ward);
                ProcedureGuide.competentFor(tree, v, ward).ifPresent(t -> first.put("tenant", t.code()));
            }
            JsonObject applicant = new JsonObject();
            if (actor.assurance() == Actor.Assurance.HIGH) {
                applicant.put("fullName", actor.displayName());
                prefilled.add("applicant.fullName");
                if (actor.citizenId() != null) {
                    applicant.put("citizenId", actor.citizenId());
                    prefilled.add("applicant.citizenId");
                }
            }
            first.put("applicant", applicant).put("prefilled", prefilled);
            // For themself (the default): the form's own person, from what the identity knows (birth date included).
            IntakeForm.prefillSelf(first, v, actor);
            return drafts.start(actor, code, first)
                    .map(d -> Redirects.seeOther(SITE.page(d.id(), first.containsKey("tenant") ? IntakeForm.WHO : IntakeForm.OFFICE)));
        });
    }

    @GET
    @Path("{draft}/{step}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> show(@PathParam("draft") String draft, @PathParam("step") String step, @QueryParam("change") String change) {
        return flow.show(SITE, Actor.from(identity), draft, step, change != null);
    }

    /** A page's answers: saved whatever they are, then checked; the next page, or this one again with its errors. */
    @POST
    @Path("{draft}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> answer(@PathParam("draft") String draft, @PathParam("step") String step) {
        return flow.answer(SITE, Actor.from(identity), draft, step, PostedForm.current());
    }

    /** A photo of the citizen ID card, its QR code filling the page (what was typed is saved first). */
    @POST
    @Path("{draft}/{step}/qr")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> qr(@PathParam("draft") String draft, @PathParam("step") String step, @RestForm("image") FileUpload image) {
        return flow.qr(SITE, Actor.from(identity), draft, step, PostedForm.current(), image);
    }

    /** The papers page posted: files staged, or one removed. */
    @POST
    @Path("{draft}/papers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> papers(@PathParam("draft") String draft, @RestForm(FileUpload.ALL) List<FileUpload> uploads) {
        return flow.papers(SITE, Actor.from(identity), draft, PostedForm.current(), uploads);
    }

    /** A staged file, for its owner to look at before submitting. */
    @GET
    @Path("{draft}/papers/{id}")
    @Produces({ "application/pdf", "image/jpeg", "image/png", MediaType.TEXT_HTML })
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> file(@PathParam("draft") String draft, @PathParam("id") String file) {
        return flow.file(SITE, Actor.from(identity), draft, file);
    }

    /** Submits the draft; a second tap finds the same dossier (the draft's id is the idempotency key). */
    @POST
    @Path("{draft}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> submit(@PathParam("draft") String draft, HttpServerRequest request) {
        return flow.submit(SITE, Actor.from(identity), draft, ClientAddress.of(request));
    }

    /** Forgets a draft not yet submitted, with the papers staged in it (their files too); back to "my dossiers". */
    @POST
    @Path("{draft}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> discard(@PathParam("draft") String draft) {
        return flow.discard(SITE, Actor.from(identity), draft).replaceWith(Redirects.seeOther("/dossiers"));
    }

    private Procedure.Version version(String code) {
        return catalog.versionAt(code, java.time.LocalDate.now(VietnameseLunarCalendar.VIETNAM));
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
}
