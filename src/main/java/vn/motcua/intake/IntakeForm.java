package vn.motcua.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.i18n.MessageKeys;

/**
 * The question pages of a draft, generated from the procedure's form in the catalog, GOV.UK's way: one question or
 * one small group a page (where you live; who it is for; each field of the form, a person's details together; how
 * to get the result), then "check your answers". This class only lays the pages out and reads what a page posted
 * into the draft's answers; the rules are the submission's ({@code Drafts} checks them).
 */
public final class IntakeForm {

    /** The draft's own answers about papers exempt from scanning, posted as {@code exemption-<n>}. */
    static final String EXEMPTION = "exemption-";

    public static final String OFFICE = "office";
    public static final String WHO = "who";
    public static final String DELIVERY = "delivery";
    /**
     * How the citizen hears about the dossier (kênh nhận thông báo): the channels, in the page's order of preference,
     * an e-mail address and the notices' language. Asked online only: at a desk or a post office the notices go by SMS
     * to the applicant's phone (and on the portal), as before.
     */
    public static final String NOTICES = "notices";
    /** The channels the notices page offers, in its order, which is the order the relay tries them in. */
    static final List<String> NOTICE_CHANNELS = List.of("email", "sms", "zalo", "in-app");
    /** Chosen when the page was never answered: what a submission without a choice gets (SMS, and the portal). */
    static final List<String> DEFAULT_CHANNELS = List.of("sms", "in-app");
    /** The papers (giấy tờ): a file for each paper of the procedure's list, staged in the draft. */
    public static final String PAPERS = "papers";
    public static final String CHECK = "check";
    /** A form field's page: {@code f-<name>}. */
    public static final String FIELD = "f-";

    /** How the person filling is related to the applicant; {@code self} is the default. */
    static final List<String> RELATIONSHIPS = List.of("self", "con", "cha-me", "vo-chong", "ong-ba", "chau", "anh-chi-em", "nguoi-than-khac");

    private static final Pattern DMY = Pattern.compile("^\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\s*$");

    private IntakeForm() {
    }

    /** A choice of a select or radio question. */
    @TemplateData
    public record Choice(String value, String label, boolean chosen) {
    }

    /** One question as a page shows it: its name (the field's path), words, what was typed and its error. */
    @TemplateData
    public record Question(String name, String label, String type, String value, String error, boolean optional, List<Choice> choices,
            String hint, boolean prefilled) {
    }

    /** The pages of a draft of {@code v} filled online, in order. */
    static List<String> steps(Procedure.Version v) {
        return steps(v, vn.motcua.dossier.usecase.Drafts.Seat.ONLINE);
    }

    /**
     * The pages of a draft of {@code v} filled at {@code seat}, in order. At the desk the office is the desk's own,
     * asked only when the procedure is received anywhere in the province (Decree 118/2025): then where the applicant
     * lives decides the competent office.
     */
    static List<String> steps(Procedure.Version v, vn.motcua.dossier.usecase.Drafts.Seat seat) {
        List<String> steps = new ArrayList<>();
        if (seat != vn.motcua.dossier.usecase.Drafts.Seat.COUNTER || v.receivedAnywhere()) {
            steps.add(OFFICE);
        }
        steps.add(WHO);
        v.form().forEach(f -> steps.add(FIELD + f.name()));
        steps.add(DELIVERY);
        if (seat == vn.motcua.dossier.usecase.Drafts.Seat.ONLINE) {
            steps.add(NOTICES);
        }
        if (!v.documents().isEmpty()) {
            steps.add(PAPERS);
        }
        steps.add(CHECK);
        return steps;
    }

    /** The field paths a page answers, for checking only those. */
    static List<String> paths(String step) {
        return switch (step) {
            case OFFICE -> List.of("tenant", "competentTenant");
            case WHO -> List.of("relationship", "applicant", "confirm");
            case DELIVERY -> List.of("returnChannel", "deliveryAddress");
            case NOTICES -> List.of(vn.motcua.dossier.usecase.Drafts.CONTACT);
            case PAPERS -> List.of(vn.motcua.dossier.usecase.Drafts.PAPERS);
            case CHECK -> List.of();
            default -> List.of("form." + step.substring(FIELD.length()));
        };
    }

