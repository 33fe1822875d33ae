package vn.motcua.dossier.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Deadline arithmetic of a dossier on its tenant's working calendar: the due time and each step's share of it, what
 * is left when a supplement request stops the clock, and the new due times when it starts again.
 */
public final class Deadlines {

    /** How a dossier stands against its due time (trước hạn / đúng hạn / trễ hạn). */
    public enum Timeliness {
        EARLY, ON_TIME, LATE;

        @JsonValue
        public String wire() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** When the clock started, when the dossier is due, and each step's own due time (the last one is the dossier's). */
    public record Plan(OffsetDateTime clockStart, OffsetDateTime dueAt, List<OffsetDateTime> stepDues) {
    }

    private Deadlines() {
    }

    /** Shares the working time of {@code days} from a submission at {@code received} among the steps, in order. */
    public static Plan plan(WorkingCalendar calendar, OffsetDateTime received, BigDecimal days, List<BigDecimal> shares) {
        OffsetDateTime start = calendar.clockStart(received);
        return planFrom(calendar, start, calendar.minutes(days), shares);
    }

    /** As {@link #plan}, from a clock start that is already known, over {@code totalMinutes} working minutes. */
    public static Plan planFrom(WorkingCalendar calendar, OffsetDateTime start, long totalMinutes, List<BigDecimal> shares) {
        List<OffsetDateTime> dues = new ArrayList<>(shares.size());
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            cumulative = cumulative.add(shares.get(i));
            long minutes = i == shares.size() - 1 ? totalMinutes
                    : BigDecimal.valueOf(totalMinutes).multiply(cumulative.min(BigDecimal.ONE)).setScale(0, RoundingMode.HALF_UP).longValue();
            dues.add(calendar.dueAfterMinutes(start, minutes));
        }
        OffsetDateTime due = calendar.dueAfterMinutes(start, totalMinutes);
        return new Plan(start, due, List.copyOf(dues));
    }

    /**
     * The working minutes left until {@code due} when the clock stops at {@code now}; negative when already late. A
     * minute begun counts whole (from the start of {@code now}'s minute to the end of {@code due}'s), so that a clock
     * stopped and started again never brings the due time forward by the seconds it dropped.
     */
    public static long minutesLeft(WorkingCalendar calendar, OffsetDateTime now, OffsetDateTime due) {
        if (!now.isBefore(due)) {
            return calendar.workingMinutesBetween(now, due);
        }
        OffsetDateTime dueMinuteEnd = due.truncatedTo(ChronoUnit.MINUTES).equals(due) ? due
                : due.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        return calendar.workingMinutesBetween(now.truncatedTo(ChronoUnit.MINUTES), dueMinuteEnd);
    }

    /**
     * The due time when a paused clock starts again at {@code now} with {@code minutesLeft} working minutes: counted
     * from the next working moment. A dossier that was already late when it stopped keeps its old due time — the
     * pause never makes a late dossier look on time, nor an on-time one late.
     */
    public static OffsetDateTime resume(WorkingCalendar calendar, OffsetDateTime now, long minutesLeft, OffsetDateTime oldDue) {
        if (minutesLeft <= 0) {
            return oldDue;
        }
        return calendar.dueAfterMinutes(calendar.clockStart(now), minutesLeft);
    }

    /** Open: on time until the due time passes. Closed: early when closed on an earlier day than the due day. */
    public static Timeliness timeliness(OffsetDateTime due, OffsetDateTime closedAt, OffsetDateTime now, boolean paused) {
        if (closedAt == null) {
            return paused || !now.isAfter(due) ? Timeliness.ON_TIME : Timeliness.LATE;
        }
        if (closedAt.isAfter(due)) {
            return Timeliness.LATE;
        }
        return closedAt.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate()
                .isBefore(due.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate()) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }
}
