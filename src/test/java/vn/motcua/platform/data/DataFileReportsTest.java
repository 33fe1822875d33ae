package vn.motcua.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.calendar.CalendarFiles;
import vn.motcua.catalog.CatalogFiles;
import vn.motcua.tenant.TenantFiles;

/**
 * The three kinds of data file (tenants, catalog, calendars) are read by the one {@link YamlFiles} and report every
 * bad input the same way, {@code file:line field: reason}: the same broken text gives the same line and reason
 * whichever kind of file it is in, and each feature's own rules are reported in that same shape, at their line.
 * (A test of the shared mechanics, so it names the features; the main code of {@code platform} does not.)
 */
class DataFileReportsTest {

    @TempDir
    Path dir;

    static final String LEVELS = "levels:\n  - code: city\n    name: {vi: \"Thành phố\", en: \"City\"}\n";
    static final String NATIONAL = "hoursPerDay: 8\nweek:\n  - days: [MON, TUE, WED, THU, FRI]\n    sessions: [\"07:00-11:30\", \"13:30-17:00\"]\n";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            tenants   | not YAML      | # a broken file\\nkey: [MON\\nother: 1\\n                                  | tree/city.yaml:3: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got :
            catalog   | not YAML      | # a broken file\\nkey: [MON\\nother: 1\\n                                  | catalog/1.000001.yaml:3: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got :
            calendars | not YAML      | # a broken file\\nkey: [MON\\nother: 1\\n                                  | calendars/national.yaml:3: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got :
            tenants   | empty         | # nothing yet\\n                                                          | tree/city.yaml: the file is empty
            catalog   | empty         | # nothing yet\\n                                                          | catalog/1.000001.yaml: the file is empty
            calendars | empty         | # nothing yet\\n                                                          | calendars/national.yaml: the file is empty
            tenants   | unknown field | tenants:\\n  - code: city\\n    colour: red\\n                            | tree/city.yaml:3 tenants[0].colour: unknown field 'colour'
            catalog   | unknown field | code: "1.000001"\\nversions:\\n  - colour: red\\n                         | catalog/1.000001.yaml:3 versions[0].colour: unknown field 'colour'
            calendars | unknown field | hoursPerDay: 8\\nweek:\\n  - colour: red\\n                              | calendars/national.yaml:3 week[0].colour: unknown field 'colour'
            tenants   | wrong type    | tenants:\\n  - code: city\\n    postalOffices: {a: 1}\\n                 | tree/city.yaml:3 tenants[0].postalOffices: wrong type: expected a list
            catalog   | wrong type    | code: "1.000001"\\nversions:\\n  - levels: {a: 1}\\n                      | catalog/1.000001.yaml:3 versions[0].levels: wrong type: expected a list
            calendars | wrong type    | hoursPerDay: 8\\nweek:\\n  - days: {a: 1}\\n                             | calendars/national.yaml:3 week[0].days: wrong type: expected a list
            """)
    void theSameBadTextIsReportedTheSameInEveryKindOfFile(String kind, String name, String content, String expected) throws IOException {
        DataFileException e = load(kind, content.replace("\\n", "\n"));
        assertEquals(expected, e.problems().get(0).toString(), e.getMessage());
        assertTrue(e.getMessage().contains("\n  " + expected), "the start-up message lists it as it is: " + e.getMessage());
    }

    /** Each feature keeps its own rules, and reports them at the line of the field, in the same shape. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            tenants   | tenants:\\n  - code: city\\n    level: city\\n    name: {vi: a, en: b}\\n    agencyCode: "bad"\\n    address: x\\n | tree/city.yaml:5 tenants[0].agencyCode: 'bad' is not an agency code like 000.00.01.H26
            catalog   | code: "1.000001"\\nversions:\\n  - effectiveFrom: "2025-07-01"\\n    field: astrology\\n                      | catalog/1.000001.yaml:4 versions[0].field: 'astrology' is not one of
            calendars | hoursPerDay: 8\\ncutoff: "3pm"\\nweek:\\n  - days: [MON]\\n    sessions: ["07:00-11:30"]\\n           | calendars/national.yaml:2 cutoff: '3pm' is not a time like 15:00
            """)
    void eachFeaturesRulesAreReportedAtTheirLine(String kind, String content, String expected) throws IOException {
        DataFileException e = load(kind, content.replace("\\n", "\n"));
        assertTrue(e.problems().stream().map(DataProblem::toString).anyMatch(p -> p.startsWith(expected)), e.getMessage());
    }

    private DataFileException load(String kind, String content) throws IOException {
        return switch (kind) {
            case "tenants" -> {
                write("levels.yaml", LEVELS);
                write("tree/city.yaml", content);
                yield assertThrows(DataFileException.class, () -> TenantFiles.load(dir));
            }
            case "catalog" -> {
                write("catalog/1.000001.yaml", content);
                yield assertThrows(DataFileException.class, () -> CatalogFiles.load(dir.resolve("catalog"), Set.of("city")));
            }
            case "calendars" -> {
                write("calendars/national.yaml", content);
                yield assertThrows(DataFileException.class, () -> CalendarFiles.load(dir.resolve("calendars")));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private void write(String file, String content) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
