package vn.motcua.dossier.usecase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.dossier.domain.TypedText;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.store.ExemptionRows;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.TenantDirectory;

/**
 * Digitizing a paper dossier at reception (số hóa hồ sơ, Circular 03/2025/TT-VPCP): each required paper component is
 * scanned and attached ({@link AttachmentService}), or marked with one of the exemptions the Circular allows
 * ({@link Exemption}). A dossier handed in on paper (at the desk or by post) cannot be received until every required
 * component is one or the other ({@link #requireComplete}); the share digitized is reported per receiving desk.
 */
@ApplicationScoped
public class Digitization {

    /** The longest period the share is reported over. */
    static final int MAX_DAYS = 366;

    /** A required component that is neither scanned nor exempt: its number, for the field {@code document-<n>}. */
    public record Missing(int document) {
    }

    /** The state of one component of a dossier: its files, its exemption in force, if any. */
    public record ComponentState(int document, int files, String exemption, String note, String markedBy, OffsetDateTime markedAt) {
    }

    /** The share digitized for a desk over a period: components required, scanned, exempt (by exemption), missing. */
    public record Share(String tenant, LocalDate from, LocalDate to, long components, long scanned, Map<String, Long> exempt, long missing,
            double digitizedShare) {
    }

    private final ScopedTransactions transactions;
    private final ExemptionRows exemptions;
    private final DossierRepository repository;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final DossierWork work;

    Digitization(ScopedTransactions transactions, ExemptionRows exemptions, DossierRepository repository, CatalogService catalog,
            TenantDirectory tenants, AccessPolicy policy, DossierWork work) {
        this.transactions = transactions;
        this.exemptions = exemptions;
        this.repository = repository;
        this.catalog = catalog;
        this.tenants = tenants;
        this.policy = policy;
        this.work = work;
    }

