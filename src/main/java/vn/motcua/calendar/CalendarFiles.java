package vn.motcua.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import vn.motcua.tenant.DeskSession;
import vn.motcua.platform.data.DataProblem;
import vn.motcua.platform.data.YamlFile;
import vn.motcua.platform.data.YamlFiles;
import vn.motcua.tenant.LocalizedText;

/**
 * Reads {@code tenants/calendars/}: {@code national.yaml} (the week, hours per day, cut-off and each year's
 * Government decisions) and {@code local/<tenant>.yaml} (a tenant's own week, cut-off, closures and worked days,
 * which also apply to the tenants below it), through the shared {@link YamlFiles}. Every problem is reported as
 * {@code file:line field: reason}.
 */
public final class CalendarFiles {

    private static final Pattern SESSION = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    record Text(String vi, String en) {
    }

    record DatedEntry(String date, Text reason) {
    }

    record TetEntry(String from, String to) {
    }

    record YearEntry(TetEntry tet, String nationalDayAdjacent, List<DatedEntry> daysOff, List<DatedEntry> workingDays) {
    }

    record WeekEntry(List<String> days, List<String> sessions) {
    }

    record CalendarFile(Integer hoursPerDay, String cutoff, List<WeekEntry> week, Map<Integer, YearEntry> years) {
    }

    /** The national calendar and each tenant's local file, by tenant code. */
    public record Book(CalendarData national, Map<String, CalendarData> local) {
    }

    private final List<DataProblem> problems = new ArrayList<>();
    private YamlFile<CalendarFile> file;

    private CalendarFiles() {
    }

    public static Book load(Path calendarsDir) {
        return new CalendarFiles().read(calendarsDir);
    }

