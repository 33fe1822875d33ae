package vn.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lunar dates on Vietnam's meridian, including the years when Vietnam's Tết is not China's. */
class VietnameseLunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
            // 1985 and 2007: the new moon fell between 23:00 and 24:00 Beijing time, so Vietnam's Tết came first.
            "1985, 1985-01-21",
            "2007, 2007-02-17",
            "2023, 2023-01-22",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2026, 2026-02-17",
            "2027, 2027-02-06" })
    void lunarNewYear(int year, LocalDate expected) {
        assertEquals(expected, VietnameseLunarCalendar.lunarNewYear(year));
    }

    @ParameterizedTest(name = "Hùng Kings'' day {0} is {1}")
    @CsvSource({ "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26" })
    void hungKingsDay(int year, LocalDate expected) {
        assertEquals(expected, VietnameseLunarCalendar.solar(year, 3, 10));
    }
}
