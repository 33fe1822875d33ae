package vn.motcua.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.dossier.usecase.AttachmentService;
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
 * The question pages, the papers page and "check your answers" of a draft, rendered from the draft's answers and the
 * procedure's form, at whichever {@link IntakeSite} it is filled: what {@link IntakeFlow} shows after each of its
 * steps. Rendering only: the answers were saved and checked before.
 */
@ApplicationScoped
class IntakeViews {

    @CheckedTemplate(basePath = "intake")
    static class Templates {
        static native TemplateInstance step(Step s);

        static native TemplateInstance check(Check c);

        static native TemplateInstance papers(Papers p);
    }

    /**
     * One question page. {@code base} is the draft's address at its site; {@code card}: a scanner's field for the ID
     * card's QR code (at a desk), with what it typed and its error.
     */
    @TemplateData
    public record Step(String base, String step, String title, String procedure, List<IntakeForm.Question> questions, String back,
            int number, int total, boolean prefilled, String confirmError, List<ProcedureGuide.OfficeGroup> wards,
            List<ProcedureGuide.OfficeGroup> desks, boolean change,
            boolean person, boolean qr, String qrError, boolean card, String cardError, boolean desk) {
        /** A page of one radio question: its legend is the page's heading (GOV.UK's pattern), not a second h1. */
        public boolean singleRadio() {
            return questions.size() == 1 && "radio".equals(questions.get(0).type());
        }
    }

    /** A line of "check your answers": what was asked, what was answered, where to change it. */
    @TemplateData
    public record Answer(String question, String answer, String change, String anchor) {
    }

    /** "Check your answers"; {@code desk}: the officer receives it as they submit it. */
    @TemplateData
    public record Check(String base, String procedure, List<Answer> answers, String fee, boolean desk) {
    }

    /** A paper of the procedure, the file staged for it and, at the desk, the exemption marked for it. */
    @TemplateData
    public record PaperRow(int number, String name, boolean optional, DraftPapers.StagedPaper file, String size, String exemption,
            List<IntakeForm.Choice> exemptions) {
        /** The file field's name, where its error is shown. */
        public String field() {
            return "file-" + number;
        }

        /** The exemption's field. */
        public String exemptionField() {
            return IntakeForm.EXEMPTION + number;
        }
    }

    /** The papers page; {@code desk}: each paper scanned or marked exempt (Circular 03/2025/TT-VPCP). */
    @TemplateData
    public record Papers(String base, String procedure, String back, int number, int total, boolean change, boolean full, boolean desk,
            long maxMegabytes, List<PaperRow> papers) {
    }

    private final Drafts drafts;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final PortalConfig config;
    private final DraftPapers papers;
    private final AttachmentService attachments;

    IntakeViews(Drafts drafts, DraftPapers papers, AttachmentService attachments, CatalogService catalog, TenantDirectory tenants,
            PageContext page, PortalConfig config) {
        this.attachments = attachments;
        this.papers = papers;
        this.drafts = drafts;
        this.catalog = catalog;
        this.tenants = tenants;
        this.page = page;
        this.config = config;
    }