    private Book read(Path dir) {
        Path nationalFile = dir.resolve("national.yaml");
        CalendarData national = null;
        if (!Files.isRegularFile(nationalFile)) {
            problems.add(DataProblem.ofFile("calendars/national.yaml", "missing (the national week and holidays)"));
        } else {
            national = convert(parse(nationalFile, "calendars/national.yaml"), true);
        }
        Map<String, CalendarData> local = new LinkedHashMap<>();
        Path localDir = dir.resolve("local");
        if (Files.isDirectory(localDir)) {
            try {
                for (Path f : YamlFiles.list(localDir, 1, ".yaml")) {
                    String name = "calendars/local/" + f.getFileName();
                    String tenant = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                    CalendarData data = convert(parse(f, name), false);
                    if (data != null) {
                        local.put(tenant, data);
                    }
                }
            } catch (IOException e) {
                problems.add(DataProblem.ofFile("calendars/local", "cannot be read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarDataException(problems);
        }
        return new Book(national, Map.copyOf(local));
    }

    private YamlFile<CalendarFile> parse(Path path, String name) {
        return YamlFiles.read(path, name, CalendarFile.class, problems);
    }

    /** A problem with a field of the file being converted, at that field's line. */
    private void problem(String field, String reason) {
        problems.add(file.problem(field, reason));
    }

    /** The file's calendar, or {@code null} when it has problems (each added, at its line). */
    private CalendarData convert(YamlFile<CalendarFile> read, boolean national) {
        if (read == null) {
            return null;
        }
        file = read;
        CalendarFile f = read.value();
        int before = problems.size();
        if (f.hoursPerDay() != null && (f.hoursPerDay() < 1 || f.hoursPerDay() > 24)) {
            problem("hoursPerDay", "between 1 and 24");
        }
        if (!national && f.hoursPerDay() != null) {
            problem("hoursPerDay", "set nationally only, so that a day means the same everywhere");
        }
        LocalTime cutoff = f.cutoff() == null ? null : time("cutoff", f.cutoff());
        Map<DayOfWeek, List<DeskSession>> week = week(f.week());
        if (national && week.isEmpty()) {
            problem("week", "required, the working sessions of each working weekday");
        }
        Map<Integer, CalendarData.Year> years = new LinkedHashMap<>();
        if (f.years() != null) {
            f.years().forEach((y, e) -> {
                String at = "years." + y;
                LocalDate tetFrom = null;
                LocalDate tetTo = null;
                if (e.tet() != null) {
                    if (!national) {
                        problem(at + ".tet", "decided nationally only");
                    }
                    tetFrom = date(at + ".tet.from", e.tet().from(), y);
                    tetTo = date(at + ".tet.to", e.tet().to(), y);
                    if (tetFrom != null && tetTo != null && (tetTo.isBefore(tetFrom) || tetFrom.plusDays(14).isBefore(tetTo))) {
                        problem(at + ".tet", "'to' must follow 'from' within two weeks");
                    }
                }
                LocalDate adjacent = e.nationalDayAdjacent() == null ? null : date(at + ".nationalDayAdjacent", e.nationalDayAdjacent(), y);
                if (adjacent != null && !(adjacent.equals(LocalDate.of(y, 9, 1)) || adjacent.equals(LocalDate.of(y, 9, 3)))) {
                    problem(at + ".nationalDayAdjacent", "must be 1 or 3 September");
                }
                years.put(y, new CalendarData.Year(tetFrom, tetTo, adjacent, dated(at + ".daysOff", e.daysOff(), y),
                        dated(at + ".workingDays", e.workingDays(), y)));
            });
        }
        if (problems.size() > before) {
            return null;
        }
        return new CalendarData(week, f.hoursPerDay(), cutoff, years);
    }

    private Map<DayOfWeek, List<DeskSession>> week(List<WeekEntry> entries) {
        Map<DayOfWeek, List<DeskSession>> week = new EnumMap<>(DayOfWeek.class);
        if (entries == null) {
            return week;
        }
        for (int i = 0; i < entries.size(); i++) {
            WeekEntry w = entries.get(i);
            String at = "week[" + i + "]";
            if (w.days() == null || w.sessions() == null || w.sessions().isEmpty()) {
                problem(at, "needs 'days' and 'sessions'");
                continue;
            }
            List<DeskSession> sessions = new ArrayList<>();
            for (String s : w.sessions()) {
                Matcher m = s == null ? null : SESSION.matcher(s.strip());
                LocalTime from = m != null && m.matches() ? time(at + ".sessions", m.group(1)) : null;
                LocalTime to = m != null && m.matches() ? time(at + ".sessions", m.group(2)) : null;
                if (from == null || to == null || !from.isBefore(to)
                        || (!sessions.isEmpty() && !sessions.get(sessions.size() - 1).to().isBefore(from))) {
                    problem(at + ".sessions", "'" + s + "' is not a session like 07:00-11:30, in order, without overlap");
                    continue;
                }
                sessions.add(new DeskSession(from, to));
            }
            for (String d : w.days()) {
                DayOfWeek dow = null;
                for (DayOfWeek x : DayOfWeek.values()) {
                    if (x.name().substring(0, 3).equalsIgnoreCase(d.strip())) {
                        dow = x;
                    }
                }
                if (dow == null) {
                    problem(at + ".days", "'" + d + "' is not one of MON … SUN");
                } else if (week.put(dow, List.copyOf(sessions)) != null) {
                    problem(at + ".days", "'" + d + "' is listed twice");
                }
            }
        }
        return week;
    }

    private List<CalendarData.Dated> dated(String at, List<DatedEntry> entries, int year) {
        List<CalendarData.Dated> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            DatedEntry e = entries.get(i);
            LocalDate d = date(at + "[" + i + "].date", e.date(), year);
            if (e.reason() == null || blank(e.reason().vi()) || blank(e.reason().en())) {
                problem(at + "[" + i + "].reason", "required, with 'vi' and 'en'");
            } else if (d != null) {
                out.add(new CalendarData.Dated(d, new LocalizedText(e.reason().vi(), e.reason().en())));
            }
        }
        return out;
    }

    private LocalDate date(String at, String value, int year) {
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() != year) {
                problem(at, value + " is not in " + year);
                return null;
            }
            return d;
        } catch (DateTimeParseException | NullPointerException e) {
            problem(at, "'" + value + "' is not a date like " + year + "-01-31");
            return null;
        }
    }

    private LocalTime time(String at, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            problem(at, "'" + value + "' is not a time like 15:00");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
