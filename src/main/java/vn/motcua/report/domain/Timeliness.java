package vn.motcua.report.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How a returned dossier stands against its due time, as the service index counts it (Decision 766/QĐ-TTg, group
 * "progress and results"): the due time already carries the time a supplement request stopped the clock (it moved
 * when the clock restarted), so that time is deducted; but a second supplement request counts as late whatever the
 * clock says.
 */
public final class Timeliness {

    public static final String EARLY = "early";
    public static final String ON_TIME = "on-time";
    public static final String LATE = "late";

    /** Vietnam's offset: "before the due day" compares days there. */
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private Timeliness() {
    }

    /** Early, on time or late; null for a dossier not closed with a result (open, or refused). */
    public static String of(OffsetDateTime due, OffsetDateTime closedAt, String outcome, int supplements) {
        if (closedAt == null || outcome == null || "refused".equals(outcome)) {
            return null;
        }
        if (supplements >= 2 || closedAt.isAfter(due)) {
            return LATE;
        }
        return closedAt.atZoneSameInstant(VIETNAM).toLocalDate().isBefore(due.atZoneSameInstant(VIETNAM).toLocalDate()) ? EARLY : ON_TIME;
    }
}
