package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;

import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;

/**
 * One dossier as a post office sees it (bưu điện): only what the counter and the postman need, no form, no
 * citizen ID number, no history.
 *
 * @param deliveryAddress where to deliver the result; only in the delivery list, until delivered
 */
public record PostalItem(String receiptCode, String status, String procedure, String tenant, String applicantName,
        String applicantPhone, String deliveryAddress, OffsetDateTime submittedAt, OffsetDateTime closedAt) {

    /**
     * What the office needs of the person, and only while it needs it: at intake, until the office it was handed to
     * has received it; on the round, until the result is delivered. After that the list keeps the code, the status
     * and the dates, for the counter's questions, and no longer the applicant's name, phone or address.
     */
    public static PostalItem of(Dossier d, boolean delivery) {
        boolean needed = delivery ? d.closedAt == null : d.status == DossierStatus.SUBMITTED;
        return new PostalItem(d.receiptCode, d.status.wire(), d.procedureCode, d.tenantId, needed ? d.applicantName : null,
                needed ? d.applicantPhone : null, delivery && needed ? d.deliveryAddress : null, d.submittedAt, d.closedAt);
    }
}
