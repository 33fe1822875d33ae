package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** What clients send to the dossier API. */
public final class DossierRequests {

    private DossierRequests() {
    }

    /**
     * A submission (nộp hồ sơ).
     *
     * @param tenant        the receiving tenant (its one-stop desk): its agency code is in the receipt code
     * @param competentTenant the office competent for it from the applicant's ward or commune, which then holds and
     *                      works it; absent, {@code tenant} is. Another office than {@code tenant} only for a
     *                      procedure received anywhere in the province (Decree 118/2025/NĐ-CP), in the same province
     * @param channel       online-full, online-partial (citizens), counter (the desk), postal (a post office)
     * @param applicant     the person the dossier is for
     * @param relationship  {@code self} (default) or how the submitter is related to the applicant (e.g. {@code con})
     * @param returnChannel   how the result goes back: counter (default), post, online (full online only)
     * @param deliveryAddress where the post delivers the result (required with {@code returnChannel: post})
     * @param form            the procedure's form, filled
     * @param consentToReuse  the applicant (signed in through the national identity provider, for themselves) lets the
     *                        office working this dossier read their earlier dossiers, so as not to ask again
     * @param contact         how the applicant wants to hear about the dossier (optional): the receipt code and every
     *                        later notice go there (docs/notifications.md)
     * @param exemptions      at the counter only: the papers (by number in the procedure's list) not scanned, each with
     *                        its exemption of Circular 03/2025/TT-VPCP ({@code submitted-online}, {@code shown-only},
     *                        {@code agency-result}, {@code confidential}). A counter submission is received at once when
     *                        every required paper is exempt; otherwise it waits at the desk, submitted, for its scans
     */
    public record Submission(String procedure, String tenant, String competentTenant, String channel, ApplicantInput applicant,
            String relationship, String returnChannel, String deliveryAddress, JsonNode form, Boolean consentToReuse,
            Contact contact, java.util.Map<String, String> exemptions) {

        /** A submission without a contact choice: the notices go by SMS to the applicant's phone, and in the portal. */
        public Submission(String procedure, String tenant, String competentTenant, String channel, ApplicantInput applicant,
                String relationship, String returnChannel, String deliveryAddress, JsonNode form, Boolean consentToReuse) {
            this(procedure, tenant, competentTenant, channel, applicant, relationship, returnChannel, deliveryAddress, form,
                    consentToReuse, null, null);
        }

        /** A submission to the competent office's own desk, as before Decree 118/2025. */
        public Submission(String procedure, String tenant, String channel, ApplicantInput applicant, String relationship,
                String returnChannel, String deliveryAddress, JsonNode form, Boolean consentToReuse) {
            this(procedure, tenant, null, channel, applicant, relationship, returnChannel, deliveryAddress, form, consentToReuse);
        }
    }

    /**
     * The channels the applicant chose to be told on (kênh nhận thông báo), in their order of preference: {@code email},
     * {@code sms}, {@code zalo} (Zalo ZNS, to the applicant's phone), {@code in-app} (the portal, always on anyway).
     * A notice goes on the first that works; when one keeps failing, on the next.
     *
     * @param email    the address for {@code email}
     * @param channels the choice, in order; absent: SMS to the applicant's phone
     * @param language {@code vi} (default) or {@code en}
     */
    public record Contact(String email, java.util.List<String> channels, String language) {
    }

    public record ApplicantInput(String fullName, String citizenId, String phone) {
    }

    /**
     * The parameters of an officer's action; each action reads the ones it needs.
     *
     * @param reason      why (required to refuse, reject, forward, request a supplement, apologize)
     * @param assignee    the staff username to assign to (yourself when absent): a member of the tenant whose role
     *                    holds the current step, looked up in the staff directory
     * @param assigneeName ignored: the name recorded is the directory's, not the client's (kept so that older clients
     *                    sending it are not refused)
     * @param to          the tenant to forward to
     * @param channel     how the result was returned: counter, post, online
     * @param appointment the new appointment of an apology letter
     * @param form        corrected form data handed in with a supplement
     * @param version     the dossier's version the officer saw (optional): when it changed since, the action is refused
     *                    as a concurrent change instead of acting on a dossier they have not seen (two officers
     *                    assigning the same dossier at once: one wins, the other is told)
     */
    public record Action(String reason, String assignee, String assigneeName, String to, String channel,
            OffsetDateTime appointment, JsonNode form, Integer version) {

        /** An action on whatever the dossier is now. */
        public Action(String reason, String assignee, String assigneeName, String to, String channel, OffsetDateTime appointment,
                JsonNode form) {
            this(reason, assignee, assigneeName, to, channel, appointment, form, null);
        }
    }

    /** The applicant's answer to a supplement request: a note and, when asked, a corrected form. */
    public record Supplement(String note, JsonNode form) {
    }
}
