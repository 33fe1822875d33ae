package vn.motcua.dossier.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a dossier (hồ sơ) stands. The names on the wire are stable; the texts people read are in the bundle. */
public enum DossierStatus {
    /** Sent online or handed in at a post office; the one-stop desk has not received it yet. */
    SUBMITTED,
    /** Received by the one-stop desk (tiếp nhận); waiting for a specialist. */
    RECEIVED,
    /** Being processed (đang giải quyết). */
    IN_PROGRESS,
    /** Waiting for the applicant to supplement it (chờ bổ sung); the clock is stopped or will restart. */
    SUPPLEMENT_REQUESTED,
    /** Sent to another tenant or level (chuyển), which has not taken it up yet. */
    FORWARDED,
    /** Proposed to the leader for signature (trình ký). */
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    /** The desk refused to receive it (từ chối tiếp nhận), with a reason. Final. */
    REFUSED,
    /** The result is at the desk or ready to be sent. */
    RESULT_READY,
    /** The result reached the applicant (đã trả kết quả). Final. */
    RETURNED;

    @JsonValue
    public String wire() {
        return name().toLowerCase().replace('_', '-');
    }

    public static DossierStatus of(String wire) {
        return valueOf(wire.toUpperCase().replace('-', '_'));
    }

    /** The key of its words in the dossier's message bundle ({@code status_in_progress}, …). */
    public String messageKey() {
        return "status_" + name().toLowerCase();
    }

    public boolean closed() {
        return this == REFUSED || this == RETURNED;
    }
}
