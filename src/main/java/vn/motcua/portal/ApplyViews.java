package vn.motcua.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.usecase.DraftPapers;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.dossier.usecase.ReadCitizenCard;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.PageContext;
import vn.motcua.tenant.TenantDirectory;

/**
 * The question pages and "check your answers" of a draft, rendered from the draft's answers and the procedure's form:
 * what {@link ApplyPages} shows after each of its routes. Rendering only: the answers were saved and checked before.
 */
@ApplicationScoped
class ApplyViews {

    private final Drafts drafts;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final PortalConfig config;
    private final DraftPapers papers;

    ApplyViews(Drafts drafts, DraftPapers papers, CatalogService catalog, TenantDirectory tenants, PageContext page, PortalConfig config) {
        this.papers = papers;
        this.drafts = drafts;
        this.catalog = catalog;
        this.tenants = tenants;
        this.page = page;
        this.config = config;
    }

    Uni<Response> render(Drafts.DraftView d, String step, Map<String, String> errors, String confirmError, boolean change,
            Response.Status status) {
        Locale locale = page.locale();
        Procedure.Version v = version(d.procedureCode());
        List<String> steps = ApplyForm.steps(v);
        if (!steps.contains(step)) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        int at = steps.indexOf(step);
        String back = change ? "/apply/" + d.id() + "/" + ApplyForm.CHECK
                : at == 0 ? "/procedures/" + d.procedureCode() : "/apply/" + d.id() + "/" + steps.get(at - 1);
        JsonObject data = d.data();
        JsonArray prefilled = prefilled(data);
        return tenants.tree().map(tree -> {
            String title;
            List<ApplyForm.Question> questions = new ArrayList<>();
            List<ProcedureGuide.OfficeGroup> wards = List.of();
            List<ProcedureGuide.OfficeGroup> desks = List.of();
            boolean person = false;
            switch (step) {
                case ApplyForm.OFFICE -> {
                    title = ApplyForm.text(locale, "ward_label");
                    wards = ProcedureGuide.wards(tree, data.getString("ward"), locale);
                    questions.add(new ApplyForm.Question("ward", title, "ward", data.getString("ward", ""), errors.get("ward"), false, List.of(),
                            ApplyForm.text(locale, "ward_hint"), false));
                    if (v.receivedAnywhere()) {
                        String receiving = data.containsKey("competentTenant") ? data.getString("tenant") : "";
                        desks = ProcedureGuide.desks(tree, receiving, locale);
                        questions.add(new ApplyForm.Question("receiving", ApplyForm.text(locale, "receiving_label"), "desk", receiving,
                                errors.get("receiving"), true, List.of(), ApplyForm.text(locale, "receiving_hint"), false));
                    }
                }
                case ApplyForm.WHO -> {
                    title = ApplyForm.text(locale, "who_title");
                    String rel = data.getString("relationship", "self");
                    questions.add(new ApplyForm.Question("relationship", ApplyForm.text(locale, "relationship_label"), "select", rel,
                            errors.get("relationship"), false, ApplyForm.RELATIONSHIPS.stream().map(r -> new ApplyForm.Choice(r,
                                    ApplyForm.text(locale, "relationship_" + r.replace('-', '_')), r.equals(rel))).toList(), null, false));
                    JsonObject a = data.getJsonObject("applicant", new JsonObject());
                    questions.add(applicant("fullName", "text", a, errors, prefilled, locale, false, null));
                    questions.add(applicant("citizenId", "citizen-id", a, errors, prefilled, locale, true, ApplyForm.text(locale, "hint_citizen_id")));
                    questions.add(applicant("phone", "tel", a, errors, prefilled, locale, false, ApplyForm.text(locale, "hint_phone")));
                }
                case ApplyForm.DELIVERY -> {
                    title = ApplyForm.text(locale, "delivery_title");
                    String chosen = data.getString("returnChannel", "counter");
                    List<ApplyForm.Choice> choices = new ArrayList<>();
                    choices.add(new ApplyForm.Choice("counter", ApplyForm.text(locale, "return_counter"), "counter".equals(chosen)));
                    choices.add(new ApplyForm.Choice("post", vn.motcua.platform.i18n.MessageKeys.text(PortalMessages.class, locale, "return_post",
                            List.of(ProcedureGuide.money(config.postReturnFee(), locale))), "post".equals(chosen)));
                    if (v.channels().contains(Procedure.Channel.ONLINE_FULL)) {
                        choices.add(new ApplyForm.Choice("online", ApplyForm.text(locale, "return_online"), "online".equals(chosen)));
                    }
                    questions.add(new ApplyForm.Question("returnChannel", title, "radio", chosen, errors.get("returnChannel"), false, choices, null,
                            false));
                    questions.add(new ApplyForm.Question("deliveryAddress", ApplyForm.text(locale, "delivery_address"), "text",
                            data.getString("deliveryAddress", ""), errors.get("deliveryAddress"), true, List.of(),
                            ApplyForm.text(locale, "delivery_address_hint"), false));
                }
                default -> {
                    Procedure.FormField f = ApplyForm.field(v, step).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
                    title = f.label().in(locale);
                    person = "person".equals(f.type());
                    questions.addAll(ApplyForm.questions(f, data.getJsonObject("form", new JsonObject()), prefilled, errors, locale));
                }
            }
            boolean showConfirm = !ApplyForm.prefilledOn(step, prefilled).isEmpty();
            boolean qr = ApplyForm.WHO.equals(step) || person;
            ApplyPages.Step s = new ApplyPages.Step(d.id().toString(), step, title, v.name().in(locale), questions, back, at + 1, steps.size(), showConfirm, confirmError,
                    wards, desks, change, person, qr, errors.get(ReadCitizenCard.FIELD));
            return Response.status(status).entity(ApplyPages.Templates.step(s)).header("Cache-Control", "no-store").build();
        });
    }

