package vn.motcua.dossier.usecase;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.vertx.core.json.JsonObject;

import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.dossier.domain.CitizenId;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.FormValidator;
import vn.motcua.dossier.domain.PhoneNumbers;
import vn.motcua.dossier.domain.TypedText;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;

/**
 * The check of a submission (kiểm tra hồ sơ), step 1 of {@link SubmitDossier}: the whole request is checked and every
 * error reported at once (400 with every field), including whether the actor may use the channel they chose, then
 * whether they may submit to that tenant through it (403); the item is the dossier the request describes, not yet
 * numbered or planned.
 */
@ApplicationScoped
class SubmissionCheck {

    /**
     * The dossier a valid request describes, with its receiving tenant (whose agency numbers it), the competent one
     * (whose calendar and processing time its deadline follows; the same tenant unless received elsewhere) and the
     * procedure's version.
     */
    /**
     * The papers a counter submission marks exempt from scanning: only at the counter, each a paper of the procedure's
     * list, each with one of the Circular's exemptions.
     */
    private static void exemptions(DossierRequests.Submission r, Procedure.Channel channel, Procedure.Version version, List<FieldError> errors) {
        if (r.exemptions() == null || r.exemptions().isEmpty()) {
            return;
        }
        if (channel != Procedure.Channel.COUNTER) {
            errors.add(FieldError.of("exemptions", FieldIssue.UNKNOWN_FIELD));
            return;
        }
        int papers = version == null ? 0 : version.documents().size();
        String options = String.join(", ", java.util.Arrays.stream(vn.motcua.dossier.domain.Exemption.values())
                .map(vn.motcua.dossier.domain.Exemption::wire).toList());
        r.exemptions().forEach((key, value) -> {
            String field = "exemptions." + (key.length() > 10 ? key.substring(0, 10) : key);
            if (!key.matches("\\d{1,3}") || Integer.parseInt(key) < 1 || Integer.parseInt(key) > papers) {
                errors.add(FieldError.of(field, FieldIssue.NO_SUCH_DOCUMENT, key.length() > 10 ? key.substring(0, 10) : key));
            } else if (value == null || vn.motcua.dossier.domain.Exemption.of(value).isEmpty()) {
                errors.add(FieldError.of(field, FieldIssue.NOT_AN_OPTION, options));
            }
        });
    }

