package vn.motcua.dossier.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * The dossier aggregate (hồ sơ) as loaded for one command: its row and its steps. Commands change it in memory
 * ({@link DossierCommands}); {@link DossierRepository} writes it back in the same transaction, guarded by the row
 * lock and the version.
 */
public final class Dossier {

    public UUID id;
    public String receiptCode;
    public UUID parentId;
    public Integer partIndex;
    public String partAgency;
    /** The tenant whose desk received it; its agency code is in the receipt code. */
    public String receivedBy;
    /**
     * The office competent for it (cơ quan có thẩm quyền giải quyết) from the applicant's ward or commune, as submitted;
     * for a part, the office of its agency. The receiving one, unless the procedure is received anywhere in the
     * province (Decree 118/2025/NĐ-CP) and the desk of another office received it. Forwarding moves {@link #tenantId},
     * not this.
     */
    public String competentTenant;
    /** The tenant holding it now: the competent one, until it is forwarded. */
    public String tenantId;
    /** Every tenant that has held it. */
    public List<String> tenants = new ArrayList<>();
    public String procedureCode;
    public LocalDate procedureVersion;
    public String channel;
    public DossierStatus status;
    /** Who submitted it, as {@code <realm>:<subject>}. */
    public String submittedBy;
    public String submittedByName;
    /** The applicant's citizen account, when they have one (not when a relative or the desk submits for them). */
    public String applicantActor;
    public String applicantName;
    public String applicantId;
    public String applicantPhone;
    public String phoneKey;
    /** How the person who submitted is related to the applicant, when not the applicant ("self" otherwise). */
    public String relationship;
    public String returnChannel;
    /** The post office that took it in (bưu điện nhận), when it came by post. */
    public String intakeOffice;
    /** The post office that delivers the result, and where to, when it goes back by post. */
    public String deliveryOffice;
    public String deliveryAddress;
    /** When the applicant consented to the reuse of their earlier dossiers' data for this one, and as whom. */
    public java.time.OffsetDateTime reuseConsentAt;
    public String reuseConsentBy;
    public JsonObject form;
    public long fee;
    public BigDecimal processingDays;
    public String supplementClock;
    public OffsetDateTime submittedAt;
    public OffsetDateTime clockStart;
    public OffsetDateTime dueAt;
    public OffsetDateTime pausedAt;
    public Long minutesLeft;
    public Integer currentStep;
    public String outcome;
    public OffsetDateTime closedAt;
    public String delayReason;
    public OffsetDateTime appointmentAt;
    public String idempotencyKey;
    public String requestHash;
    public int version;
    public List<Step> steps = new ArrayList<>();

    /** One workflow step and who held it. */
    public static final class Step {
        public int seq;
        public String code;
        public String role;
        public BigDecimal share;
        public String tenantId;
        public String holderActor;
        public String holderName;
        public OffsetDateTime dueAt;
        public OffsetDateTime startedAt;
        public OffsetDateTime endedAt;
        public Long minutesLeft;

        public boolean open() {
            return endedAt == null;
        }
    }

    public boolean isPart() {
        return parentId != null;
    }

    public Optional<Step> current() {
        return currentStep == null ? Optional.empty() : steps.stream().filter(s -> s.seq == currentStep).findFirst();
    }

    /** The step after the current one, if any. */
    public Optional<Step> next() {
        return currentStep == null ? Optional.empty() : steps.stream().filter(s -> s.seq == currentStep + 1).findFirst();
    }

    /**
     * Lays out the workflow (quy trình): one step per procedure step, in order, each with its share of the time and
     * its due time from {@code plan}; the first one starts {@code now}. The one place steps are built, for a
     * submission and for the parts of an interconnected dossier.
     */
    public void laySteps(List<vn.motcua.catalog.Procedure.Step> workflow, List<BigDecimal> shares, Deadlines.Plan plan,
            OffsetDateTime now) {
        clockStart = plan.clockStart();
        dueAt = plan.dueAt();
        steps.clear();
        for (int i = 0; i < workflow.size(); i++) {
            Step s = new Step();
            s.seq = i + 1;
            s.code = workflow.get(i).code();
            s.role = workflow.get(i).role();
            s.share = shares.get(i);
            s.tenantId = tenantId;
            s.dueAt = plan.stepDues().get(i);
            steps.add(s);
        }
        currentStep = 1;
        steps.get(0).startedAt = now;
    }

    public boolean paused() {
        return status == DossierStatus.SUPPLEMENT_REQUESTED;
    }
}