    Uni<Response> render(IntakeSite site, Drafts.DraftView d, String step, Map<String, String> errors, String confirmError, boolean change,
            Response.Status status) {
        Locale locale = page.locale();
        Procedure.Version v = version(d.procedureCode());
        List<String> steps = IntakeForm.steps(v, site.seat());
        if (!steps.contains(step)) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        int at = steps.indexOf(step);
        String back = change ? site.page(d.id(), IntakeForm.CHECK)
                : at == 0 ? site.exit(d.procedureCode()) : site.page(d.id(), steps.get(at - 1));
        JsonObject data = d.data();
        JsonArray prefilled = prefilled(data);
        return tenants.tree().map(tree -> {
            String title;
            List<IntakeForm.Question> questions = new ArrayList<>();
            List<ProcedureGuide.OfficeGroup> wards = List.of();
            List<ProcedureGuide.OfficeGroup> desks = List.of();
            boolean person = false;
            // At a desk the officer answers for the person in front of them: questions about "the applicant", not "you".
            String desk = site.staffed() ? "_desk" : "";
            switch (step) {
                case IntakeForm.OFFICE -> {
                    title = IntakeForm.text(locale, "ward_label" + desk);
                    wards = ProcedureGuide.wards(tree, data.getString("ward"), locale);
                    questions.add(new IntakeForm.Question("ward", title, "ward", data.getString("ward", ""), errors.get("ward"), false, List.of(),
                            IntakeForm.text(locale, "ward_hint" + desk), false));
                    if (v.receivedAnywhere() && !site.staffed()) {
                        String receiving = data.containsKey("competentTenant") ? data.getString("tenant") : "";
                        desks = ProcedureGuide.desks(tree, receiving, locale);
                        questions.add(new IntakeForm.Question("receiving", IntakeForm.text(locale, "receiving_label"), "desk", receiving,
                                errors.get("receiving"), true, List.of(), IntakeForm.text(locale, "receiving_hint"), false));
                    }
                }
                case IntakeForm.WHO -> {
                    title = IntakeForm.text(locale, "who_title");
                    String rel = data.getString("relationship", "self");
                    questions.add(new IntakeForm.Question("relationship", IntakeForm.text(locale, "relationship_label" + desk), "select", rel,
                            errors.get("relationship"), false, IntakeForm.RELATIONSHIPS.stream().map(r -> new IntakeForm.Choice(r,
                                    IntakeForm.text(locale, "relationship_" + r.replace('-', '_')), r.equals(rel))).toList(), null, false));
                    JsonObject a = data.getJsonObject("applicant", new JsonObject());
                    questions.add(applicant("fullName", "text", a, errors, prefilled, locale, false, null));
                    questions.add(applicant("citizenId", "citizen-id", a, errors, prefilled, locale, true, IntakeForm.text(locale, "hint_citizen_id")));
                    questions.add(applicant("phone", "tel", a, errors, prefilled, locale, false, IntakeForm.text(locale, "hint_phone")));
                }
                case IntakeForm.DELIVERY -> {
                    title = IntakeForm.text(locale, "delivery_title" + desk);
                    boolean online = site.seat() == Drafts.Seat.ONLINE && v.channels().contains(Procedure.Channel.ONLINE_FULL);
                    String chosen = data.getString("returnChannel", "counter");
                    List<IntakeForm.Choice> choices = new ArrayList<>();
                    choices.add(new IntakeForm.Choice("counter", IntakeForm.text(locale, "return_counter"), "counter".equals(chosen)));
                    choices.add(new IntakeForm.Choice("post", vn.motcua.platform.i18n.MessageKeys.text(IntakeMessages.class, locale, "return_post",
                            List.of(ProcedureGuide.money(config.postReturnFee(), locale))), "post".equals(chosen)));
                    if (online) {
                        choices.add(new IntakeForm.Choice("online", IntakeForm.text(locale, "return_online"), "online".equals(chosen)));
                    }
                    questions.add(new IntakeForm.Question("returnChannel", title, "radio", chosen, errors.get("returnChannel"), false, choices, null,
                            false));
                    questions.add(new IntakeForm.Question("deliveryAddress", IntakeForm.text(locale, "delivery_address"), "text",
                            data.getString("deliveryAddress", ""), errors.get("deliveryAddress"), true, List.of(),
                            IntakeForm.text(locale, "delivery_address_hint"), false));
                }
                case IntakeForm.NOTICES -> {
                    title = IntakeForm.text(locale, "notices_title");
                    questions.addAll(notices(data, errors, locale));
                }
                default -> {
                    Procedure.FormField f = IntakeForm.field(v, step).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
                    title = f.label().in(locale);
                    person = "person".equals(f.type());
                    questions.addAll(IntakeForm.questions(f, data.getJsonObject("form", new JsonObject()), prefilled, errors, locale));
                }
            }
            boolean showConfirm = !IntakeForm.prefilledOn(step, prefilled).isEmpty();
            boolean qr = IntakeForm.WHO.equals(step) || person;
            Step s = new Step(site.base() + "/" + d.id(), step, title, v.name().in(locale), questions, back, at + 1, steps.size(), showConfirm,
                    confirmError, wards, desks, change, person, qr, errors.get(ReadCitizenCard.FIELD), qr && site.staffed(),
                    errors.get(ReadCitizenCard.TYPED), site.staffed());
            return Response.status(status).entity(Templates.step(s)).header("Cache-Control", "no-store").build();
        });
    }

