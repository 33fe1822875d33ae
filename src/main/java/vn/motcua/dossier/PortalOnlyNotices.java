package vn.motcua.dossier;

import io.vertx.core.json.JsonObject;

/**
 * Whether a citizen hears of their dossier in the portal only (thông báo trên Cổng: no e-mail, SMS or Zalo), from the
 * contact a submission records and the applicant's phone. The notification feature, above this one, decides it with
 * the same rule as its relay. When it is so, a submission writes its receipt notice itself, in the transaction that
 * writes the dossier, and the outbox row is born sent: at a morning's peak the relay's round for such a row (lock it,
 * write the notice, mark it sent: one more transaction and three more writes) was a third of the database's work per
 * submission (issue 20, docs/benchmarks.md). Without an implementation every notice goes through the relay.
 */
public interface PortalOnlyNotices {

    /**
     * @param contact        the submission's contact choice as recorded on its receipt row ({@code email, channels,
     *                       language}), or null when none was made
     * @param applicantPhone the applicant's phone as the dossier keeps it, or null
     */
    boolean portalOnly(JsonObject contact, String applicantPhone);
}
