package vn.motcua.dossier.usecase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;
import vn.motcua.dossier.domain.CitizenId;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.FormValidator;
import vn.motcua.dossier.domain.PhoneNumbers;
import vn.motcua.dossier.domain.ReceiptCode;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.store.SubmissionWriter;

/**
 * The dossier's life: submission, officers' actions, the applicant's supplement, and the reads. Each command is one
 * transaction, opened by {@link ScopedTransactions} with the caller's scope, that locks the dossier, applies the
 * state machine ({@link DossierCommands}) and writes the dossier, its steps, a history row and the outbox rows
 * together. Online and postal submissions are the exception: they are written in groups by {@link SubmissionWriter}.
 */
@ApplicationScoped
public class DossierService {

    /** The result of a submission: the dossier, and whether this call created it (not an idempotent replay). */
    public record Submitted(Dossier dossier, boolean created) {
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final ScopedTransactions transactions;
    private final DossierRepository repository;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final TenantDirectory tenants;
    private final AccessPolicy policy;
    private final ObjectMapper json;
    private final SubmissionWriter writer;
    Clock clock = Clock.systemUTC();

    DossierService(ScopedTransactions transactions, DossierRepository repository, CatalogService catalog,
            CalendarService calendars, TenantDirectory tenants, AccessPolicy policy, ObjectMapper json, SubmissionWriter writer) {
        this.transactions = transactions;
        this.repository = repository;
        this.catalog = catalog;
        this.calendars = calendars;
        this.tenants = tenants;
        this.policy = policy;
        this.json = json;
        this.writer = writer;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- submission

    /**
     * Submits a dossier. Everything wrong with the request is reported at once (400 with every field); with an
     * idempotency key, a retry returns the first dossier and a different request under the same key is refused.
     */
    public Uni<Submitted> submit(Actor actor, DossierRequests.Submission request, String idempotencyKey, String remoteAddr) {
        return tenants.tree().chain(tree -> {
            OffsetDateTime now = now();
            Prepared p = prepare(actor, request, idempotencyKey, tree, now);
            return calendars.of(p.tenant.code()).chain(calendar -> {
                Dossier d = p.dossier;
                Deadlines.Plan plan = Deadlines.plan(calendar, now, d.processingDays, DossierCommands.shares(p.version.steps()));
                d.clockStart = plan.clockStart();
                d.dueAt = plan.dueAt();
                for (int i = 0; i < p.version.steps().size(); i++) {
                    Procedure.Step ps = p.version.steps().get(i);
                    Dossier.Step s = new Dossier.Step();
                    s.seq = i + 1;
                    s.code = ps.code();
                    s.role = ps.role();
                    s.share = ps.share();
                    s.tenantId = d.tenantId;
                    s.dueAt = plan.stepDues().get(i);
                    d.steps.add(s);
                }
                d.currentStep = 1;
                d.steps.get(0).startedAt = now;
                boolean atDesk = "counter".equals(d.channel);
                d.status = DossierStatus.SUBMITTED;
                DossierCommands.Effects effects = null;
                By by = by(actor, remoteAddr);
                if (atDesk) {
                    // At the counter the officer receives it as they enter it: the receive step ends now, by them.
                    effects = DossierCommands.apply(d, DossierAction.RECEIVE, DossierCommands.Input.none(), by.cmd(), now, calendar,
                            p.version.interconnected());
                }
                LocalDate day = now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate();
                DossierRepository.Event first = new DossierRepository.Event(d.id, d.tenantId, now, by.key(), by.name(), "submit",
                        null, DossierStatus.SUBMITTED, null, new JsonObject().put("channel", d.channel), by.remote());
                List<DossierRepository.Outbox> notices = new ArrayList<>();
                notices.add(new DossierRepository.Outbox(d.id, d.tenantId, "receipt", new JsonObject().put("channel", d.channel)));
                boolean hasParts = p.version.interconnected();
                DossierCommands.Effects received = effects;
                // Online and by post, a submission is a new row and nothing else: it is written with others that
                // arrive meanwhile. At the counter the desk also receives it (and creates its parts) at once.
                Uni<String> written = atDesk
                        ? transactions.onConnection(TenantScope.of(d.tenantId).as(by.key()),
                                conn -> repository.insert(conn, d, p.tenant.agencyCode(), day, first, notices)
                                        .invoke(code -> d.receiptCode = code)
                                        .call(code -> hasParts
                                                ? createParts(conn, d, p.version, tree, calendar, now).chain(() -> save(conn, d))
                                                : Uni.createFrom().voidItem())
                                        .call(code -> record(conn, d, received, by, now, "receive")))
                        : writer.write(new SubmissionWriter.Pending(d, p.tenant.agencyCode(), day, first, notices));
                return written.invoke(code -> d.receiptCode = code)
                        .map(code -> new Submitted(d, true))
                        .onFailure(DossierService::isIdempotencyClash)
                        .recoverWithUni(() -> replay(actor, idempotencyKey, d.requestHash));
            });
        });
    }

    private record Prepared(Dossier dossier, Tenant tenant, Procedure.Version version) {
    }

    /** Checks the whole request, collecting every error, and builds the dossier it describes. */
    private Prepared prepare(Actor actor, DossierRequests.Submission r, String idempotencyKey, TenantTree tree,
            OffsetDateTime now) {
        if (r == null) {
            throw DossierCommands.validation("body", FieldIssue.REQUIRED);
        }
        List<FieldError> errors = new ArrayList<>();
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
                phone = PhoneNumbers.parse(a.phone()).orElse(null);
                if (phone == null) {
                    errors.add(FieldError.of("applicant.phone", FieldIssue.PHONE));
                }
            }
        }
        String relationship = blank(r.relationship()) ? "self" : r.relationship().strip();
        if (relationship.length() > 50) {
            errors.add(FieldError.of("relationship", FieldIssue.TOO_LONG, 50));
        }
        String returnChannel = blank(r.returnChannel()) ? "counter" : r.returnChannel().strip();
        List<String> returns = channel == Procedure.Channel.ONLINE_FULL ? List.of("counter", "post", "online") : List.of("counter", "post");
        if (!returns.contains(returnChannel)) {
            errors.add(FieldError.of("returnChannel", FieldIssue.NOT_AN_OPTION, String.join(", ", returns)));
        }
        boolean consentToReuse = Boolean.TRUE.equals(r.consentToReuse());
        if (consentToReuse && (actor.isStaff() || actor.assurance() != Actor.Assurance.HIGH || !"self".equals(relationship))) {
            // Only the person themselves, identified by the registry, can let offices read their earlier dossiers.
            errors.add(FieldError.of("consentToReuse", FieldIssue.NEEDS_VERIFIED_IDENTITY));
        }
        String deliveryAddress = blank(r.deliveryAddress()) ? null : r.deliveryAddress().strip();
        if ("post".equals(returnChannel)) {
            if (deliveryAddress == null) {
                errors.add(FieldError.of("deliveryAddress", FieldIssue.REQUIRED));
            } else if (deliveryAddress.length() > 300) {
                errors.add(FieldError.of("deliveryAddress", FieldIssue.TOO_LONG, 300));
            } else if (tenant != null && tenant.postalOffices().isEmpty()) {
                errors.add(FieldError.of("returnChannel", FieldIssue.NO_POST_OFFICE));
            }
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            errors.add(FieldError.of("Idempotency-Key", FieldIssue.TOO_LONG, 100));
        }
        FormValidator.Result form = version == null ? null : FormValidator.validate(r.form(), version.form(), "form", today);
        if (form != null) {
            errors.addAll(form.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors, errors.size());
        }
        if (!version.offeredAt(tenant)) {
            throw new ProblemException(ProblemType.PROCEDURE_NOT_OFFERED, r.procedure(), tenant.name().vi());
        }
        checkMaySubmitAt(actor, channel, tenant, tree);
        Dossier d = new Dossier();
        d.id = UUID.randomUUID();
        d.receivedBy = tenant.code();
        d.tenantId = tenant.code();
        d.tenants.add(tenant.code());
        d.procedureCode = r.procedure();
        d.procedureVersion = version.effectiveFrom();
        d.channel = channel.wire();
        d.submittedBy = key(actor);
        d.submittedByName = actor.displayName();
        d.applicantActor = actor.isStaff() || !"self".equals(relationship) ? null : key(actor);
        d.applicantName = a.fullName().strip();
        d.applicantId = citizenId;
        d.applicantPhone = phone.display();
        d.phoneKey = phone.key();
        d.relationship = relationship;
        d.returnChannel = returnChannel;
        if (consentToReuse) {
            d.reuseConsentAt = now;
            d.reuseConsentBy = key(actor);
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
        Procedure.Channel ch = channel;
        d.fee = version.fees().stream().filter(f -> f.channel() == ch).mapToLong(Procedure.Fee::amount).findFirst().orElse(0);
        d.processingDays = version.processingDaysAt(tenant);
        d.supplementClock = version.supplement().wire();
        d.submittedAt = now;
        d.idempotencyKey = idempotencyKey;
        d.requestHash = idempotencyKey == null ? null : hash(r);
        return new Prepared(d, tenant, version);
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

    private static boolean isIdempotencyClash(Throwable t) {
        return t instanceof PgException pg && "23505".equals(pg.getSqlState()) && pg.getConstraint() != null
                && pg.getConstraint().equals("dossier_idempotency");
    }

    /** A retry of a submission that already succeeded: the same dossier if the request is the same, else a 422. */
    private Uni<Submitted> replay(Actor actor, String key, String requestHash) {
        return transactions.onConnection(TenantScope.none().as(key(actor)),
                conn -> repository.findByIdempotencyKey(conn, key(actor), key).chain(found -> {
                    Dossier d = found.orElseThrow(() -> new ProblemException(ProblemType.IDEMPOTENCY_CONFLICT, key));
                    if (!d.requestHash.equals(requestHash)) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_CONFLICT, key);
                    }
                    return repository.find(conn, d.receiptCode, false).map(x -> new Submitted(x.orElseThrow(), false));
                }));
    }

