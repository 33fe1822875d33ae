package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import vn.motcua.tenant.DeskSession;
import vn.motcua.tenant.LocalizedText;

/**
 * What the calendar files say, validated: the national calendar and each tenant's own additions.
 *
 * @param week        working sessions per weekday; a weekday that is absent is a weekly rest day
 * @param hoursPerDay working hours that make one working day (8: 7:00–11:30 and 13:30–17:00)
 * @param cutoff      submissions after this time count from the next working session; {@code null} for none
 * @param years       the decisions of each year
 */
public record CalendarData(Map<DayOfWeek, List<DeskSession>> week, Integer hoursPerDay, LocalTime cutoff,
        Map<Integer, Year> years) {

    /** A dated entry with its reason. */
    public record Dated(LocalDate date, LocalizedText reason) {
    }

    /**
     * One year's decisions.
     *
     * @param tetFrom             first day of the Tết holiday when it differs from the rule (the lunar year's last day
     *                            and the first four of the new one)
     * @param tetTo               last day of the Tết holiday, with {@code tetFrom}
     * @param nationalDayAdjacent the day next to 2 September that is off this year
     * @param daysOff             further days off (swapped days, closures of a tenant)
     * @param workingDays         weekend days worked instead (swaps, Saturday openings)
     */
    public record Year(LocalDate tetFrom, LocalDate tetTo, LocalDate nationalDayAdjacent, List<Dated> daysOff,
            List<Dated> workingDays) {
    }
}
