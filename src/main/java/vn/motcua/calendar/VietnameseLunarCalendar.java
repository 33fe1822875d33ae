package vn.motcua.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The Vietnamese lunar calendar (âm lịch): ICU's Chinese calendar computed on Vietnam's meridian (UTC+7) instead of
 * China's (UTC+8). The two differ when a new moon falls between 23:00 and 24:00 Beijing time: Tết 2007 was on
 * 17 February in Vietnam and 18 February in China. Never a hard-coded table.
 */
public final class VietnameseLunarCalendar extends ChineseCalendar {

    private static final long serialVersionUID = 1L;
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final TimeZone UTC7 = new SimpleTimeZone(7 * 3_600_000, "GMT+07:00");

    private VietnameseLunarCalendar() {
        super(UTC7, ULocale.forLanguageTag("vi"), UTC7);
    }

    /** A date of the lunar year that begins in {@code gregorianYear}: month 1–12, day 1–30, not in a leap month. */
    public static LocalDate solar(int gregorianYear, int lunarMonth, int lunarDay) {
        VietnameseLunarCalendar c = new VietnameseLunarCalendar();
        c.clear();
        // ICU 78 numbers the Chinese calendar's extended year by the Gregorian year in which the lunar year begins.
        c.set(Calendar.EXTENDED_YEAR, gregorianYear);
        c.set(Calendar.MONTH, lunarMonth - 1);
        c.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        c.set(Calendar.DAY_OF_MONTH, lunarDay);
        return Instant.ofEpochMilli(c.getTimeInMillis()).atOffset(VIETNAM).toLocalDate();
    }

    /** The first day of the lunar year that begins in {@code gregorianYear} (mùng 1 Tết). */
    public static LocalDate lunarNewYear(int gregorianYear) {
        return solar(gregorianYear, 1, 1);
    }
}
