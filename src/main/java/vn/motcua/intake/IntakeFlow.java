package vn.motcua.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.dossier.usecase.DraftPapers;
import vn.motcua.dossier.usecase.Drafts;
import vn.motcua.dossier.usecase.ReadCitizenCard;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.tenant.TenantDirectory;

/**
 * The form engine's page flow (luồng nhập hồ sơ), the same wherever a draft is filled ({@link IntakeSite}): online by
 * the citizen, at a one-stop desk by its officer for a person who came in, at a post office by its clerk. A page's
 * answers are saved whatever they are, then checked by the submission's own rules for that page's fields; the next
 * page, or the same one again with its errors and what was typed. The ID card's QR code fills a page from a photo, or
 * at a desk from a scanner that types it. The papers are staged in the draft; at the desk each is scanned or marked
 * exempt (Circular 03/2025/TT-VPCP). The resources that serve a site authorize it and parse; this class does the rest.
 */
@ApplicationScoped
public class IntakeFlow {

    private final Drafts drafts;
    private final DraftPapers papers;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final ReadCitizenCard cards;
    private final IntakeViews views;

    IntakeFlow(Drafts drafts, DraftPapers papers, TenantDirectory tenants, PageContext page, ReadCitizenCard cards, IntakeViews views) {
        this.drafts = drafts;
        this.papers = papers;
        this.tenants = tenants;
        this.page = page;
        this.cards = cards;
        this.views = views;
    }

    /** The first page of a new draft: the office's when it is asked, else who it is for. */
    public String first(IntakeSite site, Drafts.DraftView d) {
        return site.page(d.id(), IntakeForm.steps(views.version(d.procedureCode()), site.seat()).get(0));
    }

