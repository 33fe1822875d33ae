package vn.motcua.dossier.usecase;

import static vn.motcua.dossier.usecase.FormSheets.officeName;
import static vn.motcua.dossier.usecase.FormSheets.subject;
import static vn.motcua.dossier.usecase.FormSheets.desk;
import static vn.motcua.dossier.usecase.FormSheets.returnPlace;
import static vn.motcua.dossier.usecase.FormSheets.nfc;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;
import vn.motcua.dossier.usecase.FormSheets.Time;
import vn.motcua.dossier.usecase.FormSheets.Subject;

/**
 * What the letters of Circular 03/2025's appendix show (forms 02 to 05: request to supplement, refusal, apology with a
 * request to extend, notice that processing stops), each from its event in the dossier's history; the parts every form
 * shares are {@link FormSheets}'. Pure, like it.
 */
final class FormLetters {

    private FormLetters() {
    }

    // Forms 02 to 05.

    /**
     * The request to supplement: what to hand in (the request's checklist, else the lines of its reason), the reason
     * when a checklist was given, whether the clock stops or restarts, whom to ask, who guided.
     */
    public record SupplementRequest(Subject subject, List<String> items, String reason, boolean restart, Time requestedAt,
            String office, String officePhone, String signer) {
    }

    /** The refusal to receive: on what legal basis, why, when, by whom. */
    public record Refusal(Subject subject, String office, String basis, String reason, Time refusedAt, String receiver) {
    }

    /** The apology with a request to extend: the due time missed, why, and the new appointment. */
    public record Apology(Subject subject, String office, Time dueAt, String reason, Time appointmentAt, String drawnBy) {
    }

    /** The notice that processing stops: when, why, and where the dossier and the answer are returned. */
    public record StopNotice(Subject subject, String office, Time decidedAt, String reason, String returnPlace, String drawnBy) {
    }

    // Forms 02 to 05: each from its event in the history.

    /** The latest history entry of {@code action}; 409 {@code form-not-issued} when the dossier has none. */
    static DossierRepository.Event event(DossierRead read, String action, OfficialForm form) {
        DossierRepository.Event found = null;
        for (DossierRepository.Event e : read.history()) {
            if (action.equals(e.action())) {
                found = e;
            }
        }
        if (found == null) {
            throw new ProblemException(ProblemType.FORM_NOT_ISSUED, read.dossier().receiptCode, form.slug())
                    .with("form", form.slug()).with("state", read.dossier().status.wire());
        }
        return found;
    }

    static SupplementRequest supplementRequest(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "request-supplement", OfficialForm.SUPPLEMENT_REQUEST);
        List<String> checklist = checklist(e.detail(), version);
        String reason = nfc(e.reason());
        List<String> items = checklist.isEmpty() ? lines(reason) : checklist;
        boolean restart = e.detail() != null ? "restart".equals(e.detail().getString("clock")) : "restart".equals(d.supplementClock);
        String phone = tree.find(e.tenantId()).map(Tenant::phone).filter(p -> p != null && !p.isBlank()).orElse(null);
        return new SupplementRequest(subject(d, version), items, checklist.isEmpty() ? null : reason, restart, Time.of(e.at()),
                officeName(tree, e.tenantId()), phone, nfc(e.actorName()));
    }

    /**
     * The documents a supplement request lists, when its history entry carries them ({@code detail.documents}: the
     * numbers of the procedure's documents, or their names); empty when it carries only its reason.
     */
    static List<String> checklist(JsonObject detail, Procedure.Version version) {
        List<String> out = new ArrayList<>();
        JsonArray documents = detail == null ? null : detail.getJsonArray("documents");
        if (documents == null) {
            return out;
        }
        for (Object item : documents) {
            if (item instanceof Number n && n.intValue() >= 1 && n.intValue() <= version.documents().size()) {
                out.add(nfc(version.documents().get(n.intValue() - 1).name().vi()));
            } else if (item instanceof String s && !s.isBlank()) {
                out.add(nfc(s.strip()));
            } else if (item instanceof JsonObject o && o.getString("name") != null) {
                out.add(nfc(o.getString("name").strip()));
            }
        }
        return out;
    }

    /** A reason typed one item a line (or several on one line, separated by semicolons) as the items of a list. */
    static List<String> lines(String reason) {
        if (reason == null) {
            return List.of();
        }
        return java.util.Arrays.stream(reason.split("\\R|;")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Refusal refusal(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "refuse", OfficialForm.REFUSAL);
        String basis = version.legalBasis() == null || version.legalBasis().isEmpty() ? null
                : nfc(String.join("; ", version.legalBasis()));
        return new Refusal(subject(d, version), officeName(tree, e.tenantId()), basis, nfc(e.reason()), Time.of(e.at()), nfc(e.actorName()));
    }

    static Apology apology(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "apologize", OfficialForm.APOLOGY);
        OffsetDateTime due = instant(e.detail(), "dueAt").orElse(d.dueAt);
        OffsetDateTime appointment = instant(e.detail(), "appointment").orElse(d.appointmentAt);
        return new Apology(subject(d, version), officeName(tree, e.tenantId()), Time.of(due), nfc(e.reason()), Time.of(appointment),
                nfc(e.actorName()));
    }

    /**
     * The notice that processing stops. The state machine has no "stop" of its own: processing of a dossier stops,
     * without the result asked for, when its leader rejects it ({@code reject}), so the notice is made from that entry.
     */
    static StopNotice stopNotice(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "reject", OfficialForm.STOP_NOTICE);
        Tenant desk = tree.find(desk(d)).orElseThrow();
        return new StopNotice(subject(d, version), officeName(tree, e.tenantId()), Time.of(e.at()), nfc(e.reason()),
                nfc(returnPlace(d, desk)), nfc(e.actorName()));
    }

    private static Optional<OffsetDateTime> instant(JsonObject detail, String key) {
        try {
            return detail == null || detail.getString(key) == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(detail.getString(key)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
