package vn.motcua.report.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The service index's figures (chỉ số phục vụ, Decision 766/QĐ-TTg) of one unit and its units below it over a period,
 * as counted from the report rows: what was received that period, and what was closed in it. Pure: shares and rates
 * are derived here, never stored.
 *
 * @param tenant          the unit (its code), or the one asked for in a total
 * @param received        dossiers received (tiếp nhận) in the period; a "3 in 1" dossier counts once
 * @param online          of those, submitted online (wholly or partly: toàn trình, một phần)
 * @param paper           of those, handed in on paper (counter, post)
 * @param digitized       of the paper ones, digitized at reception (each paper scanned or exempt, Circular 03/2025)
 * @param reused          of those received, with the applicant's consent to reuse earlier data (once only)
 * @param withFee         of those received, with a fee to pay
 * @param paidOnline      of those with a fee, paid online
 * @param supplements     supplement requests made on the dossiers received
 * @param decided         dossiers closed with a result in the period (returned), the base of the on-time rate
 * @param early           of those, returned before the due day (trước hạn)
 * @param onTime          of those, returned on the due day, by the due time (đúng hạn)
 * @param late            of those, returned after the due time or after a second supplement request (trễ hạn)
 * @param refused         dossiers refused (từ chối tiếp nhận) in the period
 * @param meanDays        mean processing time of the decided ones, in working days; null with none
 * @param p90Days         the 90th percentile of the same; null with none
 * @param ratings         ratings of the dossiers decided in the period
 * @param meanRating      their mean (1 to 5); null with none
 */
public record Figures(String tenant, long received, long online, long paper, long digitized, long reused, long withFee, long paidOnline,
        long supplements, long decided, long early, long onTime, long late, long refused, Double meanDays, Double p90Days, long ratings,
        Double meanRating) {

    /** Returned early or on time, of those decided: 1 with none decided (nothing was late). */
    @JsonProperty
    public double onTimeRate() {
        return share(early + onTime, decided);
    }

    @JsonProperty
    public double onlineShare() {
        return share(online, received);
    }

    @JsonProperty
    public double digitizedShare() {
        return share(digitized, paper);
    }

    @JsonProperty
    public double reuseShare() {
        return share(reused, received);
    }

    @JsonProperty
    public double onlinePaymentShare() {
        return share(paidOnline, withFee);
    }

    /** Satisfaction as a share: the mean rating over 5; 1 with no rating. */
    @JsonProperty
    public double satisfaction() {
        return meanRating == null ? 1.0 : meanRating / 5.0;
    }

    static double share(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
