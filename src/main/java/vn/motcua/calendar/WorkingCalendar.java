package vn.motcua.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.tenant.DeskSession;
import vn.motcua.tenant.LocalizedText;

/**
 * One tenant's working calendar: which days are worked, in which sessions, and the due time of a deadline counted
 * in working days. Pure and immutable (each year's holidays are computed once, on first use).
 *
 * <p>Working time is counted in minutes inside the working sessions: with 7:00–11:30 and 13:30–17:00, 8 hours make
 * a day and half days fall at the half hour. A submission after the cut-off, or outside the sessions, starts the
 * clock at the next working session.
 */
public final class WorkingCalendar {

    private static final LocalizedText NEW_YEAR = new LocalizedText("Tết Dương lịch", "New Year's Day");
    private static final LocalizedText TET = new LocalizedText("Tết Âm lịch (Tết Nguyên đán)", "Lunar New Year (Tết)");
    private static final LocalizedText HUNG_KINGS = new LocalizedText("Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hùng Kings' Commemoration (10th of the 3rd lunar month)");
    private static final LocalizedText REUNIFICATION = new LocalizedText("Ngày Chiến thắng (30/4)", "Reunification Day (30 April)");
    private static final LocalizedText LABOUR = new LocalizedText("Ngày Quốc tế lao động (1/5)", "International Workers' Day (1 May)");
    private static final LocalizedText NATIONAL_DAY = new LocalizedText("Quốc khánh (2/9)", "National Day (2 September)");
    private static final LocalizedText WEEKEND = new LocalizedText("Nghỉ hằng tuần", "Weekly rest day");
    /** Longest stretch without a working day that is believable; beyond it the calendar data is wrong. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 60;

    private final Map<DayOfWeek, List<DeskSession>> week;
    private final List<DeskSession> weekdaySessions;
    private final int minutesPerDay;
    private final LocalTime cutoff;
    private final CalendarData national;
    private final List<CalendarData> local;
    private final List<List<CalendarDay>> days;
    private final Map<Integer, YearView> years = new ConcurrentHashMap<>();

    private record YearView(Map<LocalDate, DayOff> off, Map<LocalDate, LocalizedText> worked) {
    }

    /**
     * @param national the national calendar: week, hours per day, cut-off, each year's decisions
     * @param local    the tenant's own files, from its farthest ancestor down to itself: each may replace the week or
     *                 the cut-off and add closures and worked days
     */
    public WorkingCalendar(CalendarData national, List<CalendarData> local) {
        this(national, local, List.of());
    }

    /**
     * @param days the days the tenant's administrators set in the console, and those of its ancestors', farthest
     *             ancestor first: they apply after the files, the nearest tenant's last, so that a ward's own entry
     *             for a day wins over its district's
     */
    public WorkingCalendar(CalendarData national, List<CalendarData> local, List<List<CalendarDay>> days) {
        this.national = national;
        this.local = List.copyOf(local);
        this.days = List.copyOf(days);
        Map<DayOfWeek, List<DeskSession>> w = national.week();
        LocalTime c = national.cutoff();
        for (CalendarData l : local) {
            if (l.week() != null && !l.week().isEmpty()) {
                w = l.week();
            }
            if (l.cutoff() != null) {
                c = l.cutoff();
            }
        }
        this.week = Collections.unmodifiableMap(new EnumMap<>(w));
        this.weekdaySessions = week.getOrDefault(DayOfWeek.MONDAY, week.values().iterator().next());
        this.cutoff = c;
        this.minutesPerDay = (national.hoursPerDay() == null ? 8 : national.hoursPerDay()) * 60;
    }

    public LocalTime cutoff() {
        return cutoff;
    }

    public boolean isWorkingDay(LocalDate date) {
        YearView y = year(date.getYear());
        if (y.worked().containsKey(date)) {
            return true;
        }
        return !y.off().containsKey(date) && week.containsKey(date.getDayOfWeek());
    }

    /** The sessions of a working day; a worked weekend day has the weekdays' sessions. Empty on a day off. */
    public List<DeskSession> sessions(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        return week.getOrDefault(date.getDayOfWeek(), weekdaySessions);
    }

    /** Why the day is not worked, or empty when it is. */
    public Optional<DayOff> dayOff(LocalDate date) {
        if (isWorkingDay(date)) {
            return Optional.empty();
        }
        DayOff off = year(date.getYear()).off().get(date);
        return Optional.of(off != null ? off : new DayOff(date, DayOff.Kind.WEEKEND, WEEKEND));
    }

