package vn.motcua.dossier.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a paper component of a dossier handed in on paper is not scanned at reception (miễn số hóa), the cases Circular
 * 03/2025/TT-VPCP allows. Every other required component is scanned and attached before the dossier is received.
 */
public enum Exemption {
    /** Already submitted online (đã nộp trực tuyến): the office holds it electronically. */
    SUBMITTED_ONLINE("submitted-online"),
    /** Shown for comparison only (chỉ xuất trình để đối chiếu): nothing is kept. */
    SHOWN_ONLY("shown-only"),
    /** A result from a participating agency (kết quả của cơ quan phối hợp): it comes electronically from that agency. */
    AGENCY_RESULT("agency-result"),
    /** Confidential (tài liệu mật): kept on paper only. */
    CONFIDENTIAL("confidential");

    private final String wire;

    Exemption(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<Exemption> of(String wire) {
        for (Exemption e : values()) {
            if (e.wire.equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether a dossier of this channel came in on paper, so that its components are digitized at reception. */
    public static boolean onPaper(String channel) {
        return "counter".equals(channel) || "postal".equals(channel);
    }
}