    private static ApplyForm.Question applicant(String name, String type, JsonObject a, Map<String, String> errors, JsonArray prefilled,
            Locale locale, boolean optional, String hint) {
        String path = "applicant." + name;
        return new ApplyForm.Question(path, ApplyForm.text(locale, "applicant_" + name), type, a.getString(name, ""), errors.get(path),
                optional, List.of(), hint, prefilled.contains(path));
    }

    Uni<Response> check(Actor actor, Drafts.DraftView d, Response.Status status) {
        Locale locale = page.locale();
        Procedure.Version v = version(d.procedureCode());
        JsonObject data = d.data();
        Uni<List<DraftPapers.StagedPaper>> staged = v.documents().isEmpty() ? Uni.createFrom().item(List.of()) : papers.staged(actor, d.id());
        return Uni.combine().all().unis(drafts.problems(actor, d, List.of(), locale), staged, tenants.tree()).asTuple().map(all -> {
            List<FieldError> problems = all.getItem1();
            vn.motcua.tenant.TenantTree tree = all.getItem3();
            String base = "/apply/" + d.id() + "/";
            List<ApplyPages.Answer> answers = new ArrayList<>();
            String competent = data.getString("competentTenant", data.getString("tenant", ""));
            String office = tree.find(competent).map(t -> t.name().in(locale)).orElse("");
            answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "check_office"), office, base + ApplyForm.OFFICE + "?change=1", null));
            if (data.containsKey("competentTenant")) {
                answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "receiving_label"), tree.find(data.getString("tenant", "")).map(t -> t.name().in(locale))
                        .orElse(""), base + ApplyForm.OFFICE + "?change=1", null));
            }
            String rel = data.getString("relationship", "self");
            JsonObject a = data.getJsonObject("applicant", new JsonObject());
            answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "relationship_label"),
                    ApplyForm.RELATIONSHIPS.contains(rel) ? ApplyForm.text(locale, "relationship_" + rel.replace('-', '_')) : rel,
                    base + ApplyForm.WHO + "?change=1", null));
            answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "applicant_fullName"), a.getString("fullName", ""), base + ApplyForm.WHO + "?change=1", null));
            answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "applicant_citizenId"), a.getString("citizenId", ""), base + ApplyForm.WHO + "?change=1", null));
            answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "applicant_phone"), a.getString("phone", ""), base + ApplyForm.WHO + "?change=1", null));
            JsonObject form = data.getJsonObject("form", new JsonObject());
            for (Procedure.FormField f : v.form()) {
                String link = base + ApplyForm.FIELD + f.name() + "?change=1";
                if ("person".equals(f.type())) {
                    JsonObject g = form.getValue(f.name()) instanceof JsonObject o ? o : new JsonObject();
                    for (Procedure.FormField sub : f.fields()) {
                        answers.add(new ApplyPages.Answer(f.label().in(locale) + ": " + sub.label().in(locale), shown(sub, g.getValue(sub.name()), locale), link, null));
                    }
                } else {
                    answers.add(new ApplyPages.Answer(f.label().in(locale), shown(f, form.getValue(f.name()), locale), link, null));
                }
            }
            String ret = data.getString("returnChannel", "counter");
            answers.add(new ApplyPages.Answer(ApplyForm.text(locale, "delivery_title"), ApplyForm.text(locale, "return_" + ret.replaceAll("[^a-z]", ""))
                    + ("post".equals(ret) ? " — " + data.getString("deliveryAddress", "") : ""), base + ApplyForm.DELIVERY + "?change=1", null));
            // The papers: the file staged for each, or that none is (the submission refuses a required one missing
            // when the procedure is submitted wholly online).
            for (int i = 0; i < v.documents().size(); i++) {
                int n = i + 1;
                String file = all.getItem2().stream().filter(f -> f.document() == n).map(DraftPapers.StagedPaper::fileName).findFirst()
                        .orElse(ApplyForm.text(locale, v.documents().get(i).optional() ? "paper_none_optional" : "paper_none"));
                answers.add(new ApplyPages.Answer(n + ". " + v.documents().get(i).name().in(locale), file, base + ApplyForm.PAPERS + "?change=1", null));
            }
            java.util.Set<String> anchored = new java.util.HashSet<>();
            answers.replaceAll(x -> {
                String st = x.change().substring(base.length(), x.change().indexOf('?'));
                return new ApplyPages.Answer(x.question(), x.answer(), x.change(), anchored.add(st) ? st : null);
            });
            if (!problems.isEmpty()) {
                // The summary links each error to its line here ({@code #<step>}); the line's change link goes to the page.
                List<FieldError> linked = problems.stream().map(e -> new FieldError(stepOf(e.field()), e.message(), e.issue(), e.args())).toList();
                page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, linked, linked.size()));
            }
            long fee = v.fees().stream().filter(f -> f.channel() == (v.channels().contains(Procedure.Channel.ONLINE_FULL)
                    ? Procedure.Channel.ONLINE_FULL : Procedure.Channel.ONLINE_PARTIAL)).mapToLong(Procedure.Fee::amount).findFirst().orElse(0);
            return Response.status(problems.isEmpty() ? status : Response.Status.BAD_REQUEST)
                    .entity(ApplyPages.Templates.check(new ApplyPages.Check(d.id().toString(), v.name().in(locale), answers, ProcedureGuide.money(fee, locale))))
                    .header("Cache-Control", "no-store").build();
        });
    }

    /** On the check page, an error links to the page that asks for it (the summary's anchors are those pages). */
    static String stepOf(String field) {
        if (field.equals("tenant") || field.equals("ward") || field.equals("competentTenant") || field.equals("receiving")) {
            return ApplyForm.OFFICE;
        }
        if (field.startsWith("applicant") || field.equals("relationship")) {
            return ApplyForm.WHO;
        }
        if (field.startsWith(vn.motcua.dossier.usecase.Drafts.PAPERS + ".")) {
            return ApplyForm.PAPERS;
        }
        if (field.startsWith("form.")) {
            String rest = field.substring(5);
            int dot = rest.indexOf('.');
            return ApplyForm.FIELD + (dot < 0 ? rest : rest.substring(0, dot));
        }
        return ApplyForm.DELIVERY;
    }

    private static String shown(Procedure.FormField f, Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        if (f.options() != null) {
            for (Procedure.Option o : f.options()) {
                if (o.value().equals(s)) {
                    return o.label().in(locale);
                }
            }
        }
        if ("date".equals(f.type()) && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return s.substring(8) + "/" + s.substring(5, 7) + "/" + s.substring(0, 4);
        }
        return s;
    }


    Procedure.Version version(String code) {
        return catalog.versionAt(code, java.time.LocalDate.now(VietnameseLunarCalendar.VIETNAM));
    }

    static JsonArray prefilled(JsonObject data) {
        return data.getJsonArray("prefilled", new JsonArray());
    }
}
