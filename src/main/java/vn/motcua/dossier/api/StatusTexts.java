package vn.motcua.dossier.api;

import vn.motcua.platform.i18n.Messages;
import vn.motcua.dossier.domain.DossierStatus;

/** Each status in plain words, for the look-up and the pages. */
public final class StatusTexts {

    private StatusTexts() {
    }

    public static String text(DossierStatus status, Messages m) {
        return switch (status) {
            case SUBMITTED -> m.status_submitted();
            case RECEIVED -> m.status_received();
            case IN_PROGRESS -> m.status_in_progress();
            case SUPPLEMENT_REQUESTED -> m.status_supplement_requested();
            case FORWARDED -> m.status_forwarded();
            case AWAITING_APPROVAL -> m.status_awaiting_approval();
            case APPROVED -> m.status_approved();
            case REJECTED -> m.status_rejected();
            case REFUSED -> m.status_refused();
            case RESULT_READY -> m.status_result_ready();
            case RETURNED -> m.status_returned();
        };
    }
}
