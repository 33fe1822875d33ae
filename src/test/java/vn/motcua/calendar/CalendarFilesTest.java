package vn.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.support.Demo;

/** Each class of invalid calendar file is reported with its file, field and reason. */
class CalendarFilesTest {

    @TempDir
    Path dir;

    static final String NATIONAL = """
            hoursPerDay: 8
            cutoff: "15:00"
            week:
              - days: [MON, TUE, WED, THU, FRI]
                sessions: ["07:00-11:30", "13:30-17:00"]
            """;

    @Test
    void loadsTheRealFiles() {
        CalendarFiles.Book book = CalendarFiles.load(Path.of("tenants/calendars"));
        assertEquals(8, book.national().hoursPerDay());
        assertTrue(book.local().containsKey(Demo.WARD));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad cutoff            | national.yaml       | cutoff: "3pm"                                                     | calendars/national.yaml:5 cutoff: '3pm' is not a time
            bad session           | national.yaml       | week: [{days: [MON], sessions: ["11:30-07:00"]}]                  | is not a session like 07:00-11:30
            bad day               | national.yaml       | week: [{days: [Thứ Hai], sessions: ["07:00-11:30"]}]              | 'Thứ Hai' is not one of MON
            no week               | national.yaml       | week: []                                                          | week: required
            hours out of range    | national.yaml       | hoursPerDay: 30                                                   | hoursPerDay: between 1 and 24
            date in another year  | national.yaml       | years: {2026: {daysOff: [{date: "2025-05-02", reason: {vi: a, en: b}}]}} | years.2026.daysOff[0].date: 2025-05-02 is not in 2026
            not a date            | national.yaml       | years: {2026: {workingDays: [{date: "26/4", reason: {vi: a, en: b}}]}}   | is not a date like 2026-01-31
            reason without English| national.yaml       | years: {2026: {daysOff: [{date: "2026-05-04", reason: {vi: a}}]}}        | reason: required, with 'vi' and 'en'
            Tết backwards         | national.yaml       | years: {2026: {tet: {from: "2026-02-20", to: "2026-02-16"}}}             | 'to' must follow 'from'
            wrong adjacent day    | national.yaml       | years: {2026: {nationalDayAdjacent: "2026-09-05"}}                       | must be 1 or 3 September
            unknown field         | national.yaml       | holidays: []                                                      | calendars/national.yaml:6 holidays: unknown field 'holidays'
            local hours per day   | local/x.yaml        | hoursPerDay: 6                                                    | set nationally only
            local Tết             | local/x.yaml        | years: {2026: {tet: {from: "2026-02-16", to: "2026-02-20"}}}             | decided nationally only
            """)
    void reportsEachClassOfInvalidFile(String name, String file, String content, String expected) throws IOException {
        Files.createDirectories(dir.resolve("local"));
        Files.writeString(dir.resolve("national.yaml"), NATIONAL);
        Path target = dir.resolve(file);
        Files.writeString(target, file.equals("national.yaml") ? merge(content) : content);
        CalendarDataException e = assertThrows(CalendarDataException.class, () -> CalendarFiles.load(dir));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("calendars/" + file), "names the file: " + e.getMessage());
    }

    @Test
    void aMissingNationalFileIsReported() {
        CalendarDataException e = assertThrows(CalendarDataException.class, () -> CalendarFiles.load(dir));
        assertTrue(e.getMessage().contains("calendars/national.yaml: missing"));
    }

    /** The valid national file with one top-level key replaced or added. */
    private static String merge(String line) {
        String key = line.substring(0, line.indexOf(':'));
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String l : NATIONAL.split("\n")) {
            if (!l.startsWith(" ") && !l.startsWith("-")) {
                skipping = l.startsWith(key + ":");
            }
            if (!skipping) {
                out.append(l).append('\n');
            }
        }
        return out.append(line).append('\n').toString();
    }
}