    /**
     * The notices page's questions: the channels (ticked as chosen, or the default when the page was never answered),
     * the address, the language (the page's, until chosen).
     */
    private static List<IntakeForm.Question> notices(JsonObject data, Map<String, String> errors, Locale locale) {
        JsonObject c = data.getValue(Drafts.CONTACT) instanceof JsonObject o ? o : null;
        List<String> chosen = chosenChannels(c);
        List<IntakeForm.Choice> channels = IntakeForm.NOTICE_CHANNELS.stream()
                .map(ch -> new IntakeForm.Choice(ch, channelText(locale, ch), chosen.contains(ch))).toList();
        String email = c != null && c.getValue("email") instanceof String e ? e : "";
        String language = c != null && c.getValue("language") instanceof String l ? l : locale.getLanguage().equals("en") ? "en" : "vi";
        return List.of(
                new IntakeForm.Question(IntakeForm.CONTACT_CHANNELS, IntakeForm.text(locale, "notices_channels"), "checkboxes", "",
                        errors.get(IntakeForm.CONTACT_CHANNELS), false, channels, IntakeForm.text(locale, "notices_channels_hint"), false),
                new IntakeForm.Question(IntakeForm.CONTACT_EMAIL, IntakeForm.text(locale, "notices_email"), "email", email,
                        errors.get(IntakeForm.CONTACT_EMAIL), true, List.of(), IntakeForm.text(locale, "notices_email_hint"), false),
                new IntakeForm.Question(IntakeForm.CONTACT_LANGUAGE, IntakeForm.text(locale, "notices_language"), "radio", language,
                        errors.get(IntakeForm.CONTACT_LANGUAGE), false, List.of(
                                new IntakeForm.Choice("vi", IntakeForm.text(locale, "language_vi"), "vi".equals(language)),
                                new IntakeForm.Choice("en", IntakeForm.text(locale, "language_en"), "en".equals(language))), null, false));
    }

    /** The channels a draft's contact chose, or the default when the notices page was never answered. */
    private static List<String> chosenChannels(JsonObject contact) {
        List<String> chosen = new ArrayList<>();
        if (contact == null) {
            chosen.addAll(IntakeForm.DEFAULT_CHANNELS);
        } else if (contact.getValue("channels") instanceof JsonArray list) {
            list.forEach(x -> chosen.add(String.valueOf(x)));
        }
        return chosen;
    }

    /** A notice channel's words on the page. */
    static String channelText(Locale locale, String channel) {
        return IntakeForm.text(locale, "notice_channel_" + channel.replace('-', '_'));
    }

    /** The check page's line for the notices: the channels in order, the address with e-mail. */
    private static String noticesAnswer(JsonObject data, Locale locale) {
        JsonObject c = data.getValue(Drafts.CONTACT) instanceof JsonObject o ? o : null;
        List<String> chosen = chosenChannels(c);
        List<String> words = new ArrayList<>();
        for (String ch : IntakeForm.NOTICE_CHANNELS) {
            if (chosen.contains(ch)) {
                words.add(channelText(locale, ch) + ("email".equals(ch) && c != null && c.getValue("email") instanceof String e ? " (" + e + ")" : ""));
            }
        }
        return words.isEmpty() ? channelText(locale, "in-app") : String.join("; ", words);
    }

    private static IntakeForm.Question applicant(String name, String type, JsonObject a, Map<String, String> errors, JsonArray prefilled,
            Locale locale, boolean optional, String hint) {
        String path = "applicant." + name;
        return new IntakeForm.Question(path, IntakeForm.text(locale, "applicant_" + name), type, a.getString(name, ""), errors.get(path),
                optional, List.of(), hint, prefilled.contains(path));
    }