    /** The form field a {@code f-<name>} page asks, if {@code step} is one of {@code v}'s. */
    static java.util.Optional<Procedure.FormField> field(Procedure.Version v, String step) {
        if (!step.startsWith(FIELD)) {
            return java.util.Optional.empty();
        }
        String name = step.substring(FIELD.length());
        return v.form().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The questions of a form field's page: the field itself, or a person's fields together. */
    static List<Question> questions(Procedure.FormField f, JsonObject form, JsonArray prefilled, Map<String, String> errors, Locale locale) {
        List<Question> out = new ArrayList<>();
        String path = "form." + f.name();
        if ("person".equals(f.type())) {
            JsonObject group = form.getValue(f.name()) instanceof JsonObject o ? o : new JsonObject();
            for (Procedure.FormField sub : f.fields()) {
                out.add(question(sub, path + "." + sub.name(), group.getValue(sub.name()), errors, prefilled, locale, !f.required()));
            }
        } else {
            out.add(question(f, path, form.getValue(f.name()), errors, prefilled, locale, false));
        }
        return out;
    }

    private static Question question(Procedure.FormField f, String path, Object value, Map<String, String> errors, JsonArray prefilled,
            Locale locale, boolean groupOptional) {
        List<Choice> choices = f.options() == null ? List.of()
                : f.options().stream().map(o -> new Choice(o.value(), o.label().in(locale), o.value().equals(value))).toList();
        String type = switch (f.type()) {
            case "select" -> f.options().size() <= 5 ? "radio" : "select";
            case "date" -> "date";
            case "phone" -> "tel";
            case "number" -> "number";
            case "citizen-id" -> "citizen-id";
            default -> "text";
        };
        String hint = switch (f.type()) {
            case "date" -> text(locale, "hint_date");
            case "citizen-id" -> text(locale, "hint_citizen_id");
            case "phone" -> text(locale, "hint_phone");
            default -> null;
        };
        return new Question(path, f.label().in(locale), type, value == null ? "" : String.valueOf(value), errors.get(path),
                !f.required() || groupOptional, choices, hint, prefilled.contains(path));
    }

    /**
     * Reads what a form field's page posted into the draft's form: blanks dropped (an optional person left empty is
     * no person at all), a date typed as 15/07/2024 read as 2024-07-15, everything else as typed, for the rules to
     * judge.
     */
    static void read(Procedure.FormField f, Map<String, String> posted, JsonObject form) {
        String path = "form." + f.name();
        if ("person".equals(f.type())) {
            JsonObject group = new JsonObject();
            for (Procedure.FormField sub : f.fields()) {
                String v = clean(sub, posted.get(path + "." + sub.name()));
                if (v != null) {
                    group.put(sub.name(), v);
                }
            }
            if (group.isEmpty()) {
                form.remove(f.name());
            } else {
                form.put(f.name(), group);
            }
        } else {
            String v = clean(f, posted.get(path));
            if (v == null) {
                form.remove(f.name());
            } else {
                form.put(f.name(), v);
            }
        }
    }

    /**
     * Reads the notices page into the draft's {@code contact}: each channel ticked ({@code contact.channels.<channel>}),
     * in the page's order; the address as typed (the rules judge it, and the page shows it again if refused); the
     * language.
     */
    static void readContact(Map<String, String> posted, JsonObject data) {
        JsonArray channels = new JsonArray();
        NOTICE_CHANNELS.stream().filter(c -> posted.containsKey(CONTACT_CHANNELS + "." + c)).forEach(channels::add);
        JsonObject contact = new JsonObject().put("channels", channels).put("language", posted.getOrDefault(CONTACT_LANGUAGE, "vi"));
        String email = posted.get(CONTACT_EMAIL);
        if (email != null && !email.isBlank()) {
            contact.put("email", email.strip());
        }
        data.put(vn.motcua.dossier.usecase.Drafts.CONTACT, contact);
    }

    /** The notices page's fields, as the submission's rules name them. */
    static final String CONTACT_CHANNELS = "contact.channels";
    static final String CONTACT_EMAIL = "contact.email";
    static final String CONTACT_LANGUAGE = "contact.language";

    /** The prefilled paths a page shows (they wait for the person to confirm them). */
    static List<String> prefilledOn(String step, JsonArray prefilled) {
        List<String> on = new ArrayList<>();
        for (Object p : prefilled) {
            String path = String.valueOf(p);
            if (paths(step).stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "."))) {
                on.add(path);
            }
        }
        return on;
    }

    /**
     * Fills a page's name, personal number and birth date from an ID card's QR code, and marks each filled path for
     * the person to confirm: the applicant's on the "who" page, a person field's own on its page.
     */
    static void prefill(JsonObject data, String step, Procedure.FormField person, vn.motcua.dossier.domain.CitizenCardQr card) {
        JsonArray prefilled = data.getJsonArray("prefilled", new JsonArray()).copy();
        if (person == null) {
            JsonObject a = data.getJsonObject("applicant", new JsonObject());
            a.put("fullName", card.fullName()).put("citizenId", card.citizenId());
            data.put("applicant", a);
            mark(prefilled, "applicant.fullName");
            mark(prefilled, "applicant.citizenId");
        } else {
            JsonObject form = data.getJsonObject("form", new JsonObject());
            JsonObject group = form.getValue(person.name()) instanceof JsonObject o ? o : new JsonObject();
            for (Procedure.FormField sub : person.fields()) {
                String value = null;
                if ("fullName".equals(sub.name())) {
                    value = card.fullName();
                } else if ("citizen-id".equals(sub.type()) || "idNumber".equals(sub.name())) {
                    value = card.citizenId();
                } else if ("date".equals(sub.type()) && sub.name().toLowerCase(Locale.ROOT).contains("birth")) {
                    value = card.birthDate().toString();
                }
                if (value != null) {
                    group.put(sub.name(), value);
                    mark(prefilled, "form." + person.name() + "." + sub.name());
                }
            }
            form.put(person.name(), group);
            data.put("form", form);
        }
        data.put("prefilled", prefilled);
    }

    /**
     * The person fields of a form that are the applicant themself, by the catalog's names for them (the declarant of a
     * marital status, the one registering a residence or a business, the requester of a copy, the investor): filled
     * from the signed-in identity when a person applies for themself.
     */
    static final java.util.Set<String> SELF = java.util.Set.of("applicant", "registrant", "requester", "owner", "investor");

    /**
     * Fills, when the person applies for themself ({@code relationship} self) and the national identity provider vouches
     * for them, the form's own person field (one of {@link #SELF}) with what the identity knows: the name, the personal
     * number and the date of birth, each marked for the person to confirm; a value already there (typed, or read from
     * a card) is kept. Applying for someone else, the values filled this way and not yet confirmed are taken back.
     */
    public static void prefillSelf(JsonObject data, Procedure.Version v, vn.motcua.identity.Actor actor) {
        JsonArray prefilled = data.getJsonArray("prefilled", new JsonArray()).copy();
        JsonObject form = data.getJsonObject("form", new JsonObject());
        boolean self = "self".equals(data.getString("relationship", "self"));
        for (Procedure.FormField f : v.form()) {
            if (!"person".equals(f.type()) || !SELF.contains(f.name()) || f.fields() == null) {
                continue;
            }
            JsonObject group = form.getValue(f.name()) instanceof JsonObject o ? o : new JsonObject();
            for (Procedure.FormField sub : f.fields()) {
                String path = "form." + f.name() + "." + sub.name();
                if (!self) {
                    if (prefilled.remove(path)) {
                        group.remove(sub.name());
                    }
                    continue;
                }
                if (actor.assurance() != vn.motcua.identity.Actor.Assurance.HIGH || group.getValue(sub.name()) != null) {
                    continue;
                }
                String value = null;
                if ("fullName".equals(sub.name())) {
                    value = actor.displayName();
                } else if ("citizen-id".equals(sub.type())) {
                    value = actor.citizenId();
                } else if ("date".equals(sub.type()) && sub.name().toLowerCase(Locale.ROOT).contains("birth") && actor.birthDate() != null) {
                    value = actor.birthDate().toString();
                }
                if (value != null && !value.isBlank()) {
                    group.put(sub.name(), value);
                    mark(prefilled, path);
                }
            }
            if (group.isEmpty()) {
                form.remove(f.name());
            } else {
                form.put(f.name(), group);
            }
        }
        data.put("form", form);
        data.put("prefilled", prefilled);
    }

    private static void mark(JsonArray prefilled, String path) {
        if (!prefilled.contains(path)) {
            prefilled.add(path);
        }
    }

    private static String clean(Procedure.FormField f, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        if ("date".equals(f.type())) {
            Matcher m = DMY.matcher(v);
            if (m.matches()) {
                return String.format("%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        }
        return v;
    }

    static String text(Locale locale, String key) {
        return MessageKeys.text(IntakeMessages.class, locale, key);
    }
}
