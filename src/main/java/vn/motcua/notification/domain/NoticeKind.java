package vn.motcua.notification.domain;

import java.util.List;
import java.util.Optional;

/**
 * The events a notice is sent for, by the outbox {@code kind} the dossier's commands write (DossierCommands, the
 * submission) and the alert scan writes ({@code nearly-late}). Each carries the prefix of its words in the notice
 * bundle: {@code <key>_subject}, {@code <key>_body}, {@code <key>_sms}.
 */
public enum NoticeKind {
    /** The receipt (biên nhận): the dossier is in, with its receipt code. */
    RECEIPT("receipt"),
    /** The desk received it (tiếp nhận) after checking it. */
    RECEIVED("received"),
    /** The desk refused to receive it (từ chối tiếp nhận), with the reason. */
    REFUSED("refused"),
    /** The office asks for a supplement (yêu cầu bổ sung): the clock stops until the citizen answers. */
    SUPPLEMENT_REQUESTED("supplement-requested"),
    /** The supplement was handed in: the clock runs again. */
    SUPPLEMENTED("supplemented"),
    /** Sent on to another office or level (chuyển xử lý). */
    FORWARDED("forwarded"),
    /** The result is ready (có kết quả): come for it, or it comes by post. */
    RESULT_READY("result-ready"),
    /** The result was handed over (đã trả kết quả): delivered. */
    RETURNED("returned"),
    /** Late, with an apology and a new appointment (xin lỗi và hẹn lại). */
    APOLOGY("apology"),
    /** To the officers: a step is nearly due (sắp đến hạn). */
    NEARLY_LATE("nearly-late");

    private final String wire;

    NoticeKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The prefix of its words in the notice bundle. */
    public String key() {
        return wire.replace('-', '_');
    }

    public boolean toCitizen() {
        return this != NEARLY_LATE;
    }

    public static Optional<NoticeKind> parse(String wire) {
        for (NoticeKind k : values()) {
            if (k.wire.equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The outbox kinds the relay sends; others (the national portal's {@code rating}) wait for their own adapter. */
    public static List<String> wires() {
        return java.util.Arrays.stream(values()).map(NoticeKind::wire).toList();
    }
}
