package vn.motcua.dossier.usecase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.dossier.store.DraftFiles;
import vn.motcua.dossier.store.DraftRows;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * A citizen's draft (hồ sơ nháp) on the portal: started from a procedure's page, answered page by page, each answer
 * saved at once (whatever its errors: nothing typed is lost), checked by the same rules as the submission
 * ({@link SubmissionCheck}) but only for the fields of the page at hand, and submitted once. The draft's id is the
 * submission's idempotency key, so a second tap of "Nộp hồ sơ" or the back button finds the same dossier.
 *
 * <p>The draft's data has the submission's shape: {@code tenant} (the receiving desk), {@code competentTenant} (the
 * office competent for the applicant's ward, when another desk receives it, Decree 118/2025), {@code relationship}, {@code applicant}, {@code form},
 * {@code returnChannel}, {@code deliveryAddress}; plus {@code ward} (where the applicant lives, to choose the office)
 * and {@code prefilled} (the fields filled from VNeID or an ID card's QR code, until the person confirms them).
 */
@ApplicationScoped
public class Drafts {

    /** A draft, for its owner's pages. */
    public record DraftView(UUID id, String procedureCode, LocalDate procedureVersion, JsonObject data, OffsetDateTime updatedAt,
            String receiptCode) {
        public boolean submitted() {
            return receiptCode != null;
        }
    }

    /** A page's answers saved, and what is wrong with them (empty: go on). */
    public record Answered(DraftView draft, List<FieldError> errors) {
    }

    /** The draft's key for the papers marked exempt from scanning at the desk: paper number → {@link Exemption}'s wire. */
    public static final String EXEMPTIONS = "exemptions";

    /**
     * The draft's key for how the citizen wants to hear about the dossier ({@code {"channels", "email", "language"}}):
     * the submission's {@code contact}, checked by the same rules.
     */
    public static final String CONTACT = "contact";

    /** The top-level keys a draft keeps; anything else a client sends is dropped. */
    static final Set<String> KEYS = Set.of("ward", "tenant", "competentTenant", "relationship", "applicant", "form", "returnChannel", "deliveryAddress",
            "prefilled", Seat.KEY, Seat.POST_OFFICE, EXEMPTIONS, CONTACT);

    /**
     * Where a draft is filled (nơi nhập hồ sơ), kept in its data ({@link #KEY}): online by the citizen themself, at a
     * one-stop desk by its officer for a person who came in (tiếp nhận trực tiếp), or at a post office by its clerk
     * (tiếp nhận qua bưu chính). The same question pages and rules serve all three; the seat decides the channel of
     * the dossier, who may fill it, and what the papers page asks (a file, or at the desk a scan or an exemption).
     */
    public enum Seat {
        ONLINE("online"), COUNTER("counter"), POSTAL("postal");

        /** The draft's key for its seat; absent: online (every draft before desks filled any). */
        public static final String KEY = "seat";
        /** The draft's key for the post office that takes it in. */
        public static final String POST_OFFICE = "postOffice";

        private final String wire;

        Seat(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Seat of(JsonObject data) {
            String s = data == null ? null : data.getString(KEY);
            return COUNTER.wire.equals(s) ? COUNTER : POSTAL.wire.equals(s) ? POSTAL : ONLINE;
        }
    }

    private final ScopedTransactions transactions;
    private final DraftRows rows;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final SubmissionCheck check;
    private final SubmitDossier submit;
    private final AccessPolicy policy;
    private final DossierWork work;
    private final ObjectMapper json;
    private final DraftFiles files;
    private final DraftPapers papers;
    private final ProcedureSettings overrides;

    Drafts(ScopedTransactions transactions, DraftRows rows, CatalogService catalog, TenantDirectory tenants, SubmissionCheck check,
            SubmitDossier submit, AccessPolicy policy, DossierWork work, ObjectMapper json, DraftFiles files, DraftPapers papers,
            ProcedureSettings overrides) {
        this.files = files;
        this.papers = papers;
        this.overrides = overrides;
        this.transactions = transactions;
        this.rows = rows;
        this.catalog = catalog;
        this.tenants = tenants;
        this.check = check;
        this.submit = submit;
        this.policy = policy;
        this.work = work;
        this.json = json;
    }

    /** A new draft of {@code procedure}, its first answers given (the office, and who the applicant is when known). */
    public Uni<DraftView> start(Actor actor, String procedure, JsonObject first) {
        policy.authorizeSelf(actor, Permission.SUBMIT_ONLINE);
        Procedure.Version v = catalog.versionAt(procedure, today());
        if (!v.channels().contains(Procedure.Channel.ONLINE_FULL) && !v.channels().contains(Procedure.Channel.ONLINE_PARTIAL)) {
            throw new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, procedure);
        }
        JsonObject data = first.copy();
        data.remove(Seat.KEY);
        return insert(actor, procedure, v, data);
    }

    /**
     * A new draft filled at desk {@code tenant} by its officer, for a person who came in: the receiving office is the
     * desk, the competent one too unless the procedure is received anywhere in the province (Decree 118/2025) and the
     * applicant lives elsewhere, which the office page then asks.
     */
    public Uni<DraftView> startAtCounter(Actor actor, String procedure, String tenant, JsonObject first) {
        return policy.authorize(actor, Permission.SUBMIT_AT_COUNTER, tenant).chain(access -> {
            Procedure.Version v = offered(procedure, Procedure.Channel.COUNTER);
            JsonObject data = first.copy().put(Seat.KEY, Seat.COUNTER.wire()).put("tenant", tenant);
            data.remove(Seat.POST_OFFICE);
            return insert(actor, procedure, v, data);
        });
    }

    /** A new draft filled at post office {@code office} by its clerk, for a person who came in: the office page asks where they live. */
    public Uni<DraftView> startAtPostOffice(Actor actor, String procedure, String office, JsonObject first) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.SUBMIT_BY_POST, office, tree);
            Procedure.Version v = offered(procedure, Procedure.Channel.POSTAL);
            JsonObject data = first.copy().put(Seat.KEY, Seat.POSTAL.wire()).put(Seat.POST_OFFICE, office);
            return insert(actor, procedure, v, data);
        });
    }

    private Procedure.Version offered(String procedure, Procedure.Channel channel) {
        Procedure.Version v = catalog.versionAt(procedure, today());
        if (!v.channels().contains(channel)) {
            throw new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, procedure);
        }
        return v;
    }

    private Uni<DraftView> insert(Actor actor, String procedure, Procedure.Version v, JsonObject first) {
        String me = DossierWork.key(actor);
        // The oldest drafts beyond the account's limit go, their staged files' bytes after the commit.
        List<String> orphaned = new java.util.ArrayList<>();
        return transactions.onConnection(TenantScope.none().as(me),
                conn -> rows.insert(conn, me, procedure, v.effectiveFrom(), kept(first))
                        .call(() -> files.dropPruned(conn, me, DraftRows.KEPT).invoke(orphaned::addAll))
                        .call(() -> rows.prune(conn, me)))
                .call(() -> papers.forget(orphaned)).map(Drafts::view);
    }

    /** The owner's draft, or 404 (another's draft does not exist for them). */
    public Uni<DraftView> load(Actor actor, UUID id) {
        mayDraft(actor);
        String me = DossierWork.key(actor);
        return transactions.onConnection(TenantScope.none().as(me), conn -> rows.find(conn, me, id))
                .map(found -> view(found.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND))));
    }

    /**
     * Whether {@code actor} may keep drafts at all: a citizen who may apply online, a desk's receiver or a post office's
     * clerk. Whose draft it is, row-level security decides (its owner only); where it may be submitted, the
     * submission's own check.
     */
    private void mayDraft(Actor actor) {
        mayDraft(policy, actor);
    }

    static void mayDraft(AccessPolicy policy, Actor actor) {
        if (actor.isStaff()) {
            mayTakeIn(actor);
        } else {
            policy.authorizeSelf(actor, Permission.SUBMIT_ONLINE);
        }
    }

    /** Whether {@code actor} takes dossiers in for people who come in: a desk's receiver or a post office's clerk. */
    static void mayTakeIn(Actor actor) {
        if (!actor.isStaff() || !Permission.SUBMIT_AT_COUNTER.grantedTo(actor) && !Permission.SUBMIT_BY_POST.grantedTo(actor)) {
            throw vn.motcua.platform.error.Problems.forbidden();
        }
    }

    /** The owner's drafts not yet submitted, latest first. */
    public Uni<List<DraftView>> open(Actor actor) {
        mayDraft(actor);
        String me = DossierWork.key(actor);
        return transactions.onConnection(TenantScope.none().as(me), conn -> rows.open(conn, me))
                .map(list -> list.stream().map(Drafts::view).toList());
    }

    /**
     * Saves {@code data} (the whole draft's answers, as the page built them) and checks the fields under
     * {@code fields} (paths like {@code applicant}, {@code form.mother}; empty: every field). A submitted draft is not
     * changed: it comes back as it is, for the page to show its dossier.
     */
    public Uni<Answered> answer(Actor actor, UUID id, JsonObject data, List<String> fields, java.util.Locale locale) {
        return keep(actor, id, data).chain(d -> d.submitted() ? Uni.createFrom().item(new Answered(d, List.of()))
                : problems(actor, d, fields, locale).map(errors -> new Answered(d, errors)));
    }

    /** Saves the draft's answers without checking them (a page shown again for the person to look at). */
    public Uni<DraftView> keep(Actor actor, UUID id, JsonObject data) {
        mayDraft(actor);
        String me = DossierWork.key(actor);
        JsonObject kept = kept(data);
        return transactions.onConnection(TenantScope.none().as(me), conn -> rows.save(conn, me, id, kept)
                .chain(saved -> saved.isPresent() ? Uni.createFrom().item(saved.get())
                        : rows.find(conn, me, id).map(f -> f.orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND)))))
                .map(Drafts::view);
    }

    /** What is wrong with the draft's fields under {@code fields} (all of them when empty), by the submission's rules. */
    public Uni<List<FieldError>> problems(Actor actor, DraftView d, List<String> fields, java.util.Locale locale) {
        Uni<List<FieldError>> missing = fields.isEmpty() || fields.contains(PAPERS)
                ? staged(actor, d.id()).map(staged -> missingPapers(d, staged).stream().map(e -> e.localized(locale)).toList())
                : Uni.createFrom().item(List.of());
        return missing.chain(papersMissing -> formProblems(actor, d, fields, locale).map(errors -> {
            List<FieldError> all = new java.util.ArrayList<>(errors);
            all.addAll(papersMissing);
            return all;
        }));
    }

    /** The field under which the papers' errors are reported: {@code papers.<n>}, paper n of the procedure's list. */
    public static final String PAPERS = "papers";

    /**
     * The papers the procedure requires that the draft has no file for, when nobody will bring them to the desk later:
     * <ul>
     * <li>submitted wholly online (toàn trình, Decree 42/2022: the office has only what was sent), a file each;</li>
     * <li>taken in at the desk, where the dossier is received as it is entered: each scanned or marked with one of the
     * exemptions of Circular 03/2025/TT-VPCP (digitized at reception), else {@link FieldIssue#NOT_DIGITIZED}.</li>
     * </ul>
     * Online in part (một phần) the papers are brought to the desk; taken in at a post office they are scanned at the
     * desk that receives the hand-over: nothing is refused then.
     */
    List<FieldError> missingPapers(DraftView d, List<DraftFiles.Staged> staged) {
        Procedure.Version v = catalog.versionAt(d.procedureCode(), today());
        Seat seat = Seat.of(d.data());
        boolean full = seat == Seat.ONLINE && v.channels().contains(Procedure.Channel.ONLINE_FULL);
        if (!full && seat != Seat.COUNTER) {
            return List.of();
        }
        java.util.Map<Integer, String> exempt = seat == Seat.COUNTER ? exemptions(d.data()) : java.util.Map.of();
        List<FieldError> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.documents().size(); i++) {
            int n = i + 1;
            Procedure.RequiredDocument doc = v.documents().get(i);
            if (!doc.optional() && staged.stream().noneMatch(f -> f.document() == n) && !exempt.containsKey(n)) {
                out.add(seat == Seat.COUNTER ? FieldError.of(PAPERS + "." + n, FieldIssue.NOT_DIGITIZED)
                        : FieldError.of(PAPERS + "." + n, FieldIssue.PAPER_MISSING, doc.name().vi()));
            }
        }
        return out;
    }

    /** The draft's exemptions that are still one of the Circular's (paper number → exemption's wire). */
    public static java.util.Map<Integer, String> exemptions(JsonObject data) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        JsonObject marks = data.getValue(EXEMPTIONS) instanceof JsonObject o ? o : new JsonObject();
        marks.forEach(e -> {
            if (e.getKey().matches("\\d{1,3}") && e.getValue() instanceof String w && Exemption.of(w).isPresent()) {
                out.put(Integer.valueOf(e.getKey()), w);
            }
        });
        return out;
    }

    private Uni<List<DraftFiles.Staged>> staged(Actor actor, UUID id) {
        String me = DossierWork.key(actor);
        return transactions.onConnection(TenantScope.none().as(me), conn -> files.of(conn, me, id));
    }

    private Uni<List<FieldError>> formProblems(Actor actor, DraftView d, List<String> fields, java.util.Locale locale) {
        return Uni.combine().all().unis(tenants.tree(), overrides.snapshot()).asTuple().map(both -> {
            TenantTree tree = both.getItem1();
            try {
                check.prepare(actor, submission(d), null, tree, work.now(), both.getItem2());
                return List.<FieldError>of();
            } catch (ProblemException e) {
                if (e.type() == ProblemType.VALIDATION_FAILED) {
                    return e.localized(locale).fieldErrors().stream().filter(err -> fields.isEmpty()
                            || fields.stream().anyMatch(f -> err.field().equals(f) || err.field().startsWith(f + "."))).toList();
                }
                // Not a field's fault (the office does not handle it, the account may not submit there): the office page's.
                return fields.isEmpty() || fields.contains("tenant")
                        ? List.of(new FieldError("tenant", vn.motcua.platform.error.ProblemTexts.detail(e.type(), locale, e.args()), null,
                                List.of()))
                        : List.<FieldError>of();
            }
        });
    }

    /**
     * Submits the draft: the dossier it describes, under the draft's id as idempotency key. A draft already submitted
     * gives its dossier again.
     */
    public Uni<String> submit(Actor actor, UUID id, String remoteAddr) {
        return load(actor, id).chain(d -> {
            if (d.submitted()) {
                return Uni.createFrom().item(d.receiptCode());
            }
            String me = DossierWork.key(actor);
            List<String> orphaned = new java.util.ArrayList<>();
            return staged(actor, id).chain(staged -> {
                List<FieldError> missing = missingPapers(d, staged);
                if (!missing.isEmpty()) {
                    // Refused as the submission's own rules refuse: every missing paper at once, each under its field.
                    throw new ProblemException(ProblemType.VALIDATION_FAILED, missing, missing.size());
                }
                // The staged files become the dossier's in the transaction that writes it; a replay (a second tap after
                // the first went through) writes nothing and finds that dossier.
                return submit.submit(actor, submission(d), "draft-" + d.id(), remoteAddr, staged,
                        Seat.of(d.data()) == Seat.COUNTER ? exemptions(d.data()) : java.util.Map.of());
            }).map(s -> s.dossier().dossier().receiptCode)
                    .call(code -> transactions.onConnection(TenantScope.none().as(me), conn -> rows.submitted(conn, me, id, code)
                            // The draft's rows go; the bytes stay, now the dossier's (any file staged meanwhile goes too).
                            .chain(() -> files.drop(conn, me, id)).invoke(orphaned::addAll)))
                    .call(() -> papers.forget(orphaned));
        });
    }

    /** Forgets a draft not yet submitted, and its staged files (their bytes after the commit). */
    public Uni<Void> discard(Actor actor, UUID id) {
        mayDraft(actor);
        String me = DossierWork.key(actor);
        return transactions.onConnection(TenantScope.none().as(me), conn -> rows.find(conn, me, id)
                .chain(found -> found.isEmpty() || found.get().receiptCode() != null ? Uni.createFrom().item(List.<String>of())
                        : files.drop(conn, me, id))
                .call(() -> rows.delete(conn, me, id)))
                .call(papers::forget).replaceWithVoid();
    }

    /**
     * The submission the draft describes: at the desk or by post where it was filled there; online in full when the
     * procedure allows it, else in part.
     */
    DossierRequests.Submission submission(DraftView d) {
        JsonObject data = d.data();
        Procedure.Version v = catalog.versionAt(d.procedureCode(), today());
        String channel = switch (Seat.of(data)) {
            case COUNTER -> Procedure.Channel.COUNTER.wire();
            case POSTAL -> Procedure.Channel.POSTAL.wire();
            case ONLINE -> v.channels().contains(Procedure.Channel.ONLINE_FULL) ? Procedure.Channel.ONLINE_FULL.wire()
                    : Procedure.Channel.ONLINE_PARTIAL.wire();
        };
        JsonObject a = data.getJsonObject("applicant", new JsonObject());
        JsonNode form = json.valueToTree(data.getJsonObject("form", new JsonObject()).getMap());
        return new DossierRequests.Submission(d.procedureCode(), data.getString("tenant"), data.getString("competentTenant"), channel,
                new DossierRequests.ApplicantInput(a.getString("fullName"), a.getString("citizenId"), a.getString("phone")),
                data.getString("relationship"), data.getString("returnChannel"), data.getString("deliveryAddress"), form, false,
                contact(data), null);
    }

    /** The contact choice of the notices page, as the submission takes it; {@code null} (the default) when never answered. */
    public static DossierRequests.Contact contact(JsonObject data) {
        if (!(data.getValue(CONTACT) instanceof JsonObject c)) {
            return null;
        }
        List<String> channels = new java.util.ArrayList<>();
        if (c.getValue("channels") instanceof io.vertx.core.json.JsonArray list) {
            list.forEach(o -> channels.add(String.valueOf(o)));
        }
        return new DossierRequests.Contact(c.getValue("email") instanceof String e ? e : null, channels,
                c.getValue("language") instanceof String l ? l : null);
    }

    private static JsonObject kept(JsonObject data) {
        JsonObject out = new JsonObject();
        if (data != null) {
            data.forEach(e -> {
                if (KEYS.contains(e.getKey())) {
                    out.put(e.getKey(), e.getValue());
                }
            });
        }
        return out;
    }

    private static DraftView view(DraftRows.Draft d) {
        return new DraftView(d.id(), d.procedureCode(), d.procedureVersion(), d.data(), d.updatedAt(), d.receiptCode());
    }

    private static LocalDate today() {
        return LocalDate.now(VietnameseLunarCalendar.VIETNAM);
    }
}