    private String hash(DossierRequests.Submission r) {
        try {
            // As maps, written with sorted keys: the same request always hashes the same, whatever its key order.
            byte[] canonical = CANONICAL.writeValueAsBytes(json.convertValue(r, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- interconnected parts

    /**
     * Creates one part per agency of an interconnected procedure (liên thông), under the parent's receipt. Each part
     * goes to the tenant of its level above or at the receiving one, and must be done by the time the parent's
     * return step starts; its steps share that window. The parent stays visible to every part's tenant.
     */
    private Uni<Void> createParts(SqlConnection conn, Dossier parent, Procedure.Version version, TenantTree tree,
            WorkingCalendar calendar, OffsetDateTime now) {
        List<Dossier> parts = new ArrayList<>();
        OffsetDateTime start = calendar.clockStart(now);
        Dossier.Step last = parent.steps.get(parent.steps.size() - 1);
        OffsetDateTime windowEnd = parent.steps.size() > 1 ? parent.steps.get(parent.steps.size() - 2).dueAt : last.dueAt;
        long window = Math.max(60, calendar.workingMinutesBetween(start, windowEnd));
        int index = 0;
        for (Procedure.Part part : version.parts()) {
            index++;
            Procedure.Version pv = catalog.versionAt(part.procedure(), parent.submittedAt.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate());
            Tenant at = agencyTenant(tree, parent.receivedBy, part.level());
            List<Procedure.Step> steps = pv.steps().stream().filter(s -> !"receiver".equals(s.role())).toList();
            if (steps.isEmpty()) {
                steps = pv.steps();
            }
            BigDecimal total = steps.stream().map(Procedure.Step::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BigDecimal> shares = steps.stream().map(s -> s.share().divide(total, 6, RoundingMode.HALF_UP)).toList();
            Deadlines.Plan plan = Deadlines.planFrom(calendar, start, window, shares);
            Dossier c = new Dossier();
            c.id = UUID.randomUUID();
            c.receiptCode = ReceiptCode.part(parent.receiptCode, index);
            c.parentId = parent.id;
            c.partIndex = index;
            c.partAgency = part.agency();
            c.receivedBy = parent.receivedBy;
            c.tenantId = at.code();
            c.tenants.add(at.code());
            if (!c.tenants.contains(parent.receivedBy)) {
                c.tenants.add(parent.receivedBy);
            }
            if (!parent.tenants.contains(at.code())) {
                parent.tenants.add(at.code());
            }
            c.procedureCode = part.procedure();
            c.procedureVersion = pv.effectiveFrom();
            c.channel = parent.channel;
            c.status = DossierStatus.RECEIVED;
            c.submittedBy = parent.submittedBy;
            c.submittedByName = parent.submittedByName;
            c.applicantActor = parent.applicantActor;
            c.applicantName = parent.applicantName;
            c.applicantId = parent.applicantId;
            c.applicantPhone = parent.applicantPhone;
            c.relationship = parent.relationship;
            c.returnChannel = parent.returnChannel;
            c.form = parent.form;
            c.fee = 0;
            c.processingDays = BigDecimal.valueOf(window).divide(BigDecimal.valueOf(calendar.minutes(BigDecimal.ONE)), 2, RoundingMode.HALF_UP);
            c.supplementClock = pv.supplement().wire();
            c.submittedAt = now;
            c.clockStart = plan.clockStart();
            c.dueAt = plan.dueAt();
            for (int i = 0; i < steps.size(); i++) {
                Dossier.Step s = new Dossier.Step();
                s.seq = i + 1;
                s.code = steps.get(i).code();
                s.role = steps.get(i).role();
                s.share = shares.get(i).setScale(3, RoundingMode.HALF_UP);
                s.tenantId = c.tenantId;
                s.dueAt = plan.stepDues().get(i);
                c.steps.add(s);
            }
            c.currentStep = 1;
            c.steps.get(0).startedAt = now;
            parts.add(c);
        }
        // The agencies of one interconnected dossier see each other's parts, so that each can follow the whole.
        for (Dossier c : parts) {
            for (String t : parent.tenants) {
                if (!c.tenants.contains(t)) {
                    c.tenants.add(t);
                }
            }
        }
        List<DossierRepository.Event> created = parts.stream().map(c -> new DossierRepository.Event(c.id, c.tenantId, now,
                "system:motcua", null, "part-created", null, c.status, null, new JsonObject().put("parent", parent.receiptCode))).toList();
        return repository.insertParts(conn, parts).chain(() -> DossierRepository.insertEvents(conn, created)).replaceWithVoid();
    }

    /** The tenant at {@code level} at or above {@code receiving}, or the receiving tenant when the tree has none. */
    static Tenant agencyTenant(TenantTree tree, String receiving, String level) {
        Tenant self = tree.find(receiving).orElseThrow();
        if (self.level().equals(level)) {
            return self;
        }
        List<Tenant> up = new ArrayList<>(tree.ancestors(receiving));
        java.util.Collections.reverse(up);
        return up.stream().filter(t -> t.level().equals(level)).findFirst().orElse(self);
    }

    /**
     * The parent of an interconnected dossier follows its parts: result ready when every part's result is, waiting
     * for a supplement when any part is, in progress otherwise.
     */
    private Uni<Void> deriveParent(SqlConnection conn, UUID parentId, By by, OffsetDateTime now) {
        return repository.parts(conn, parentId, false).chain(parts -> repository.findById(conn, parentId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Dossier p = found.get();
            DossierStatus before = p.status;
            if (before.closed() || before == DossierStatus.RESULT_READY) {
                return Uni.createFrom().voidItem();
            }
            boolean allDone = parts.stream().allMatch(c -> c.status == DossierStatus.RESULT_READY || c.status == DossierStatus.RETURNED);
            if (allDone) {
                Dossier.Step ret = p.steps.get(p.steps.size() - 1);
                for (Dossier.Step s : p.steps) {
                    if (s != ret && s.open()) {
                        s.endedAt = now;
                        if (s.startedAt == null) {
                            s.startedAt = now;
                        }
                    }
                }
                ret.startedAt = now;
                p.currentStep = ret.seq;
                p.status = DossierStatus.RESULT_READY;
                boolean allApproved = parts.stream().allMatch(c -> "approved".equals(c.outcome));
                boolean noneApproved = parts.stream().noneMatch(c -> "approved".equals(c.outcome));
                p.outcome = allApproved ? "approved" : noneApproved ? "rejected" : "partly-approved";
            } else if (parts.stream().anyMatch(c -> c.status == DossierStatus.SUPPLEMENT_REQUESTED)) {
                p.status = DossierStatus.SUPPLEMENT_REQUESTED;
            } else {
                p.status = DossierStatus.IN_PROGRESS;
            }
            if (p.status == before) {
                return Uni.createFrom().voidItem();
            }
            DossierCommands.Effects effects = new DossierCommands.Effects(before, "parts-" + p.status.wire(), null, null,
                    p.status == DossierStatus.RESULT_READY ? List.of("result-ready") : List.of());
            return save(conn, p).chain(() -> record(conn, p, effects, by, now, effects.action()));
        }));
    }

    // ---------------------------------------------------------------- commands

    /**
     * An officer's action on a dossier their tenant holds. Supervisors (who only read below them) may not act; an
     * unknown or invisible dossier is a 404, whether it exists elsewhere or not.
     */
    public Uni<Dossier> act(Actor actor, String tenant, String receiptCode, DossierAction action, DossierRequests.Action request,
            String remoteAddr) {
        return policy.authorize(actor, action.permission(), tenant)
                .chain(access -> Uni.combine().all().unis(calendars.of(tenant), tenants.tree()).asTuple())
                .chain(ct -> {
            WorkingCalendar calendar = ct.getItem1();
            TenantTree tree = ct.getItem2();
            DossierRequests.Action r = request == null ? new DossierRequests.Action(null, null, null, null, null, null, null) : request;
            OffsetDateTime now = now();
            By by = new By(key(actor), actor.displayName(), tenant, remoteAddr);
            if (action == DossierAction.FORWARD && r.to() != null && !r.to().isBlank() && tree.find(r.to()).isEmpty()) {
                throw DossierCommands.validation("to", FieldIssue.NOT_A_TENANT);
            }
            return transactions.onConnection(policy.actScope(actor).as(by.key()), conn -> load(conn, receiptCode)
                    .chain(d -> {
                        if (!d.tenants.contains(tenant)) {
                            // Held by another of the actor's tenants, never by this one: not here.
                            throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode);
                        }
                        if (!d.tenantId.equals(tenant)) {
                            // Visible here (it was forwarded from here) but held elsewhere: nothing to do here.
                            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), action.wire(), "—")
                                    .with("state", d.status.wire()).with("allowedActions", List.of()).with("heldBy", d.tenantId);
                        }
                        Procedure.Version version = catalog.versionAt(d.procedureCode, d.procedureVersion);
                        boolean hasParts = !d.isPart() && version.interconnected();
                        JsonObject form = null;
                        if (action == DossierAction.SUPPLEMENT && r.form() != null) {
                            form = validForm(r.form(), version, now);
                        }
                        DossierCommands.Input in = new DossierCommands.Input(r.reason(), r.assignee(), r.assigneeName(), r.to(),
                                r.channel(), r.appointment(), form);
                        return command(conn, d, action, in, by, now, calendar, tree, version, hasParts);
                    }));
        });
    }

    /** The applicant's (or their submitter's) answer to a supplement request: the clock starts again. */
    public Uni<Dossier> supplement(Actor actor, String receiptCode, DossierRequests.Supplement request, String remoteAddr) {
        policy.authorizeSelf(actor, Permission.SUPPLEMENT_OWN);
        By by = by(actor, remoteAddr);
        return tenants.tree().chain(tree -> transactions.onConnection(TenantScope.none().as(by.key()), conn -> load(conn, receiptCode)
                .chain(d -> {
                    if (!by.key().equals(d.submittedBy) && !by.key().equals(d.applicantActor)) {
                        throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode);
                    }
                    OffsetDateTime now = now();
                    Procedure.Version version = catalog.versionAt(d.procedureCode, d.procedureVersion);
                    JsonObject form = request != null && request.form() != null ? validForm(request.form(), version, now) : null;
                    String note = request == null ? null : request.note();
                    return widen(conn, d, by).chain(() -> calendars.of(d.tenantId)).chain(calendar -> {
                        boolean hasParts = !d.isPart() && version.interconnected();
                        DossierCommands.Input in = new DossierCommands.Input(note, null, null, null, null, null, form);
                        if (hasParts && d.status == DossierStatus.SUPPLEMENT_REQUESTED) {
                            return resumeParts(conn, d, in, by, now, calendar, tree).replaceWith(d)
                                    .chain(() -> load(conn, receiptCode));
                        }
                        return command(conn, d, DossierAction.SUPPLEMENT, in, by, now, calendar, tree, version, hasParts);
                    });
                })));
    }

