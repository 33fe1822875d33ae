package vn.motcua.dossier.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.motcua.tenant.LocalizedText;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.usecase.RatingView;

/** What the dossier API returns. */
public final class DossierViews {

    private DossierViews() {
    }

    /**
     * A whole dossier, for its applicant and for officers. Three offices: {@code tenant}, the one holding it now;
     * {@code receivedBy}, the desk that received it (its agency code is in the receipt code); {@code competentTenant},
     * the office competent for it, which differs from the receiving desk for a procedure received anywhere in the
     * province (Decree 118/2025/NĐ-CP). {@code rating}: the applicant's, once they rated it. {@code version}: send it back with an officer's action to
     * act only on the dossier as read (a concurrent change is then refused, 409 {@code concurrent-change}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DossierView(String receiptCode, String status, String procedure, LocalizedText procedureName,
            LocalDate procedureVersion, String channel, String tenant, LocalizedText tenantName, String receivedBy,
            LocalizedText receivedByName, String competentTenant, LocalizedText competentTenantName, Applicant applicant,
            String relationship, String returnChannel, long fee, BigDecimal processingDays,
            OffsetDateTime submittedAt, OffsetDateTime clockStart, OffsetDateTime dueAt, Deadlines.Timeliness timeliness,
            Long workingMinutesLeft, boolean clockStopped, String delayReason, OffsetDateTime appointmentAt, String outcome,
            OffsetDateTime closedAt, String parent, List<StepView> steps, List<String> allowedActions, List<PartView> parts,
            Map<String, Object> form, List<EventView> history, List<AttachmentView> attachments, RatingView rating, int version) {
    }

    public record Applicant(String fullName, String citizenId, String phone) {
    }

    /** One workflow step: who holds or held it, its own due time and how it ended against it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(int seq, String code, LocalizedText name, String role, String tenant, String holder,
            OffsetDateTime dueAt, OffsetDateTime startedAt, OffsetDateTime endedAt, Deadlines.Timeliness timeliness,
            boolean current) {
    }

    /** One agency's part of an interconnected dossier. */
    public record PartView(String receiptCode, String procedure, String agency, String tenant, String status,
            OffsetDateTime dueAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(OffsetDateTime at, String action, String from, String to, String by, String tenant,
            String reason, Map<String, Object> detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttachmentView(String id, int document, String fileName, String contentType, long sizeBytes,
            long storedBytes, String sha256, OffsetDateTime uploadedAt) {
    }

    /** A row of a tenant's work queue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueItem(String receiptCode, String procedure, String status, String applicantName,
            OffsetDateTime submittedAt, OffsetDateTime dueAt, long workingMinutesLeft, Deadlines.Timeliness timeliness,
            String step, String holder, boolean clockStopped) {
    }

    /** One page of the queue; {@code next} is the cursor of the following page, absent on the last. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueuePage(List<QueueItem> items, String next) {
    }

    /** The public look-up: enough to know where it stands, nothing personal. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LookupView(String receiptCode, String status, String statusText, LocalizedText procedure,
            LocalizedText step, LocalizedText office, OffsetDateTime stepDueAt, OffsetDateTime dueAt,
            OffsetDateTime submittedAt, OffsetDateTime closedAt, String delayReason, OffsetDateTime appointmentAt) {
    }

    /** An earlier dossier of the applicant, read under their consent ("once only"). */
    public record Reusable(String receiptCode, String procedure, String tenant, OffsetDateTime submittedAt, String status,
            java.util.Map<String, Object> form) {
    }
}