    Uni<Response> check(IntakeSite site, Actor actor, Drafts.DraftView d, Response.Status status) {
        Locale locale = page.locale();
        Procedure.Version v = version(d.procedureCode());
        JsonObject data = d.data();
        Uni<List<DraftPapers.StagedPaper>> staged = v.documents().isEmpty() ? Uni.createFrom().item(List.of()) : papers.staged(actor, d.id());
        return Uni.combine().all().unis(drafts.problems(actor, d, List.of(), locale), staged, tenants.tree()).asTuple().map(all -> {
            List<FieldError> problems = all.getItem1();
            vn.motcua.tenant.TenantTree tree = all.getItem3();
            String base = site.page(d.id(), "");
            List<String> steps = IntakeForm.steps(v, site.seat());
            String officeStep = steps.contains(IntakeForm.OFFICE) ? IntakeForm.OFFICE : IntakeForm.WHO;
            List<Answer> answers = new ArrayList<>();
            String desk = site.staffed() ? "_desk" : "";
            String competent = data.getString("competentTenant", data.getString("tenant", ""));
            String office = tree.find(competent).map(t -> t.name().in(locale)).orElse("");
            answers.add(new Answer(IntakeForm.text(locale, "check_office"), office, base + officeStep + "?change=1", null));
            if (data.containsKey("competentTenant")) {
                answers.add(new Answer(IntakeForm.text(locale, "receiving_label" + desk), tree.find(data.getString("tenant", "")).map(t -> t.name().in(locale))
                        .orElse(""), base + officeStep + "?change=1", null));
            }
            String rel = data.getString("relationship", "self");
            JsonObject a = data.getJsonObject("applicant", new JsonObject());
            answers.add(new Answer(IntakeForm.text(locale, "relationship_label" + desk),
                    IntakeForm.RELATIONSHIPS.contains(rel) ? IntakeForm.text(locale, "relationship_" + rel.replace('-', '_')) : rel,
                    base + IntakeForm.WHO + "?change=1", null));
            answers.add(new Answer(IntakeForm.text(locale, "applicant_fullName"), a.getString("fullName", ""), base + IntakeForm.WHO + "?change=1", null));
            answers.add(new Answer(IntakeForm.text(locale, "applicant_citizenId"), a.getString("citizenId", ""), base + IntakeForm.WHO + "?change=1", null));
            answers.add(new Answer(IntakeForm.text(locale, "applicant_phone"), a.getString("phone", ""), base + IntakeForm.WHO + "?change=1", null));
            JsonObject form = data.getJsonObject("form", new JsonObject());
            for (Procedure.FormField f : v.form()) {
                String link = base + IntakeForm.FIELD + f.name() + "?change=1";
                if ("person".equals(f.type())) {
                    JsonObject g = form.getValue(f.name()) instanceof JsonObject o ? o : new JsonObject();
                    for (Procedure.FormField sub : f.fields()) {
                        answers.add(new Answer(f.label().in(locale) + ": " + sub.label().in(locale), shown(sub, g.getValue(sub.name()), locale), link, null));
                    }
                } else {
                    answers.add(new Answer(f.label().in(locale), shown(f, form.getValue(f.name()), locale), link, null));
                }
            }
            String ret = data.getString("returnChannel", "counter");
            answers.add(new Answer(IntakeForm.text(locale, "delivery_title" + desk), IntakeForm.text(locale, "return_" + ret.replaceAll("[^a-z]", ""))
                    + ("post".equals(ret) ? " — " + data.getString("deliveryAddress", "") : ""), base + IntakeForm.DELIVERY + "?change=1", null));
            if (steps.contains(IntakeForm.NOTICES)) {
                answers.add(new Answer(IntakeForm.text(locale, "check_notices"), noticesAnswer(data, locale), base + IntakeForm.NOTICES + "?change=1",
                        null));
            }
            // The papers: the file staged for each, or at the desk its exemption, or that none is (the submission refuses
            // a required one missing when the procedure is submitted wholly online, or at the desk undigitized).
            Map<Integer, String> exempt = site.seat() == Drafts.Seat.COUNTER ? Drafts.exemptions(data) : Map.of();
            for (int i = 0; i < v.documents().size(); i++) {
                int n = i + 1;
                String file = all.getItem2().stream().filter(f -> f.document() == n).map(DraftPapers.StagedPaper::fileName).findFirst()
                        .orElse(exempt.containsKey(n) ? exemptionText(locale, exempt.get(n))
                                : IntakeForm.text(locale, v.documents().get(i).optional() ? "paper_none_optional" : "paper_none"));
                answers.add(new Answer(n + ". " + v.documents().get(i).name().in(locale), file, base + IntakeForm.PAPERS + "?change=1", null));
            }
            java.util.Set<String> anchored = new java.util.HashSet<>();
            answers.replaceAll(x -> {
                String st = x.change().substring(base.length(), x.change().indexOf('?'));
                return new Answer(x.question(), x.answer(), x.change(), anchored.add(st) ? st : null);
            });
            if (!problems.isEmpty()) {
                // The summary links each error to its line here ({@code #<step>}); the line's change link goes to the page.
                List<FieldError> linked = problems.stream().map(e -> {
                    String st = stepOf(e.field());
                    // At a desk that asks no office, the office's line is on the "who" page's.
                    return new FieldError(steps.contains(st) ? st : officeStep, e.message(), e.issue(), e.args());
                }).toList();
                page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, linked, linked.size()));
            }
            Procedure.Channel channel = switch (site.seat()) {
                case COUNTER -> Procedure.Channel.COUNTER;
                case POSTAL -> Procedure.Channel.POSTAL;
                case ONLINE -> v.channels().contains(Procedure.Channel.ONLINE_FULL) ? Procedure.Channel.ONLINE_FULL : Procedure.Channel.ONLINE_PARTIAL;
            };
            long fee = v.fees().stream().filter(f -> f.channel() == channel).mapToLong(Procedure.Fee::amount).findFirst().orElse(0);
            return Response.status(problems.isEmpty() ? status : Response.Status.BAD_REQUEST)
                    .entity(Templates.check(new Check(site.base() + "/" + d.id(), v.name().in(locale), answers, ProcedureGuide.money(fee, locale),
                            site.seat() == Drafts.Seat.COUNTER)))
                    .header("Cache-Control", "no-store").build();
        });
    }

    /** On the check page, an error links to the page that asks for it (the summary's anchors are those pages). */
    static String stepOf(String field) {
        if (field.equals("tenant") || field.equals("ward") || field.equals("competentTenant") || field.equals("receiving")) {
            return IntakeForm.OFFICE;
        }
        if (field.startsWith("applicant") || field.equals("relationship")) {
            return IntakeForm.WHO;
        }
        if (field.startsWith(Drafts.CONTACT + ".")) {
            return IntakeForm.NOTICES;
        }
        if (field.startsWith(vn.motcua.dossier.usecase.Drafts.PAPERS + ".")) {
            return IntakeForm.PAPERS;
        }
        if (field.startsWith("form.")) {
            String rest = field.substring(5);
            int dot = rest.indexOf('.');
            return IntakeForm.FIELD + (dot < 0 ? rest : rest.substring(0, dot));
        }
        return IntakeForm.DELIVERY;
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


    /** The papers page: a file for each paper, and at the desk the exemption it may be marked with instead. */
    Uni<Response> papers(IntakeSite site, Actor actor, Drafts.DraftView d, boolean change, Response.Status status) {
        Locale locale = page.locale();
        Procedure.Version v = version(d.procedureCode());
        List<String> steps = IntakeForm.steps(v, site.seat());
        int at = steps.indexOf(IntakeForm.PAPERS);
        if (at < 0) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        String back = site.page(d.id(), change ? IntakeForm.CHECK : steps.get(at - 1));
        boolean desk = site.seat() == Drafts.Seat.COUNTER;
        Map<Integer, String> exempt = desk ? Drafts.exemptions(d.data()) : Map.of();
        return papers.staged(actor, d.id()).map(staged -> {
            List<PaperRow> rows = new ArrayList<>();
            for (int i = 0; i < v.documents().size(); i++) {
                int n = i + 1;
                Procedure.RequiredDocument doc = v.documents().get(i);
                DraftPapers.StagedPaper file = staged.stream().filter(f -> f.document() == n).findFirst().orElse(null);
                String chosen = exempt.get(n);
                List<IntakeForm.Choice> choices = new ArrayList<>();
                if (desk) {
                    choices.add(new IntakeForm.Choice("", IntakeForm.text(locale, "exemption_scanned"), chosen == null));
                    for (Exemption e : Exemption.values()) {
                        choices.add(new IntakeForm.Choice(e.wire(), exemptionText(locale, e.wire()), e.wire().equals(chosen)));
                    }
                }
                rows.add(new PaperRow(n, doc.name().in(locale), doc.optional(), file, file == null ? null : ProcedureGuide.size(file.storedBytes()), chosen,
                        choices));
            }
            Papers p = new Papers(site.base() + "/" + d.id(), v.name().in(locale), back, at + 1, steps.size(), change,
                    site.seat() == Drafts.Seat.ONLINE && v.channels().contains(Procedure.Channel.ONLINE_FULL), desk,
                    attachments.maxBytes() / (1024 * 1024), rows);
            return Response.status(status).entity(Templates.papers(p)).header("Cache-Control", "no-store").build();
        });
    }

    /** An exemption's words (Circular 03/2025/TT-VPCP's cases). */
    static String exemptionText(Locale locale, String wire) {
        return IntakeForm.text(locale, "exemption_" + wire.replace('-', '_'));
    }

    Procedure.Version version(String code) {
        return catalog.versionAt(code, java.time.LocalDate.now(VietnameseLunarCalendar.VIETNAM));
    }

    static JsonArray prefilled(JsonObject data) {
        return data.getJsonArray("prefilled", new JsonArray());
    }
}