    /** A page of the draft; a draft already submitted shows its dossier. */
    public Uni<Response> show(IntakeSite site, Actor actor, String draft, String step, boolean change) {
        return load(site, actor, draft).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther(site.dossiers() + d.receiptCode()));
            }
            return switch (step) {
                case IntakeForm.CHECK -> views.check(site, actor, d, Response.Status.OK);
                case IntakeForm.PAPERS -> views.papers(site, actor, d, change, Response.Status.OK);
                default -> views.render(site, d, step, Map.of(), null, change, Response.Status.OK);
            };
        });
    }

    /**
     * A page's answers: saved whatever they are, then checked; the next page, or this one again with its errors. At a
     * desk a scanner's text in {@value ReadCitizenCard#TYPED} (it ends with Enter, which posts the page) fills the page
     * from the card instead, and shows it again to be looked at.
     */
    public Uni<Response> answer(IntakeSite site, Actor actor, String draft, String step, Map<String, String> posted) {
        boolean change = posted.containsKey("change");
        Locale locale = page.locale();
        String typed = site.staffed() ? posted.get(ReadCitizenCard.TYPED) : null;
        if (typed != null && !typed.isBlank()) {
            return card(site, actor, draft, step, posted, () -> Uni.createFrom().item(() -> cards.typed(actor, typed)), ReadCitizenCard.TYPED,
                    "card_label");
        }
        return load(site, actor, draft).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther(site.dossiers() + d.receiptCode()));
            }
            Procedure.Version v = views.version(d.procedureCode());
            List<String> steps = IntakeForm.steps(v, site.seat());
            if (!steps.contains(step) || IntakeForm.CHECK.equals(step) || IntakeForm.PAPERS.equals(step)) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            JsonObject data = d.data().copy();
            boolean confirming = !IntakeForm.prefilledOn(step, prefilled(data)).isEmpty();
            boolean confirmed = "1".equals(posted.get("confirm"));
            return apply(site, data, step, posted, v).chain(() -> {
                if (IntakeForm.WHO.equals(step) && site.seat() == Drafts.Seat.ONLINE) {
                    // Who it is for decides whether the form's own person is the signed-in one.
                    IntakeForm.prefillSelf(data, v, actor);
                }
                if (confirming && confirmed) {
                    JsonArray left = new JsonArray();
                    prefilled(data).forEach(p -> {
                        if (!IntakeForm.prefilledOn(step, new JsonArray().add(p)).contains(String.valueOf(p))) {
                            left.add(p);
                        }
                    });
                    data.put("prefilled", left);
                }
                return drafts.answer(actor, d.id(), data, IntakeForm.paths(step), locale);
            }).chain(answered -> {
                String confirmError = confirming && !confirmed ? IntakeForm.text(locale, "confirm_required") : null;
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
                    page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, shown, shown.size()), "ward", labels(site, v, step, locale));
                    return views.render(site, answered.draft(), step, errors, confirmError, change, Response.Status.BAD_REQUEST);
                }
                String next = change ? IntakeForm.CHECK : steps.get(steps.indexOf(step) + 1);
                return Uni.createFrom().item(Redirects.seeOther(site.page(d.id(), next)));
            });
        });
    }

    /**
     * A photo of the citizen ID card: its QR code read on the server, and the page's name, personal number and birth
     * date filled from it, marked to be confirmed. What was typed on the page is saved first (the photo goes with the
     * page's form), so a photo that cannot be read loses nothing.
     */
    public Uni<Response> qr(IntakeSite site, Actor actor, String draft, String step, Map<String, String> posted, FileUpload image) {
        java.nio.file.Path photo = image == null ? null : image.uploadedFile();
        long size = image == null ? 0 : image.size();
        return card(site, actor, draft, step, posted, () -> site.staffed() ? cards.readAtDesk(actor, photo, size) : cards.read(actor, photo, size),
                ReadCitizenCard.FIELD, "qr_label");
    }

    private Uni<Response> card(IntakeSite site, Actor actor, String draft, String step, Map<String, String> posted,
            java.util.function.Supplier<Uni<? extends vn.motcua.dossier.domain.CitizenCardQr>> read, String field, String label) {
        boolean change = posted.containsKey("change");
        Locale locale = page.locale();
        return load(site, actor, draft).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther(site.dossiers() + d.receiptCode()));
            }
            Procedure.Version v = views.version(d.procedureCode());
            java.util.Optional<Procedure.FormField> person = IntakeForm.field(v, step).filter(f -> "person".equals(f.type()));
            if (!IntakeForm.WHO.equals(step) && person.isEmpty()) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            JsonObject data = d.data().copy();
            return apply(site, data, step, posted, v)
                    .chain(() -> Uni.createFrom().<vn.motcua.dossier.domain.CitizenCardQr> deferred(read))
                    .chain(card -> {
                        IntakeForm.prefill(data, step, person.orElse(null), card);
                        // Saved without checking: the page is shown again for the person to look at what was read.
                        return drafts.keep(actor, d.id(), data)
                                .map(a -> Redirects.seeOther(site.page(d.id(), step) + (change ? "?change=1" : "")));
                    })
                    .onFailure(e -> e instanceof ProblemException p && p.type().status() >= 400 && p.type().status() < 500
                            && p.type() != ProblemType.FORBIDDEN && p.type() != ProblemType.NOT_FOUND)
                    .recoverWithUni(e -> {
                        ProblemException p = (ProblemException) e;
                        String message = message(p, locale);
                        page.refused(new ProblemException(ProblemType.VALIDATION_FAILED,
                                List.of(new FieldError(field, IntakeForm.text(locale, label) + ": " + message, null, List.of())), 1));
                        return drafts.keep(actor, d.id(), data).chain(kept -> views.render(site, kept, step, Map.of(field, message), null, change,
                                Response.Status.fromStatusCode(p.type().status())));
                    });
        });
    }

    /**
     * The papers page posted: stages the files chosen (one field a paper, {@code file-<n>}), records at the desk the
     * exemptions chosen ({@code exemption-<n>}), then the next page; or removes one paper's file ({@code remove=<n>})
     * and shows the page again. Each file is staged on its own: one refused does not undo another, nor the exemptions.
     */
    public Uni<Response> papers(IntakeSite site, Actor actor, String draft, Map<String, String> posted, List<FileUpload> uploads) {
        boolean change = posted.containsKey("change");
        Locale locale = page.locale();
        return load(site, actor, draft).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(Redirects.seeOther(site.dossiers() + d.receiptCode()));
            }
            Procedure.Version v = views.version(d.procedureCode());
            List<String> steps = IntakeForm.steps(v, site.seat());
            if (!steps.contains(IntakeForm.PAPERS)) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
            String here = site.page(d.id(), IntakeForm.PAPERS) + (change ? "?change=1" : "");
            String remove = posted.get("remove");
            if (remove != null) {
                return papers.remove(actor, d.id(), number(remove)).replaceWith(Redirects.seeOther(here + "#" + IntakeForm.PAPERS));
            }
            List<FieldError> refused = new ArrayList<>();
            Uni<Drafts.DraftView> marked = site.seat() == Drafts.Seat.COUNTER ? exemptions(actor, d, v, posted, refused)
                    : Uni.createFrom().item(d);
            List<FileUpload> chosen = uploads == null ? List.of() : uploads.stream()
                    .filter(u -> u.name() != null && u.name().matches("file-\\d{1,3}") && (u.size() > 0 || !blank(u.fileName()))).toList();
            return marked.chain(kept -> Multi.createFrom().iterable(chosen).onItem().transformToUniAndConcatenate(u -> {
                String field = u.name();
                Integer document = number(field.substring("file-".length()));
                return Uni.createFrom().deferred(() -> papers.stage(actor, d.id(), document, u.fileName(), u.uploadedFile(), u.size()))
                        .replaceWith((FieldError) null)
                        .onFailure(IntakeFlow::refusedFile).recoverWithItem(e -> new FieldError(field, message((ProblemException) e, locale), null,
                                List.of()));
            }).filter(e -> e != null).collect().asList().chain(files -> {
                refused.addAll(files);
                if (refused.isEmpty()) {
                    String next = change ? IntakeForm.CHECK : steps.get(steps.indexOf(IntakeForm.PAPERS) + 1);
                    return Uni.createFrom().item(Redirects.seeOther(site.page(d.id(), next)));
                }
                Map<String, String> labels = new HashMap<>();
                for (int i = 0; i < v.documents().size(); i++) {
                    labels.put("file-" + (i + 1), v.documents().get(i).name().in(locale));
                    labels.put(IntakeForm.EXEMPTION + (i + 1), v.documents().get(i).name().in(locale));
                }
                page.refused(new ProblemException(ProblemType.VALIDATION_FAILED, refused, refused.size()), refused.get(0).field(), labels);
                return views.papers(site, actor, kept, change, Response.Status.BAD_REQUEST);
            }));
        });
    }

    /** The exemptions posted at the desk, kept in the draft; one not of the Circular's is refused beside its paper. */
    private Uni<Drafts.DraftView> exemptions(Actor actor, Drafts.DraftView d, Procedure.Version v, Map<String, String> posted,
            List<FieldError> refused) {
        JsonObject marks = new JsonObject();
        Map<Integer, String> before = Drafts.exemptions(d.data());
        for (int n = 1; n <= v.documents().size(); n++) {
            String field = IntakeForm.EXEMPTION + n;
            String chosen = posted.containsKey(field) ? posted.get(field).strip() : before.get(n);
            if (chosen == null || chosen.isEmpty()) {
                continue;
            }
            if (Exemption.of(chosen).isEmpty()) {
                refused.add(FieldError.of(field, vn.motcua.platform.error.FieldIssue.NOT_AN_OPTION,
                        String.join(", ", java.util.Arrays.stream(Exemption.values()).map(Exemption::wire).toList())).localized(page.locale()));
                continue;
            }
            marks.put(String.valueOf(n), chosen);
        }
        JsonObject data = d.data().copy().put(Drafts.EXEMPTIONS, marks);
        return drafts.keep(actor, d.id(), data);
    }

    /** A staged file, for its owner to look at before submitting. */
    public Uni<Response> file(IntakeSite site, Actor actor, String draft, String file) {
        return load(site, actor, draft).chain(d -> papers.read(actor, d.id(), id(file)))
                .map(s -> vn.motcua.platform.web.InlineFiles.of(s.bytes(), s.contentType(), s.disposition()));
    }

    /** Submits the draft; a second tap finds the same dossier (the draft's id is the idempotency key). */
    public Uni<Response> submit(IntakeSite site, Actor actor, String draft, String remoteAddr) {
        return load(site, actor, draft).chain(d -> drafts.submit(actor, d.id(), remoteAddr)
                .map(code -> Redirects.seeOther(site.dossier(code)))
                .onFailure(e -> e instanceof ProblemException p && p.type() != ProblemType.FORBIDDEN && p.type() != ProblemType.NOT_FOUND)
                .recoverWithUni(e -> drafts.load(actor, d.id()).chain(again -> views.check(site, actor, again, Response.Status.BAD_REQUEST))));
    }

    /** Forgets a draft not yet submitted, with the papers staged in it (their files too). */
    public Uni<Void> discard(IntakeSite site, Actor actor, String draft) {
        return load(site, actor, draft).chain(d -> drafts.discard(actor, d.id()));
    }

    /**
     * The owner's draft filled at this site, or 404: a desk's draft is not served on the portal's pages, nor one
     * desk's at another's (the same officer may work at two), nor a citizen's at a desk.
     */
    private Uni<Drafts.DraftView> load(IntakeSite site, Actor actor, String draft) {
        return drafts.load(actor, id(draft)).invoke(d -> {
            if (!site.holds(d.data())) {
                throw new ProblemException(ProblemType.NOT_FOUND);
            }
        });
    }

    // ---- reading a page ----

    private Uni<Void> apply(IntakeSite site, JsonObject data, String step, Map<String, String> posted, Procedure.Version v) {
        switch (step) {
            case IntakeForm.OFFICE -> {
                String ward = posted.getOrDefault("ward", "");
                String receiving = posted.getOrDefault("receiving", "");
                // At the desk the receiving office is the desk, whatever was posted.
                String desk = site.seat() == Drafts.Seat.COUNTER ? data.getString("tenant") : null;
                data.put("ward", ward);
                data.remove("tenant");
                data.remove("competentTenant");
                return tenants.tree().invoke(tree -> {
                    if (tree.find(ward).filter(t -> tree.children(t.code()).isEmpty()).isPresent()) {
                        ProcedureGuide.competentFor(tree, v, ward).ifPresent(t -> data.put("tenant", t.code()));
                    }
                    String at = desk != null ? desk : site.seat() == Drafts.Seat.ONLINE ? receiving : "";
                    // Decree 118/2025: any desk of the province may receive it; the competent office stays the ward's.
                    if (v.receivedAnywhere() && data.containsKey("tenant") && tree.find(at).isPresent() && !at.equals(data.getString("tenant"))) {
                        data.put("competentTenant", data.getString("tenant"));
                        data.put("tenant", at);
                    } else if (desk != null && !data.containsKey("tenant")) {
                        // No ward chosen yet: the desk stays the office, for the rules to ask for the ward.
                        data.put("tenant", desk);
                    }
                }).replaceWithVoid();
            }
            case IntakeForm.WHO -> {
                data.put("relationship", posted.getOrDefault("relationship", "self"));
                data.put("applicant", new JsonObject().put("fullName", posted.get("applicant.fullName"))
                        .put("citizenId", blankToNull(posted.get("applicant.citizenId"))).put("phone", posted.get("applicant.phone")));
            }
            case IntakeForm.DELIVERY -> {
                data.put("returnChannel", posted.getOrDefault("returnChannel", ""));
                data.put("deliveryAddress", blankToNull(posted.get("deliveryAddress")));
            }
            case IntakeForm.NOTICES -> IntakeForm.readContact(posted, data);
            default -> {
                JsonObject form = data.getJsonObject("form", new JsonObject());
                IntakeForm.field(v, step).ifPresent(f -> IntakeForm.read(f, posted, form));
                data.put("form", form);
            }
        }
        return Uni.createFrom().voidItem();
    }

    private Map<String, String> labels(IntakeSite site, Procedure.Version v, String step, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        labels.put("ward", IntakeForm.text(locale, site.staffed() ? "ward_label_desk" : "ward_label"));
        labels.put("receiving", IntakeForm.text(locale, site.staffed() ? "receiving_label_desk" : "receiving_label"));
        labels.put("relationship", IntakeForm.text(locale, site.staffed() ? "relationship_label_desk" : "relationship_label"));
        for (String n : List.of("fullName", "citizenId", "phone")) {
            labels.put("applicant." + n, IntakeForm.text(locale, "applicant_" + n));
        }
        labels.put("returnChannel", IntakeForm.text(locale, site.staffed() ? "delivery_title_desk" : "delivery_title"));
        labels.put("deliveryAddress", IntakeForm.text(locale, "delivery_address"));
        labels.put("confirm", IntakeForm.text(locale, "confirm_label"));
        labels.put(IntakeForm.CONTACT_CHANNELS, IntakeForm.text(locale, "notices_channels"));
        labels.put(IntakeForm.CONTACT_EMAIL, IntakeForm.text(locale, "notices_email"));
        labels.put(IntakeForm.CONTACT_LANGUAGE, IntakeForm.text(locale, "notices_language"));
        IntakeForm.field(v, step).ifPresent(f -> {
            labels.put("form." + f.name(), f.label().in(locale));
            if (f.fields() != null) {
                f.fields().forEach(sub -> labels.put("form." + f.name() + "." + sub.name(), sub.label().in(locale)));
            }
        });
        return labels;
    }

    /** What is wrong, in the page's language: a field's message, or the problem's own. */
    private static String message(ProblemException p, Locale locale) {
        return p.fieldErrors().isEmpty() ? ProblemTexts.detail(p.type(), locale, p.args()) : p.localized(locale).fieldErrors().get(0).message();
    }

    /** A refusal of the file itself (too big, empty, of a kind not taken, unreadable, not a paper of the procedure). */
    private static boolean refusedFile(Throwable e) {
        return e instanceof ProblemException p && (p.type().status() == 400 || p.type().status() == 413 || p.type().status() == 415);
    }

    private static JsonArray prefilled(JsonObject data) {
        return IntakeViews.prefilled(data);
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A draft's or a file's id from the address, or 404. */
    public static UUID id(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
    }
}