    /** Every day of the year that is not worked, in order, with its reason. */
    public List<DayOff> nonWorkingDays(int year) {
        List<DayOff> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            dayOff(d).ifPresent(out::add);
        }
        return out;
    }

    /** Weekend days that are worked this year (swaps, openings), with their reason. */
    public Map<LocalDate, LocalizedText> workedWeekendDays(int year) {
        Map<LocalDate, LocalizedText> out = new TreeMap<>();
        year(year).worked().forEach((d, why) -> {
            if (!week.containsKey(d.getDayOfWeek())) {
                out.put(d, why);
            }
        });
        return out;
    }

    /**
     * When the clock starts for a submission received at {@code received}: then, if it falls in a working session
     * before the cut-off; otherwise the start of the next working session.
     */
    public OffsetDateTime clockStart(OffsetDateTime received) {
        OffsetDateTime local = received.withOffsetSameInstant(VietnameseLunarCalendar.VIETNAM);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (cutoff == null || time.isBefore(cutoff)) {
            for (DeskSession s : sessions(day)) {
                if (time.isBefore(s.to())) {
                    return at(day, time.isBefore(s.from()) ? s.from() : time);
                }
            }
        }
        LocalDate next = nextWorkingDay(day);
        return at(next, sessions(next).get(0).from());
    }

    /**
     * The due time of {@code days} working days (halves and finer allowed) counted from {@code start}, which must be
     * a clock start (see {@link #clockStart}).
     */
    public OffsetDateTime dueAt(OffsetDateTime start, BigDecimal days) {
        if (days.signum() <= 0) {
            throw new IllegalArgumentException("a deadline is a positive number of working days");
        }
        return dueAfterMinutes(start, minutes(days));
    }

    /** Working days as working minutes (8 hours a day by default), rounded to the minute. */
    public long minutes(BigDecimal days) {
        return days.multiply(BigDecimal.valueOf(minutesPerDay)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The moment {@code minutes} working minutes after {@code start}, counted inside working sessions only. A clock
     * resumed after a supplement request uses it with the minutes that were left.
     */
    public OffsetDateTime dueAfterMinutes(OffsetDateTime start, long minutes) {
        long remaining = Math.max(0, minutes);
        OffsetDateTime local = start.withOffsetSameInstant(VietnameseLunarCalendar.VIETNAM);
        LocalDate day = local.toLocalDate();
        LocalTime from = local.toLocalTime();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
            from = LocalTime.MIN;
        }
        while (true) {
            for (DeskSession s : sessions(day)) {
                LocalTime begin = from.isAfter(s.from()) ? from : s.from();
                if (!begin.isBefore(s.to())) {
                    continue;
                }
                long length = Duration.between(begin, s.to()).toMinutes();
                if (remaining <= length) {
                    return at(day, begin.plusMinutes(remaining));
                }
                remaining -= length;
            }
            day = nextWorkingDay(day);
            from = LocalTime.MIN;
        }
    }

    /**
     * The working minutes from {@code from} to {@code to}, counted inside working sessions; negative when {@code to}
     * comes first. What is left of a deadline when its clock stops, or how late a dossier is.
     */
    public long workingMinutesBetween(OffsetDateTime from, OffsetDateTime to) {
        if (to.isBefore(from)) {
            return -workingMinutesBetween(to, from);
        }
        OffsetDateTime a = from.withOffsetSameInstant(VietnameseLunarCalendar.VIETNAM);
        OffsetDateTime b = to.withOffsetSameInstant(VietnameseLunarCalendar.VIETNAM);
        long total = 0;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            LocalTime lo = day.equals(a.toLocalDate()) ? a.toLocalTime() : LocalTime.MIN;
            LocalTime hi = day.equals(b.toLocalDate()) ? b.toLocalTime() : LocalTime.MAX;
            for (DeskSession s : sessions(day)) {
                LocalTime begin = lo.isAfter(s.from()) ? lo : s.from();
                LocalTime end = hi.isBefore(s.to()) ? hi : s.to();
                if (begin.isBefore(end)) {
                    total += Duration.between(begin, end).toMinutes();
                }
            }
        }
        return total;
    }

    /** The days off between two dates, both included: what a deadline skipped. */
    public List<DayOff> daysOffBetween(LocalDate from, LocalDate to) {
        List<DayOff> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dayOff(d).ifPresent(out::add);
        }
        return out;
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate d = after.plusDays(1);
        for (int i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS_OFF_IN_A_ROW + " days after " + after);
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return OffsetDateTime.of(day, time, VietnameseLunarCalendar.VIETNAM).truncatedTo(ChronoUnit.SECONDS);
    }

    private YearView year(int year) {
        return years.computeIfAbsent(year, this::compute);
    }

    /** The law's holidays for the year, its compensatory days, then the year's decisions and the tenant's own. */
    private YearView compute(int year) {
        CalendarData.Year decided = national.years() == null ? null : national.years().get(year);
        Map<LocalDate, DayOff> off = new TreeMap<>();
        Map<LocalDate, LocalizedText> worked = new TreeMap<>();
        List<DayOff> holidays = new ArrayList<>();
        holidays.add(holiday(LocalDate.of(year, 1, 1), NEW_YEAR));
        boolean tetDecided = decided != null && decided.tetFrom() != null;
        LocalDate tetFrom = tetDecided ? decided.tetFrom() : VietnameseLunarCalendar.lunarNewYear(year).minusDays(1);
        LocalDate tetTo = tetDecided ? decided.tetTo() : tetFrom.plusDays(4);
        for (LocalDate d = tetFrom; !d.isAfter(tetTo); d = d.plusDays(1)) {
            holidays.add(holiday(d, TET));
        }
        holidays.add(holiday(VietnameseLunarCalendar.solar(year, 3, 10), HUNG_KINGS));
        holidays.add(holiday(LocalDate.of(year, 4, 30), REUNIFICATION));
        holidays.add(holiday(LocalDate.of(year, 5, 1), LABOUR));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        holidays.add(holiday(nationalDay, NATIONAL_DAY));
        holidays.add(holiday(decided != null && decided.nationalDayAdjacent() != null ? decided.nationalDayAdjacent()
                : adjacentToNationalDay(nationalDay), NATIONAL_DAY));
        holidays.sort((a, b) -> a.date().compareTo(b.date()));
        holidays.forEach(h -> off.putIfAbsent(h.date(), h));
        // A holiday on a weekly rest day is taken on the next working day (Labour Code 2019, art. 112(3)); a Tết
        // decided by the Government already accounts for its weekends.
        for (DayOff h : holidays) {
            if (!week.containsKey(h.date().getDayOfWeek()) && !(tetDecided && h.reason() == TET)) {
                LocalDate c = h.date().plusDays(1);
                while (!week.containsKey(c.getDayOfWeek()) || off.containsKey(c)) {
                    c = c.plusDays(1);
                }
                off.put(c, new DayOff(c, DayOff.Kind.COMPENSATORY, new LocalizedText("Nghỉ bù " + h.reason().vi(),
                        "In lieu of " + h.reason().en())));
            }
        }
        if (decided != null) {
            apply(decided, DayOff.Kind.DECIDED, off, worked);
        }
        for (CalendarData l : local) {
            if (l.years() != null && l.years().get(year) != null) {
                apply(l.years().get(year), DayOff.Kind.LOCAL_CLOSURE, off, worked);
            }
        }
        for (List<CalendarDay> tenantDays : days) {
            for (CalendarDay d : tenantDays) {
                if (d.date().getYear() != year) {
                    continue;
                }
                if (d.kind().worked()) {
                    off.remove(d.date());
                    worked.put(d.date(), d.reason());
                } else {
                    worked.remove(d.date());
                    off.put(d.date(), new DayOff(d.date(), d.kind() == CalendarDay.Kind.CLOSED ? DayOff.Kind.LOCAL_CLOSURE
                            : DayOff.Kind.DECIDED, d.reason()));
                }
            }
        }
        return new YearView(Collections.unmodifiableMap(off), Collections.unmodifiableMap(worked));
    }

    private static void apply(CalendarData.Year y, DayOff.Kind kind, Map<LocalDate, DayOff> off, Map<LocalDate, LocalizedText> worked) {
        if (y.daysOff() != null) {
            y.daysOff().forEach(d -> off.putIfAbsent(d.date(), new DayOff(d.date(), kind, d.reason())));
        }
        if (y.workingDays() != null) {
            y.workingDays().forEach(d -> {
                worked.put(d.date(), d.reason());
                off.remove(d.date());
            });
        }
    }

    /**
     * Without a decision, the weekday next to 2 September that joins it to a weekend: Monday 1 September when the 2nd
     * is a Tuesday, Friday 1 September when it is a Saturday (as decided in 2023), else the day after.
     */
    private static LocalDate adjacentToNationalDay(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case TUESDAY, SATURDAY -> nationalDay.minusDays(1);
            default -> nationalDay.plusDays(1);
        };
    }

    private static DayOff holiday(LocalDate date, LocalizedText why) {
        return new DayOff(date, DayOff.Kind.PUBLIC_HOLIDAY, why);
    }
}
