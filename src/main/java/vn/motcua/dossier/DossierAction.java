package vn.motcua.dossier;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import static vn.motcua.dossier.DossierStatus.*;

/**
 * What officers do to a dossier, from which states, and which staff roles may do it: the state machine in one
 * table. The applicant's answer to a supplement request is {@link #SUPPLEMENT}; it is not an officer's action.
 */
public enum DossierAction {
    RECEIVE("receive", EnumSet.of(SUBMITTED, FORWARDED), Set.of("receiver", "processor")),
    REFUSE("refuse", EnumSet.of(SUBMITTED), Set.of("receiver")),
    ASSIGN("assign", EnumSet.of(RECEIVED, IN_PROGRESS), Set.of("receiver", "processor", "approver")),
    REQUEST_SUPPLEMENT("request-supplement", EnumSet.of(RECEIVED, IN_PROGRESS, AWAITING_APPROVAL), Set.of("receiver", "processor", "approver")),
    FORWARD("forward", EnumSet.of(RECEIVED, IN_PROGRESS), Set.of("receiver", "processor", "approver")),
    PROPOSE("propose", EnumSet.of(IN_PROGRESS), Set.of("processor")),
    APPROVE("approve", EnumSet.of(AWAITING_APPROVAL), Set.of("approver")),
    REJECT("reject", EnumSet.of(AWAITING_APPROVAL), Set.of("approver")),
    MARK_RESULT_READY("mark-result-ready", EnumSet.of(APPROVED, REJECTED), Set.of("receiver", "processor")),
    RETURN("return", EnumSet.of(RESULT_READY), Set.of("receiver", "postal-clerk")),
    APOLOGIZE("apologize", EnumSet.of(RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, FORWARDED, AWAITING_APPROVAL, APPROVED, REJECTED, RESULT_READY),
            Set.of("receiver", "processor", "approver")),
    /** The applicant (or the desk on their behalf) hands in what was asked for. */
    SUPPLEMENT("supplement", EnumSet.of(SUPPLEMENT_REQUESTED), Set.of("receiver"));

    private final String wire;
    private final Set<DossierStatus> from;
    private final Set<String> roles;

    DossierAction(String wire, Set<DossierStatus> from, Set<String> roles) {
        this.wire = wire;
        this.from = from;
        this.roles = roles;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean allowedFrom(DossierStatus status) {
        return from.contains(status);
    }

    /** The officers' actions that the state allows (whoever may fire them). */
    public static List<DossierAction> allowedIn(DossierStatus status) {
        return java.util.Arrays.stream(values()).filter(a -> a != SUPPLEMENT && a.allowedFrom(status)).toList();
    }

    public static DossierAction of(String wire) {
        for (DossierAction a : values()) {
            if (a.wire.equals(wire)) {
                return a;
            }
        }
        return null;
    }
}
