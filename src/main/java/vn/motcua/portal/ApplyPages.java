package vn.motcua.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import vn.motcua.dossier.usecase.ReadCitizenCard;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.PostedForm;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.TenantDirectory;

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

        static native TemplateInstance step(Step s);

        static native TemplateInstance check(Check c);
    }

    /** The page before a draft: what you will need, and your drafts of the procedure to go on with. */
    @TemplateData
    public record Start(String code, String name, String ward, List<ProcedureGuide.Document> documents, List<DraftLink> drafts) {
    }

    @TemplateData
    public record DraftLink(String id, String updated) {
    }

    /** One question page. */
    @TemplateData
    public record Step(String draft, String step, String title, String procedure, List<ApplyForm.Question> questions, String back,
            int number, int total, boolean prefilled, String confirmError, List<ProcedureGuide.OfficeGroup> wards,
            List<ProcedureGuide.OfficeGroup> desks, boolean change,
            boolean person, boolean qr, String qrError) {
        /** A page of one radio question: its legend is the page's heading (GOV.UK's pattern), not a second h1. */
        public boolean singleRadio() {
            return questions.size() == 1 && "radio".equals(questions.get(0).type());
        }
    }

    /** A line of "check your answers": what was asked, what was answered, where to change it. */
    @TemplateData
    public record Answer(String question, String answer, String change, String anchor) {
    }

    @TemplateData
    public record Check(String draft, String procedure, List<Answer> answers, String fee) {
    }

    private final Drafts drafts;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;
    private final ReadCitizenCard cards;
    private final ApplyViews views;

    ApplyPages(ApplyViews views, ReadCitizenCard cards, Drafts drafts, TenantDirectory tenants, PageContext page, SecurityIdentity identity) {
        this.views = views;
        this.cards = cards;
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
            ApplyForm.prefillSelf(first, v, actor);
            return drafts.start(actor, code, first)
                    .map(d -> Redirects.seeOther("/apply/" + d.id() + "/" + (first.containsKey("tenant") ? ApplyForm.WHO : ApplyForm.OFFICE)));
        });
    }

    @GET
    @Path("{draft}/{step}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> show(@PathParam("draft") String draft, @PathParam("step") String step, @QueryParam("change") String change) {
        Actor actor = Actor.from(identity);
        return drafts.load(actor, id(draft)).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther("/dossiers/" + d.receiptCode()));
            }
            if (ApplyForm.CHECK.equals(step)) {
                return views.check(actor, d, Response.Status.OK);
            }
            return views.render(d, step, Map.of(), null, change != null, Response.Status.OK);
        });
    }

    /** A page's answers: saved whatever they are, then checked; the next page, or this one again with its errors. */
    @POST
    @Path("{draft}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> answer(@PathParam("draft") String draft, @PathParam("step") String step) {
        Actor actor = Actor.from(identity);
        Map<String, String> posted = PostedForm.current();
        boolean change = posted.containsKey("change");
        Locale locale = page.locale();
        return drafts.load(actor, id(draft)).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther("/dossiers/" + d.receiptCode()));
            }
            Procedure.Version v = version(d.procedureCode());
            List<String> steps = ApplyForm.steps(v);
            if (!steps.contains(step) || ApplyForm.CHECK.equals(step) || ApplyForm.PAPERS.equals(step)) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            JsonObject data = d.data().copy();
            boolean confirming = !ApplyForm.prefilledOn(step, prefilled(data)).isEmpty();
            boolean confirmed = "1".equals(posted.get("confirm"));
            return apply(data, step, posted, v).chain(() -> {
                if (ApplyForm.WHO.equals(step)) {
                    // Who it is for decides whether the form's own person is the signed-in one.
                    ApplyForm.prefillSelf(data, v, actor);
                }
                if (confirming && confirmed) {
                    JsonArray left = new JsonArray();
                    prefilled(data).forEach(p -> {
                        if (!ApplyForm.prefilledOn(step, new JsonArray().add(p)).contains(String.valueOf(p))) {
                            left.add(p);
                        }
                    });
                    data.put("prefilled", left);
                }
                return drafts.answer(actor, d.id(), data, ApplyForm.paths(step), locale);
            }).chain(answered -> {
                String confirmError = confirming && !confirmed ? ApplyForm.text(locale, "confirm_required") : null;
                if (!answered.errors().isEmpty() || confirmError != null) {
                    Map<String, String> errors = new HashMap<>();
                    List<FieldError> shown = new ArrayList<>();
                    for (FieldError e : answered.errors()) {
                        String field = "tenant".equals(e.field()) || "competentTenant".equals(e.field()) ? "ward" : e.field();
                        errors.putIfAbsent(field, e.message());
                        shown.add(new FieldError(field, e.message(), e.issue(), e.args()));
                    }
                    if (confirmError != null) {
                        shown.add(new FieldError("confirm", confirmError, null, List.of()));
                    }
                    page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, shown, shown.size()), "ward",
                            labels(v, step, locale));
                    return views.render(answered.draft(), step, errors, confirmError, change, Response.Status.BAD_REQUEST);
                }
                int at = steps.indexOf(step);
                String next = change ? ApplyForm.CHECK : steps.get(at + 1);
                return Uni.createFrom().item(Redirects.seeOther("/apply/" + d.id() + "/" + next));
            });
        });
    }

    /**
     * A photo of the citizen ID card: its QR code read on the server, and the page's name, personal number and birth
     * date filled from it, marked for the person to confirm. What was typed on the page is saved first (the photo goes
     * with the page's form), so a photo that cannot be read loses nothing.
     */
    @POST
    @Path("{draft}/{step}/qr")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> qr(@PathParam("draft") String draft, @PathParam("step") String step, @RestForm("image") FileUpload image) {
        Actor actor = Actor.from(identity);
        Map<String, String> posted = PostedForm.current();
        boolean change = posted.containsKey("change");
        Locale locale = page.locale();
        return drafts.load(actor, id(draft)).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther("/dossiers/" + d.receiptCode()));
            }
            Procedure.Version v = version(d.procedureCode());
            java.util.Optional<Procedure.FormField> person = ApplyForm.field(v, step).filter(f -> "person".equals(f.type()));
            if (!ApplyForm.WHO.equals(step) && person.isEmpty()) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            JsonObject data = d.data().copy();
            return apply(data, step, posted, v)
                    .chain(() -> Uni.createFrom().deferred(() -> cards.read(actor, image == null ? null : image.uploadedFile(),
                            image == null ? 0 : image.size())))
                    .chain(card -> {
                        ApplyForm.prefill(data, step, person.orElse(null), card);
                        // Saved without checking: the page is shown again for the person to look at what was read.
                        return drafts.keep(actor, d.id(), data)
                                .map(a -> Redirects.seeOther("/apply/" + d.id() + "/" + step + (change ? "?change=1" : "")));
                    })
                    .onFailure(e -> e instanceof ProblemException p && p.type().status() >= 400 && p.type().status() < 500
                            && p.type() != ProblemType.FORBIDDEN && p.type() != ProblemType.NOT_FOUND)
                    .recoverWithUni(e -> {
                        ProblemException p = (ProblemException) e;
                        String message = p.fieldErrors().isEmpty() ? vn.motcua.platform.error.ProblemTexts.detail(p.type(), locale, p.args())
                                : p.localized(locale).fieldErrors().get(0).message();
                        page.refused(new ProblemException(ProblemType.VALIDATION_FAILED,
                                List.of(new FieldError(ReadCitizenCard.FIELD, ApplyForm.text(locale, "qr_label") + ": " + message, null, List.of())), 1));
                        return drafts.keep(actor, d.id(), data).chain(kept -> views.render(kept, step,
                                Map.of(ReadCitizenCard.FIELD, message), null, change, Response.Status.fromStatusCode(p.type().status())));
                    });
        });
    }

    /** Submits the draft; a second tap finds the same dossier (the draft's id is the idempotency key). */
    @POST
    @Path("{draft}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> submit(@PathParam("draft") String draft, HttpServerRequest request) {
        Actor actor = Actor.from(identity);
        UUID id = id(draft);
        return drafts.submit(actor, id, ClientAddress.of(request))
                .map(code -> Redirects.seeOther("/dossiers/" + code + "?submitted=1"))
                .onFailure(e -> e instanceof ProblemException p && p.type() != ProblemType.FORBIDDEN && p.type() != ProblemType.NOT_FOUND)
                .recoverWithUni(e -> drafts.load(actor, id).chain(d -> views.check(actor, d, Response.Status.BAD_REQUEST)));
    }

    /** Forgets a draft not yet submitted, with the papers staged in it (their files too); back to "my dossiers". */
    @POST
    @Path("{draft}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = SUBMIT_ONLINE)
    public Uni<Response> discard(@PathParam("draft") String draft) {
        return drafts.discard(Actor.from(identity), id(draft)).replaceWith(Redirects.seeOther("/dossiers"));
    }

    // ---- rendering ----

    private Uni<Void> apply(JsonObject data, String step, Map<String, String> posted, Procedure.Version v) {
        switch (step) {
            case ApplyForm.OFFICE -> {
                String ward = posted.getOrDefault("ward", "");
                String receiving = posted.getOrDefault("receiving", "");
                data.put("ward", ward);
                data.remove("tenant");
                data.remove("competentTenant");
                return tenants.tree().invoke(tree -> {
                    if (tree.find(ward).filter(t -> tree.children(t.code()).isEmpty()).isPresent()) {
                        ProcedureGuide.competentFor(tree, v, ward).ifPresent(t -> data.put("tenant", t.code()));
                    }
                    // Decree 118/2025: any desk of the province may receive it; the competent office stays the ward's.
                    if (v.receivedAnywhere() && data.containsKey("tenant") && tree.find(receiving).isPresent()
                            && !receiving.equals(data.getString("tenant"))) {
                        data.put("competentTenant", data.getString("tenant"));
                        data.put("tenant", receiving);
                    }
                }).replaceWithVoid();
            }
            case ApplyForm.WHO -> {
                data.put("relationship", posted.getOrDefault("relationship", "self"));
                data.put("applicant", new JsonObject().put("fullName", posted.get("applicant.fullName"))
                        .put("citizenId", blankToNull(posted.get("applicant.citizenId"))).put("phone", posted.get("applicant.phone")));
            }
            case ApplyForm.DELIVERY -> {
                data.put("returnChannel", posted.getOrDefault("returnChannel", ""));
                data.put("deliveryAddress", blankToNull(posted.get("deliveryAddress")));
            }
            default -> {
                JsonObject form = data.getJsonObject("form", new JsonObject());
                ApplyForm.field(v, step).ifPresent(f -> ApplyForm.read(f, posted, form));
                data.put("form", form);
            }
        }
        return Uni.createFrom().voidItem();
    }

    private Map<String, String> labels(Procedure.Version v, String step, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        labels.put("ward", ApplyForm.text(locale, "ward_label"));
        labels.put("receiving", ApplyForm.text(locale, "receiving_label"));
        labels.put("relationship", ApplyForm.text(locale, "relationship_label"));
        for (String n : List.of("fullName", "citizenId", "phone")) {
            labels.put("applicant." + n, ApplyForm.text(locale, "applicant_" + n));
        }
        labels.put("returnChannel", ApplyForm.text(locale, "delivery_title"));
        labels.put("deliveryAddress", ApplyForm.text(locale, "delivery_address"));
        labels.put("confirm", ApplyForm.text(locale, "confirm_label"));
        ApplyForm.field(v, step).ifPresent(f -> {
            labels.put("form." + f.name(), f.label().in(locale));
            if (f.fields() != null) {
                f.fields().forEach(sub -> labels.put("form." + f.name() + "." + sub.name(), sub.label().in(locale)));
            }
        });
        return labels;
    }

    private Procedure.Version version(String code) {
        return views.version(code);
    }

    private static JsonArray prefilled(JsonObject data) {
        return ApplyViews.prefilled(data);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static UUID id(String draft) {
        try {
            return UUID.fromString(draft);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
}