    /**
     * Marks component {@code document} of a dossier this office holds exempt from scanning, or withdraws its exemption
     * ({@code exemption} blank). Only while the dossier is open; written to its history.
     */
    public Uni<List<ComponentState>> mark(Actor actor, String tenant, String receiptCode, int document, String exemption, String note,
            String remoteAddr) {
        return policy.authorize(actor, Permission.ATTACH, tenant).chain(access -> {
            String wire = exemption == null || exemption.isBlank() ? null : exemption.strip();
            if (wire != null && Exemption.of(wire).isEmpty()) {
                throw DossierCommands.validation("exemption", FieldIssue.NOT_AN_OPTION,
                        String.join(", ", java.util.Arrays.stream(Exemption.values()).map(Exemption::wire).toList()));
            }
            if (note != null && (note.length() > 2000 || TypedText.hasControl(note))) {
                throw DossierCommands.validation("note", note.length() > 2000 ? FieldIssue.TOO_LONG : FieldIssue.PATTERN, 2000);
            }
            DossierWork.By by = DossierWork.By.of(actor, tenant, remoteAddr);
            return transactions.onConnection(policy.actScope(actor).as(by.key()), conn -> work.load(conn, receiptCode)
                    .map(d -> DossierWork.seenThrough(d, tenant))
                    .chain(d -> {
                        if (!d.tenantId.equals(tenant) || d.closedAt != null) {
                            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), "exempt", "—").with("state", d.status.wire());
                        }
                        Procedure.Version v = catalog.versionAt(d.procedureCode, d.procedureVersion);
                        if (document < 1 || document > v.documents().size()) {
                            throw DossierCommands.validation("document", FieldIssue.NO_SUCH_DOCUMENT, document);
                        }
                        String cleanNote = note == null || note.isBlank() ? null : TypedText.nfc(note.strip());
                        return exemptions.current(conn, d.id).chain(marks -> {
                            ExemptionRows.Mark now = marks.get(document);
                            if (now == null ? wire == null : wire != null && wire.equals(now.exemption()) && java.util.Objects.equals(cleanNote, now.note())) {
                                // Nothing changes (withdrawing what is not there, marking again the same): nothing written.
                                return states(conn, d);
                            }
                            return write(conn, d, tenant, document, wire, cleanNote, by);
                        });
                    }));
        });
    }

    private Uni<List<ComponentState>> write(SqlConnection conn, Dossier d, String tenant, int document, String wire, String cleanNote,
            DossierWork.By by) {
        return exemptions.mark(conn, d.id, document, wire, cleanNote, by.key(), by.name())
                                .chain(() -> repository.insertEvent(conn, new DossierRepository.Event(d.id, tenant, work.now(), by.key(),
                                        by.name(), wire == null ? "exemption-withdrawn" : "exempt", d.status, d.status, cleanNote,
                                        new JsonObject().put("document", document).put("exemption", wire), by.remote())))
                                .chain(() -> states(conn, d));
    }

    /** Each component's files and exemption, read on the dossier's own transaction. */
    Uni<List<ComponentState>> states(SqlConnection conn, Dossier d) {
        Procedure.Version v = catalog.versionAt(d.procedureCode, d.procedureVersion);
        return Uni.combine().all().unis(repository.attachments(conn, d.id), exemptions.current(conn, d.id)).with((files, marks) -> {
            List<ComponentState> out = new ArrayList<>();
            for (int n = 1; n <= v.documents().size(); n++) {
                int number = n;
                ExemptionRows.Mark m = marks.get(n);
                out.add(new ComponentState(n, (int) files.stream().filter(f -> f.document() == number).count(), m == null ? null : m.exemption(),
                        m == null ? null : m.note(), m == null ? null : m.byName(), m == null ? null : m.at()));
            }
            return out;
        });
    }

    /** The components' state of a dossier as read (for the console's page): exemptions read on their own. */
    public Uni<List<ComponentState>> states(Actor actor, String tenant, String receiptCode) {
        return policy.authorize(actor, Permission.READ_DOSSIER, tenant).chain(access -> tenants.tree())
                .chain(tree -> transactions.onConnection(policy.readScope(actor, tree).as(DossierWork.key(actor)),
                        conn -> work.load(conn, receiptCode).map(d -> DossierWork.seenThrough(d, tenant)).chain(d -> states(conn, d))));
    }

    /**
     * Refuses to receive a dossier handed in on paper while a required component is neither scanned nor exempt: each
     * such component is a field error ({@code document-<n>}), said beside that paper on the page.
     */
    Uni<Void> requireComplete(SqlConnection conn, Dossier d) {
        if (!Exemption.onPaper(d.channel) || d.status != DossierStatus.SUBMITTED && d.status != DossierStatus.FORWARDED) {
            return Uni.createFrom().voidItem();
        }
        Procedure.Version v = catalog.versionAt(d.procedureCode, d.procedureVersion);
        return states(conn, d).invoke(states -> {
            List<ProblemException.FieldError> missing = new ArrayList<>();
            for (ComponentState s : states) {
                if (!v.documents().get(s.document() - 1).optional() && s.files() == 0 && s.exemption() == null) {
                    missing.add(ProblemException.FieldError.of("document-" + s.document(), FieldIssue.NOT_DIGITIZED));
                }
            }
            if (!missing.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, missing, missing.size());
            }
        }).replaceWithVoid();
    }

    /**
     * The share digitized of the paper dossiers {@code tenant}'s desk received from {@code from} to {@code to} (days,
     * YYYY-MM-DD, inclusive). Who may read it is checked before what they typed.
     */
    public Uni<Share> share(Actor actor, String tenant, String fromDay, String toDay) {
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> {
            LocalDate from = day("from", fromDay);
            LocalDate to = day("to", toDay);
            if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
                throw DossierCommands.validation("to", FieldIssue.OUT_OF_RANGE, from, from.plusDays(MAX_DAYS - 1));
            }
            return share(actor, tenant, from, to);
        });
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DossierCommands.validation(field, FieldIssue.REQUIRED);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DossierCommands.validation(field, FieldIssue.NOT_DATE);
        }
    }

    private Uni<Share> share(Actor actor, String tenant, LocalDate from, LocalDate to) {
        List<String> codes = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<Integer> documents = new ArrayList<>();
        catalog.all().forEach(p -> p.versions().forEach(v -> {
            for (int n = 1; n <= v.documents().size(); n++) {
                if (!v.documents().get(n - 1).optional()) {
                    codes.add(p.code());
                    versions.add(v.effectiveFrom().toString());
                    documents.add(n);
                }
            }
        }));
        OffsetDateTime start = from.atStartOfDay(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
        return tenants.tree()
                .chain(tree -> transactions.onConnection(policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor)),
                        conn -> exemptions.share(conn, tenant, start, end, codes.toArray(String[]::new), versions.toArray(String[]::new),
                                documents.toArray(Integer[]::new))))
                .map(s -> new Share(tenant, from, to, s.components(), s.scanned(), s.exempt(), s.missing(),
                        s.components() == 0 ? 1.0 : (double) (s.components() - s.missing()) / s.components()));
    }
}
