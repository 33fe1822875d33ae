package vn.motcua.dossier.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import vn.motcua.identity.Permission;

import static vn.motcua.dossier.domain.DossierStatus.*;

/**
 * What officers do to a dossier and from which states: the state machine in one table. Who may do it is the role
 * matrix's ({@link Permission}). The applicant's answer to a supplement request is {@link #SUPPLEMENT}; it is not an officer's action.
 */
public enum DossierAction {
    RECEIVE("receive", EnumSet.of(SUBMITTED, FORWARDED), Permission.RECEIVE),
    REFUSE("refuse", EnumSet.of(SUBMITTED), Permission.REFUSE),
    ASSIGN("assign", EnumSet.of(RECEIVED, IN_PROGRESS), Permission.ASSIGN),
    REQUEST_SUPPLEMENT("request-supplement", EnumSet.of(RECEIVED, IN_PROGRESS, AWAITING_APPROVAL), Permission.REQUEST_SUPPLEMENT),
    FORWARD("forward", EnumSet.of(RECEIVED, IN_PROGRESS), Permission.FORWARD),
    PROPOSE("propose", EnumSet.of(IN_PROGRESS), Permission.PROPOSE),
    APPROVE("approve", EnumSet.of(AWAITING_APPROVAL), Permission.APPROVE),
    REJECT("reject", EnumSet.of(AWAITING_APPROVAL), Permission.REJECT),
    MARK_RESULT_READY("mark-result-ready", EnumSet.of(APPROVED, REJECTED), Permission.MARK_RESULT_READY),
    RETURN("return", EnumSet.of(RESULT_READY), Permission.RETURN),
    APOLOGIZE("apologize", EnumSet.of(RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, FORWARDED, AWAITING_APPROVAL, APPROVED, REJECTED, RESULT_READY), Permission.APOLOGIZE),
    /** The applicant (or the desk on their behalf) hands in what was asked for. */
    SUPPLEMENT("supplement", EnumSet.of(SUPPLEMENT_REQUESTED), Permission.SUPPLEMENT_AT_DESK);

    private final String wire;
    private final Set<DossierStatus> from;
    private final Permission permission;

    DossierAction(String wire, Set<DossierStatus> from, Permission permission) {
        this.wire = wire;
        this.from = from;
        this.permission = permission;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Who may fire it, and where: the role matrix's entry. */
    public Permission permission() {
        return permission;
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