    /** The applicant acts on a dossier of tenants outside their (empty) scope: add the dossier's own tenants. */
    private Uni<Void> widen(SqlConnection conn, Dossier d, By by) {
        return ScopedTransactions.widen(conn, TenantScope.of(d.tenants.toArray(String[]::new)));
    }

    private Uni<Void> resumeParts(SqlConnection conn, Dossier parent, DossierCommands.Input in, By by, OffsetDateTime now,
            WorkingCalendar calendar, TenantTree tree) {
        return repository.parts(conn, parent.id, true).chain(parts -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Dossier c : parts) {
                if (c.status == DossierStatus.SUPPLEMENT_REQUESTED) {
                    chain = chain.chain(() -> command(conn, c, DossierAction.SUPPLEMENT, in, by, now, calendar, tree,
                            catalog.versionAt(c.procedureCode, c.procedureVersion), false).replaceWithVoid());
                }
            }
            return chain;
        });
    }

    private Uni<Dossier> command(SqlConnection conn, Dossier d, DossierAction action, DossierCommands.Input in, By by,
            OffsetDateTime now, WorkingCalendar calendar, TenantTree tree, Procedure.Version version, boolean hasParts) {
        DossierCommands.Effects effects = DossierCommands.apply(d, action, in, by.cmd(), now, calendar, hasParts);
        Uni<Void> parts = Uni.createFrom().voidItem();
        if (hasParts && action == DossierAction.RECEIVE && effects.from() == DossierStatus.SUBMITTED) {
            parts = createParts(conn, d, version, tree, calendar, now);
        } else if (hasParts && action == DossierAction.RETURN) {
            parts = closeParts(conn, d, by, now);
        }
        return parts.chain(() -> save(conn, d))
                .chain(() -> record(conn, d, effects, by, now, effects.action()))
                .chain(() -> d.isPart() ? deriveParent(conn, d.parentId, by, now) : Uni.createFrom().voidItem())
                .replaceWith(d);
    }

    /** The parent's result went back to the applicant: its parts are done too. */
    private Uni<Void> closeParts(SqlConnection conn, Dossier parent, By by, OffsetDateTime now) {
        return repository.parts(conn, parent.id, true).chain(parts -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Dossier c : parts) {
                if (!c.status.closed()) {
                    DossierStatus before = c.status;
                    c.status = DossierStatus.RETURNED;
                    c.closedAt = now;
                    c.currentStep = null;
                    DossierCommands.Effects e = new DossierCommands.Effects(before, "returned-with-parent", null, null, List.of());
                    chain = chain.chain(() -> save(conn, c)).chain(() -> record(conn, c, e, by, now, e.action()));
                }
            }
            return chain;
        });
    }

    private Uni<Void> save(SqlConnection conn, Dossier d) {
        return repository.update(conn, d).invoke(ok -> {
            if (!ok) {
                throw new ProblemException(ProblemType.CONCURRENT_CHANGE, d.receiptCode);
            }
        }).invoke(() -> d.version++).replaceWithVoid();
    }

    private Uni<Void> record(SqlConnection conn, Dossier d, DossierCommands.Effects e, By by, OffsetDateTime now, String action) {
        String tenant = by.tenant() != null ? by.tenant() : d.tenantId;
        DossierRepository.Event event = new DossierRepository.Event(d.id, tenant, now, by.key(), by.name(), action, e.from(),
                d.status, e.reason(), e.detail(), by.remote());
        List<DossierRepository.Outbox> notices = e.notices().stream().map(kind -> new DossierRepository.Outbox(d.id, tenant, kind,
                new JsonObject().put("reason", e.reason()).put("detail", e.detail()))).toList();
        return Uni.combine().all().unis(repository.insertEvent(conn, event), repository.insertOutbox(conn, notices)).discardItems();
    }

    private JsonObject validForm(JsonNode form, Procedure.Version version, OffsetDateTime now) {
        FormValidator.Result result = FormValidator.validate(form, version.form(), "form",
                now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate());
        if (!result.valid()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, result.errors(), result.errors().size());
        }
        return new JsonObject(json.convertValue(result.form(), java.util.Map.class));
    }

    private Uni<Dossier> load(SqlConnection conn, String receiptCode) {
        return repository.find(conn, receiptCode, true)
                .map(found -> found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode)));
    }

    // ---------------------------------------------------------------- once only

    /**
     * The applicant's earlier dossiers, at any office, for the office working {@code receiptCode}: only with the
     * applicant's consent on that dossier (403 otherwise), checked here and again by the database function that reads
     * across offices. The caller logs the read.
     */
    public Uni<Reuse> reusable(Actor actor, String tenant, String receiptCode) {
        return policy.authorize(actor, Permission.REUSE_PRIOR_DATA, tenant).chain(access -> transactions.onConnection(
                policy.actScope(actor).as(key(actor)), conn -> repository.find(conn, receiptCode, false).chain(found -> {
                    // The office holding it now; an office that forwarded it keeps its view, not this.
                    Dossier d = found.filter(x -> x.tenantId.equals(tenant))
                            .orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode));
                    if (d.reuseConsentAt == null) {
                        throw new ProblemException(ProblemType.CONSENT_REQUIRED, receiptCode);
                    }
                    return repository.reusable(conn, d.id).map(list -> new Reuse(d, list));
                })));
    }

    /** A consented dossier and what its applicant's earlier dossiers hold. */
    public record Reuse(Dossier dossier, List<DossierRepository.Reusable> earlier) {
    }

    // ---------------------------------------------------------------- post offices

    /**
     * The dossiers a post office took in ({@code delivery} false) or must deliver (true), newest first, before
     * {@code before}. Row-level security shows the clerk only their office's, through {@code app.offices}.
     */
    public Uni<List<Dossier>> ofPostOffice(Actor actor, String office, boolean delivery, OffsetDateTime before, int limit) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_LIST, office, tree);
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(key(actor)),
                    conn -> repository.ofPostOffice(conn, office, delivery, before == null ? now().plusDays(1) : before, limit));
        });
    }

    /**
     * The post hands the result to the applicant (phát trả kết quả): the return, by post, by the office that was to
     * deliver it. The office's scope finds the dossier; the write then runs in the dossier's own tenants' scope.
     */
    public Uni<Dossier> deliver(Actor actor, String office, String receiptCode, String note, String remoteAddr) {
        return tenants.tree().chain(tree -> {
            policy.authorizeOffice(actor, Permission.POSTAL_DELIVER, office, tree);
            By by = new By(key(actor), actor.displayName(), null, remoteAddr);
            OffsetDateTime now = now();
            return transactions.onConnection(TenantScope.none().withOffices(Set.of(office)).as(by.key()), conn -> load(conn, receiptCode)
                    .chain(d -> {
                        if (!office.equals(d.deliveryOffice)) {
                            // Taken in here, perhaps, but not this office's to deliver.
                            throw new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode);
                        }
                        Procedure.Version version = catalog.versionAt(d.procedureCode, d.procedureVersion);
                        boolean hasParts = !d.isPart() && version.interconnected();
                        DossierCommands.Input in = new DossierCommands.Input(note, null, null, null, "post", null, null);
                        return widen(conn, d, by).chain(() -> calendars.of(d.tenantId))
                                .chain(calendar -> command(conn, d, DossierAction.RETURN, in, by, now, calendar, tree, version, hasParts));
                    }));
        });
    }

    // ---------------------------------------------------------------- reads

    /** What a reader sees of one dossier: with its history and its parts. */
    public record Read(Dossier dossier, List<DossierRepository.Event> history, List<Dossier> parts, Dossier parent,
            List<AttachmentRecord> attachments) {
    }

    /** A dossier its applicant or an officer who may see it reads; 404 for anyone else. */
    public Uni<Read> read(Actor actor, String receiptCode) {
        return tenants.tree().chain(tree -> {
            TenantScope scope = (actor.isStaff() ? policy.readScope(actor, tree) : TenantScope.none()).as(key(actor));
            return transactions.onConnection(scope, conn -> repository.find(conn, receiptCode, false).chain(found -> {
                Dossier d = found.orElseThrow(() -> new ProblemException(ProblemType.DOSSIER_NOT_FOUND, receiptCode));
                Uni<List<DossierRepository.Event>> history = repository.history(conn, d.id);
                Uni<List<Dossier>> parts = repository.parts(conn, d.id, false);
                Uni<Optional<Dossier>> parent = d.parentId == null ? Uni.createFrom().item(Optional.empty()) : repository.findById(conn, d.parentId);
                Uni<List<AttachmentRecord>> files = repository.attachments(conn, d.id);
                return Uni.combine().all().unis(history, parts, parent, files)
                        .with((h, p, up, f) -> new Read(d, h, p, up.orElse(null), f));
            }));
        });
    }

    /** The dossiers a citizen submitted or that name them. */
    public Uni<List<Dossier>> mine(Actor actor, int limit) {
        return transactions.onConnection(TenantScope.none().as(key(actor)), conn -> repository.mine(conn, key(actor), limit));
    }

    /** A page of a tenant's open dossiers, for its officers and those who supervise it. */
    public Uni<List<DossierRepository.QueueRow>> queue(Actor actor, String tenant, DossierStatus status, OffsetDateTime dueBefore,
            OffsetDateTime afterDue, UUID afterId, int limit) {
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> tenants.tree()).chain(tree -> transactions.onConnection(
                policy.readScope(actor, tree).narrowTo(tenant).as(key(actor)),
                conn -> repository.queue(conn, tenant, status, dueBefore, afterDue, afterId, limit)));
    }

    /** The public look-up by the receipt code's look-up key ({@link ReceiptCode#lookupKey}) and the phone's key. */
    public Uni<Optional<DossierRepository.LookupRow>> lookup(String codeKey, String phoneKey) {
        return transactions.onConnection(TenantScope.none(), conn -> repository.lookup(conn, codeKey, phoneKey));
    }

    // ---------------------------------------------------------------- helpers

    /** The history's name for an actor: {@code <realm>:<subject>}. */
    public static String key(Actor actor) {
        return actor.realm().id() + ":" + actor.subject();
    }

    /** Who acts, and for which tenant (an officer's path tenant; none for the applicant). */
    /** Who acts, for which tenant, and from which address. */
    private record By(String key, String name, String tenant, String remote) {
        DossierCommands.By cmd() {
            return new DossierCommands.By(key, name);
        }
    }

    private static By by(Actor actor, String remoteAddr) {
        return new By(key(actor), actor.displayName(), null, remoteAddr);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