    /** The valid exemptions of a submission that passed its check: paper number → exemption's wire. */
    static java.util.Map<Integer, String> exemptions(DossierRequests.Submission r) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        if (r.exemptions() != null) {
            r.exemptions().forEach((k, v) -> out.put(Integer.valueOf(k), v));
        }
        return out;
    }

    record Prepared(Dossier dossier, Tenant tenant, Tenant competent, Procedure.Version version, ProcedureSettings.Terms terms,
            JsonObject contact) {
    }

    /** The channels a citizen may choose to hear on, by their wire names. */
    static final List<String> NOTICE_CHANNELS = List.of("email", "sms", "zalo", "in-app");

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

    /**
     * The applicant's contact choice, checked and normalized (channels in order, each once; an address when e-mail is
     * chosen; a language the service speaks), as the outbox keeps it; {@code null} when none was given.
     */
    static JsonObject contact(DossierRequests.Contact c, List<FieldError> errors) {
        if (c == null) {
            return null;
        }
        String email = blank(c.email()) ? null : c.email().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(FieldError.of("contact.email", FieldIssue.EMAIL));
            email = null;
        }
        List<String> chosen = new ArrayList<>();
        List<String> given = c.channels() == null ? List.of() : c.channels();
        if (given.size() > NOTICE_CHANNELS.size()) {
            errors.add(FieldError.of("contact.channels", FieldIssue.NOT_AN_OPTION, String.join(", ", NOTICE_CHANNELS)));
            given = List.of();
        }
        for (String ch : given) {
            String w = ch == null ? "" : ch.strip().toLowerCase(java.util.Locale.ROOT);
            if (!NOTICE_CHANNELS.contains(w)) {
                errors.add(FieldError.of("contact.channels", FieldIssue.NOT_AN_OPTION, String.join(", ", NOTICE_CHANNELS)));
            } else if (!chosen.contains(w)) {
                chosen.add(w);
            }
        }
        if (chosen.contains("email") && email == null && c.email() == null) {
            errors.add(FieldError.of("contact.email", FieldIssue.REQUIRED));
        }
        String language = blank(c.language()) ? "vi" : c.language().strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("vi", "en").contains(language)) {
            errors.add(FieldError.of("contact.language", FieldIssue.NOT_AN_OPTION, "vi, en"));
        }
        JsonObject out = new JsonObject().put("channels", new io.vertx.core.json.JsonArray(new ArrayList<Object>(chosen)))
                .put("language", language);
        if (email != null) {
            out.put("email", email);
        }
        return out;
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * SHA-256, copied for each hash: {@code MessageDigest.getInstance} looks the algorithm up among the security
     * providers on every call, a quarter of the hash's time on the submissions' path (JFR, docs/benchmarks.md). The
     * prototype is never updated, so copies taken at once on several threads are safe.
     */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CatalogService catalog;
    private final AccessPolicy policy;
    private final ObjectMapper json;

    SubmissionCheck(CatalogService catalog, AccessPolicy policy, ObjectMapper json) {
        this.catalog = catalog;
        this.policy = policy;
        this.json = json;
    }

    /**
     * Checks the whole request, collecting every error, and builds the dossier it describes, under the terms of the
     * competent office that day: the catalog's version, with the office's own version over it ({@code overrides}).
     */
    Prepared prepare(Actor actor, DossierRequests.Submission r, String idempotencyKey, TenantTree tree,
            OffsetDateTime now, ProcedureSettings.Snapshot overrides) {
        if (r == null) {
            throw DossierCommands.validation("body", FieldIssue.REQUIRED);
        }
        List<FieldError> errors = new ArrayList<>();
        // The applicant's phone and the form's contact phone are most often one number: parsed once.
        java.util.function.Function<String, Optional<PhoneNumbers.Phone>> phones = PhoneNumbers.memo();
        LocalDate today = now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate();
        Tenant tenant = null;
        if (blank(r.tenant())) {
            errors.add(FieldError.of("tenant", FieldIssue.REQUIRED));
        } else {
            tenant = tree.find(r.tenant()).orElse(null);
            if (tenant == null) {
                errors.add(FieldError.of("tenant", FieldIssue.NOT_A_TENANT));
            }
        }
        Tenant competent = tenant;
        if (!blank(r.competentTenant())) {
            competent = tree.find(r.competentTenant().strip()).orElse(null);
            if (competent == null) {
                errors.add(FieldError.of("competentTenant", FieldIssue.NOT_A_TENANT));
            }
        }
        Procedure.Version version = null;
        if (blank(r.procedure())) {
            errors.add(FieldError.of("procedure", FieldIssue.REQUIRED));
        } else {
            try {
                version = catalog.versionAt(r.procedure(), today);
            } catch (ProblemException e) {
                errors.add(FieldError.of("procedure", FieldIssue.NOT_A_PROCEDURE));
            }
        }
        Procedure.Channel channel = null;
        if (blank(r.channel())) {
            errors.add(FieldError.of("channel", FieldIssue.REQUIRED));
        } else {
            channel = java.util.Arrays.stream(Procedure.Channel.values()).filter(c -> c.wire().equals(r.channel())).findFirst().orElse(null);
            if (channel == null || version != null && !version.channels().contains(channel)) {
                errors.add(FieldError.of("channel", FieldIssue.CHANNEL_NOT_OFFERED, version == null ? ""
                        : String.join(", ", version.channels().stream().map(Procedure.Channel::wire).toList())));
            } else if (!mayUse(actor, channel)) {
                errors.add(FieldError.of("channel", FieldIssue.CHANNEL_NOT_YOURS));
            }
        }
        DossierRequests.ApplicantInput a = r.applicant();
        String citizenId = null;
        PhoneNumbers.Phone phone = null;
        if (a == null) {
            errors.add(FieldError.of("applicant", FieldIssue.REQUIRED));
        } else {
            if (blank(a.fullName())) {
                errors.add(FieldError.of("applicant.fullName", FieldIssue.REQUIRED));
            } else if (a.fullName().length() > 200) {
                errors.add(FieldError.of("applicant.fullName", FieldIssue.TOO_LONG, 200));
            } else if (!TypedText.isName(a.fullName())) {
                errors.add(FieldError.of("applicant.fullName", FieldIssue.PATTERN));
            }
            if (!blank(a.citizenId())) {
                citizenId = CitizenId.normalize(a.citizenId());
                Optional<FieldIssue> issue = CitizenId.check(citizenId);
                if (issue.isPresent()) {
                    errors.add(issue.get() == FieldIssue.CITIZEN_ID_PROVINCE
                            ? FieldError.of("applicant.citizenId", issue.get(), citizenId.substring(0, 3))
                            : FieldError.of("applicant.citizenId", issue.get()));
                }
            }
            if (blank(a.phone())) {
                errors.add(FieldError.of("applicant.phone", FieldIssue.REQUIRED));
            } else {
                phone = phones.apply(a.phone()).orElse(null);
                if (phone == null) {
                    errors.add(FieldError.of("applicant.phone", FieldIssue.PHONE));
                }
            }
        }
        String relationship = blank(r.relationship()) ? "self" : TypedText.nfc(r.relationship().strip());
        if (relationship.length() > 50) {
            errors.add(FieldError.of("relationship", FieldIssue.TOO_LONG, 50));
        } else if (TypedText.hasControl(relationship)) {
            errors.add(FieldError.of("relationship", FieldIssue.PATTERN));
        }
        String returnChannel = blank(r.returnChannel()) ? "counter" : r.returnChannel().strip();
        List<String> returns = channel == Procedure.Channel.ONLINE_FULL ? List.of("counter", "post", "online") : List.of("counter", "post");
        if (!returns.contains(returnChannel)) {
            errors.add(FieldError.of("returnChannel", FieldIssue.NOT_AN_OPTION, String.join(", ", returns)));
        }
        exemptions(r, channel, version, errors);
        boolean consentToReuse = Boolean.TRUE.equals(r.consentToReuse());
        if (consentToReuse && (actor.isStaff() || actor.assurance() != Actor.Assurance.HIGH || !"self".equals(relationship))) {
            // Only the person themselves, identified by the registry, can let offices read their earlier dossiers.
            errors.add(FieldError.of("consentToReuse", FieldIssue.NEEDS_VERIFIED_IDENTITY));
        }
        String deliveryAddress = blank(r.deliveryAddress()) ? null : TypedText.nfc(r.deliveryAddress().strip());
        if ("post".equals(returnChannel)) {
            if (deliveryAddress == null) {
                errors.add(FieldError.of("deliveryAddress", FieldIssue.REQUIRED));
            } else if (TypedText.hasControl(deliveryAddress)) {
                errors.add(FieldError.of("deliveryAddress", FieldIssue.PATTERN));
            } else if (deliveryAddress.length() > 300) {
                errors.add(FieldError.of("deliveryAddress", FieldIssue.TOO_LONG, 300));
            } else if (tenant != null && tenant.postalOffices().isEmpty()) {
                errors.add(FieldError.of("returnChannel", FieldIssue.NO_POST_OFFICE));
            }
        }
        JsonObject contact = contact(r.contact(), errors);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            errors.add(FieldError.of("Idempotency-Key", FieldIssue.TOO_LONG, 100));
        }
        ProcedureSettings.Terms terms = competent != null && version != null ? overrides.terms(r.procedure(), version, competent, today) : null;
        if (tenant != null && competent != null && version != null && !competent.code().equals(tenant.code())) {
            errors.addAll(receivedElsewhere(tenant, competent, version, terms, tree));
        }
        FormValidator.Result form = version == null ? null : FormValidator.validate(r.form(), version.form(), "form", today, phones);
        if (form != null) {
            errors.addAll(form.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        if (!version.offeredAt(competent)) {
            throw new ProblemException(ProblemType.PROCEDURE_NOT_OFFERED, r.procedure(), competent.name().vi());
        }
        checkMaySubmitAt(actor, channel, tenant, tree);
        Dossier d = new Dossier();
        d.id = UUID.randomUUID();
        d.receivedBy = tenant.code();
        d.competentTenant = competent.code();
        // Held and queued at the competent office; the receiving desk keeps seeing it.
        d.tenantId = competent.code();
        d.tenants.add(competent.code());
        if (!competent.code().equals(tenant.code())) {
            d.tenants.add(tenant.code());
        }
        d.procedureCode = r.procedure();
        d.procedureVersion = version.effectiveFrom();
        d.channel = channel.wire();
        d.submittedBy = DossierWork.key(actor);
        d.submittedByName = actor.displayName();
        d.applicantActor = actor.isStaff() || !"self".equals(relationship) ? null : DossierWork.key(actor);
        d.applicantName = TypedText.nfc(a.fullName().strip());
        d.applicantId = citizenId;
        d.applicantPhone = phone.display();
        d.phoneKey = phone.key();
        d.relationship = relationship;
        d.returnChannel = returnChannel;
        if (consentToReuse) {
            d.reuseConsentAt = now;
            d.reuseConsentBy = DossierWork.key(actor);
        }
        if (channel == Procedure.Channel.POSTAL) {
            d.intakeOffice = actor.postalOffices().stream().filter(tenant.postalOffices()::contains).sorted().findFirst().orElseThrow();
        }
        if ("post".equals(returnChannel)) {
            // The office that took it in delivers it back; otherwise the first office serving the tenant.
            d.deliveryOffice = d.intakeOffice != null ? d.intakeOffice : tenant.postalOffices().get(0);
            d.deliveryAddress = deliveryAddress;
        }
        d.form = new JsonObject(json.convertValue(form.form(), java.util.Map.class));
        // The competent office's terms that day (its own fee and time within the catalog's); kept with the dossier, so
        // that a later change of them never touches it.
        d.fee = terms.fee(channel);
        d.processingDays = terms.processingDays();
        d.supplementClock = version.supplement().wire();
        d.submittedAt = now;
        d.idempotencyKey = idempotencyKey;
        d.requestHash = idempotencyKey == null ? null : hash(r);
        return new Prepared(d, tenant, competent, version, terms, contact);
    }

    /**
     * A desk receiving for another office (Decree 118/2025/NĐ-CP): only for a procedure received anywhere in the
     * province, within the province, and for an office that handles the procedure (the desk itself need not).
     */
    private static List<FieldError> receivedElsewhere(Tenant desk, Tenant competent, Procedure.Version version, ProcedureSettings.Terms terms,
            TenantTree tree) {
        List<FieldError> errors = new ArrayList<>();
        // The province's list (the catalog), or the competent office's own choice to be received anywhere.
        if (!terms.receivedAnywhere()) {
            errors.add(FieldError.of("tenant", FieldIssue.NOT_RECEIVED_ANYWHERE));
        }
        if (!tree.top(desk.code()).equals(tree.top(competent.code()))) {
            errors.add(FieldError.of("competentTenant", FieldIssue.NOT_SAME_PROVINCE));
        } else if (!version.offeredAt(competent)) {
            errors.add(FieldError.of("competentTenant", FieldIssue.PROCEDURE_NOT_OFFERED));
        }
        return errors;
    }

    /** Citizens submit online; the desk at the counter; a post office's clerk by post. */
    static Permission submitPermission(Procedure.Channel channel) {
        return switch (channel) {
            case ONLINE_FULL, ONLINE_PARTIAL -> Permission.SUBMIT_ONLINE;
            case COUNTER -> Permission.SUBMIT_AT_COUNTER;
            case POSTAL -> Permission.SUBMIT_BY_POST;
        };
    }

    private static boolean mayUse(Actor actor, Procedure.Channel channel) {
        Permission p = submitPermission(channel);
        return p.grantedTo(actor) && (p.reach() == Permission.Reach.SELF) != actor.isStaff();
    }

    private void checkMaySubmitAt(Actor actor, Procedure.Channel channel, Tenant tenant, TenantTree tree) {
        switch (channel) {
            case COUNTER -> policy.decide(actor, Permission.SUBMIT_AT_COUNTER, tenant.code(), tree);
            case POSTAL -> policy.authorizeIntakeByPost(actor, tenant);
            default -> {
                // Online: anyone may submit to any tenant that offers the procedure.
            }
        }
    }

    private String hash(DossierRequests.Submission r) {
        try {
            // As maps, written with sorted keys: the same request always hashes the same, whatever its key order.
            java.util.Map<?, ?> request = json.convertValue(r, java.util.Map.class);
            if (request.get("competentTenant") == null) {
                // Without it, the request hashes as it did before the field existed: a retry across the upgrade replays.
                request.remove("competentTenant");
            }
            if (request.get("contact") == null) {
                request.remove("contact");
            }
            byte[] canonical = CANONICAL.writeValueAsBytes(request);
            return HexFormat.of().formatHex(((MessageDigest) SHA_256.clone()).digest(canonical));
        } catch (CloneNotSupportedException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
