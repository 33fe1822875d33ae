package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;

import vn.motcua.dossier.domain.Dossier;

/**
 * One dossier as a post office sees it (bưu điện): only what the counter and the postman need, no form, no
 * citizen ID number, no history.
 *
 * @param deliveryAddress where to deliver the result; only in the delivery list
 */
public record PostalItem(String receiptCode, String status, String procedure, String tenant, String applicantName,
        String applicantPhone, String deliveryAddress, OffsetDateTime submittedAt, OffsetDateTime closedAt) {

    public static PostalItem of(Dossier d, boolean delivery) {
        return new PostalItem(d.receiptCode, d.status.wire(), d.procedureCode, d.tenantId, d.applicantName, d.applicantPhone,
                delivery ? d.deliveryAddress : null, d.submittedAt, d.closedAt);
    }
}
