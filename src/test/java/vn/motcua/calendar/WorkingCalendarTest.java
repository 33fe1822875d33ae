package vn.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.support.Demo;

/** The working calendar over the real national file: holidays, swaps, and due times. */
class WorkingCalendarTest {

    static final CalendarFiles.Book BOOK = CalendarFiles.load(Path.of("tenants/calendars"));
    static final WorkingCalendar NATIONAL = new WorkingCalendar(BOOK.national(), List.of());
    static final WorkingCalendar SATURDAY_DESK = new WorkingCalendar(BOOK.national(), List.of(BOOK.local().get(Demo.WARD)));
    static final WorkingCalendar SOC_SON = new WorkingCalendar(BOOK.national(), List.of(BOOK.local().get(Demo.RURAL_DISTRICT)));

    static OffsetDateTime vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }

    @Test
    void theHolidaysOf2026FollowTheRules() {
        List<LocalDate> off = NATIONAL.nonWorkingDays(2026).stream()
                .filter(d -> d.kind() != DayOff.Kind.WEEKEND).map(DayOff::date).toList();
        assertEquals(List.of(
                LocalDate.parse("2026-01-01"),
                // Tết Bính Ngọ: the lunar year's last day (16 February) and the first four days of the new one.
                LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17"), LocalDate.parse("2026-02-18"),
                LocalDate.parse("2026-02-19"), LocalDate.parse("2026-02-20"),
                // Hùng Kings' day falls on Sunday 26 April: the day in lieu is Monday 27 April.
                LocalDate.parse("2026-04-26"), LocalDate.parse("2026-04-27"),
                LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01"),
                // 2 September is a Wednesday; without a decision the day after is taken.
                LocalDate.parse("2026-09-02"), LocalDate.parse("2026-09-03")), off);
        assertEquals(DayOff.Kind.COMPENSATORY, NATIONAL.dayOff(LocalDate.parse("2026-04-27")).orElseThrow().kind());
        assertTrue(NATIONAL.dayOff(LocalDate.parse("2026-04-26")).orElseThrow().kind() == DayOff.Kind.PUBLIC_HOLIDAY,
                "the Sunday itself is listed as the holiday");
    }

    @Test
    void theDecisionsOf2025SwapDaysAndFixTet() {
        // Tết Ất Tỵ: off from Saturday 25 January to Sunday 2 February; Saturday 8 February worked instead of 27 January.
        for (LocalDate d = LocalDate.parse("2025-01-25"); !d.isAfter(LocalDate.parse("2025-02-02")); d = d.plusDays(1)) {
            assertFalse(NATIONAL.isWorkingDay(d), d.toString());
        }
        assertEquals(DayOff.Kind.DECIDED, NATIONAL.dayOff(LocalDate.parse("2025-01-27")).orElseThrow().kind());
        assertTrue(NATIONAL.isWorkingDay(LocalDate.parse("2025-02-08")));
        assertEquals(2, NATIONAL.sessions(LocalDate.parse("2025-02-08")).size(), "a worked Saturday has the weekday sessions");
        // 30 April - 1 May: Friday 2 May off, Saturday 26 April worked.
        assertFalse(NATIONAL.isWorkingDay(LocalDate.parse("2025-05-02")));
        assertTrue(NATIONAL.isWorkingDay(LocalDate.parse("2025-04-26")));
        assertEquals(List.of(LocalDate.parse("2025-02-08"), LocalDate.parse("2025-04-26")),
                List.copyOf(NATIONAL.workedWeekendDays(2025).keySet()));
        // National Day: 1 and 2 September (decided).
        assertFalse(NATIONAL.isWorkingDay(LocalDate.parse("2025-09-01")));
        assertTrue(NATIONAL.isWorkingDay(LocalDate.parse("2025-09-03")));
    }

    @Test
    void everyYearHasItsHolidaysAndNoDayOffTwice() {
        for (int year = 2020; year <= 2035; year++) {
            List<DayOff> off = NATIONAL.nonWorkingDays(year);
            assertEquals(off.size(), off.stream().map(DayOff::date).distinct().count(), "once each, " + year);
            // 11 statutory days (1 + 5 + 1 + 1 + 1 + 2; 10 when Hùng Kings' day is 30 April)...
            long statutory = off.stream().filter(d -> d.kind() == DayOff.Kind.PUBLIC_HOLIDAY).count();
            assertTrue(statutory == 10 || statutory == 11, year + ": " + statutory);
            // ...and one day in lieu for each that falls on a weekend (2025's Tết was decided with its weekend).
            long onWeekends = off.stream().filter(d -> d.kind() == DayOff.Kind.PUBLIC_HOLIDAY
                    && d.date().getDayOfWeek().getValue() >= 6).count();
            long inLieu = off.stream().filter(d -> d.kind() == DayOff.Kind.COMPENSATORY).count();
            if (year != 2025) {
                assertEquals(onWeekends, inLieu, "days in lieu, " + year);
            }
        }
    }

    @ParameterizedTest(name = "{0}: received {1}, {2} days → clock {3}, due {4}")
    @CsvSource(delimiter = '|', textBlock = """
            inside a session                        | 2026-03-09T09:00 | 1   | 2026-03-09T09:00 | 2026-03-10T09:00
            2.5 working days                        | 2026-03-09T09:00 | 2.5 | 2026-03-09T09:00 | 2026-03-11T15:00
            a half day ends at the half hour        | 2026-03-09T07:00 | 0.5 | 2026-03-09T07:00 | 2026-03-09T11:00
            a full day ends at the session's end    | 2026-03-09T07:00 | 1   | 2026-03-09T07:00 | 2026-03-09T17:00
            after the cut-off: next morning         | 2026-03-09T15:30 | 1   | 2026-03-10T07:00 | 2026-03-10T17:00
            at lunch: the afternoon session         | 2026-03-09T12:00 | 0.5 | 2026-03-09T13:30 | 2026-03-10T07:30
            before the office opens                 | 2026-03-09T06:10 | 0.5 | 2026-03-09T07:00 | 2026-03-09T11:00
            on a Saturday: Monday morning           | 2026-03-07T10:00 | 1   | 2026-03-09T07:00 | 2026-03-09T17:00
            across Tết 2026                         | 2026-02-13T10:00 | 3   | 2026-02-13T10:00 | 2026-02-25T10:00
            a holiday on a weekend: day in lieu     | 2026-04-24T07:00 | 2   | 2026-04-24T07:00 | 2026-04-28T17:00
            across 30 April and 1 May 2026          | 2026-04-29T13:30 | 1   | 2026-04-29T13:30 | 2026-05-04T11:30
            a swapped Saturday is worked (2025)     | 2025-02-07T13:30 | 1   | 2025-02-07T13:30 | 2025-02-08T11:30
            on New Year's Eve, after the cut-off    | 2025-12-31T16:00 | 1   | 2026-01-02T07:00 | 2026-01-02T17:00
            """)
    void dueTimes(String what, String received, BigDecimal days, String clock, String due) {
        OffsetDateTime start = NATIONAL.clockStart(vn(received));
        assertEquals(vn(clock), start, what);
        assertEquals(vn(due), NATIONAL.dueAt(start, days), what);
    }

    @Test
    void aSaturdayMorningDeskCountsItsMorning() {
        // Điện Biên works 07:30-11:30 on Saturdays: 4 hours, half a day.
        assertTrue(SATURDAY_DESK.isWorkingDay(LocalDate.parse("2026-03-07")));
        OffsetDateTime start = SATURDAY_DESK.clockStart(vn("2026-03-06T13:30"));
        assertEquals(vn("2026-03-09T11:30"), SATURDAY_DESK.dueAt(start, new BigDecimal("1.5")),
                "12 h: Friday afternoon 3.5 h + Saturday morning 4 h + Monday 4.5 h");
        assertEquals(vn("2026-03-10T07:30"), NATIONAL.dueAt(start, new BigDecimal("1.5")), "without the Saturday desk");
        assertFalse(NATIONAL.isWorkingDay(LocalDate.parse("2026-03-07")));
    }

    @Test
    void nationalDayOnASaturdayTakesTheFridayBefore() {
        // 2 September 2023 was a Saturday: Friday 1 and Monday 4 (in lieu) were off.
        assertFalse(NATIONAL.isWorkingDay(LocalDate.parse("2023-09-01")));
        assertFalse(NATIONAL.isWorkingDay(LocalDate.parse("2023-09-04")));
        assertTrue(NATIONAL.isWorkingDay(LocalDate.parse("2023-09-05")));
    }

    @Test
    void aLocalClosureIsOffForThatTenantOnly() {
        LocalDate closure = LocalDate.parse("2026-12-04");
        assertEquals(DayOff.Kind.LOCAL_CLOSURE, SOC_SON.dayOff(closure).orElseThrow().kind());
        assertTrue(NATIONAL.isWorkingDay(closure));
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> NATIONAL.dueAt(vn("2026-03-09T09:00"), BigDecimal.ZERO));
    }
}
