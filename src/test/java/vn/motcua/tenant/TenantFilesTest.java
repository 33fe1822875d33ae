package vn.motcua.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.platform.data.DataProblem;
import vn.motcua.support.Demo;

/** Loading the tenant tree: valid trees of two and three levels, and each class of invalid file. */
class TenantFilesTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheDemoCityOfThreeLevels() {
        TenantTree tree = TenantFiles.load(Path.of("tenants"));
        assertEquals(List.of("city", "district", "ward"), tree.levels().stream().map(Level::code).toList());
        assertEquals(Demo.CITY, tree.root().code());
        Tenant dienBien = tree.find(Demo.WARD).orElseThrow();
        assertEquals("ward", dienBien.level());
        assertEquals(2, dienBien.depth());
        assertEquals(List.of(Demo.CITY, Demo.DISTRICT), tree.ancestors(Demo.WARD).stream().map(Tenant::code).toList());
        for (String required : List.of(Demo.WARD, Demo.OTHER_WARD, "long-bien", "ha-dong-phu-lam",
                "nam-tu-liem-dai-mo", "bac-tu-liem-phu-dien", "gia-lam-co-bi", Demo.RURAL_DISTRICT)) {
            assertTrue(tree.find(required).isPresent(), required);
        }
        assertTrue(tree.children(Demo.RURAL_DISTRICT).stream().anyMatch(t -> t.name().vi().startsWith("Xã")), "a commune of Sóc Sơn");
        // Every tenant has desk hours, inherited when not set.
        assertTrue(tree.all().stream().allMatch(t -> !t.deskHours().week().isEmpty()));
        assertTrue(tree.all().stream().allMatch(t -> t.postalOffices().stream().allMatch(o -> tree.postalOffice(o).isPresent())));
    }

    @Test
    void loadsATwoLevelTree() {
        TenantTree tree = TenantFiles.load(Path.of("src/test/resources/tenants-two-level"));
        assertEquals(2, tree.levels().size());
        assertEquals("hue", tree.root().code());
        assertEquals(tree.size() - 1, tree.children("hue").size(), "every commune hangs directly under the province");
        assertTrue(tree.all().stream().filter(t -> !t.isRoot()).allMatch(t -> t.depth() == 1 && t.level().equals("commune")));
    }

    @Test
    void generatesAndLoadsTheFullSizeTree() throws IOException {
        FullTreeGenerator.write(dir, 30, 20);
        TenantTree tree = TenantFiles.load(dir);
        assertEquals(631, tree.size());
        assertEquals(630, tree.descendants("tp").size());
        assertEquals(20, tree.children("d07").size());
        assertEquals("000.12.07.H99", tree.find("d07-w12").orElseThrow().agencyCode());
    }

    @Test
    void inheritsDeskHoursFromTheNearestAncestorUnlessSetOnTheTenant() throws IOException {
        base();
        Tenant inheriting = TenantFiles.load(dir).find("d1-w1").orElseThrow();
        assertEquals(List.of(new DeskSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                new DeskSession(LocalTime.of(13, 30), LocalTime.of(17, 0))), inheriting.deskHours().on(DayOfWeek.FRIDAY));
        assertTrue(!inheriting.ownDeskHours());

        write("tree/wards.yaml", CITY_WARD + HOURS);
        Tenant own = TenantFiles.load(dir).find("d1-w1").orElseThrow();
        assertTrue(own.ownDeskHours());
        assertEquals(2, own.deskHours().on(DayOfWeek.TUESDAY).size());
        assertTrue(own.deskHours().on(DayOfWeek.FRIDAY).isEmpty(), "its own hours replace the inherited ones");
    }

    /** Each class of invalid data: the file, line, field and reason it is reported with. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not YAML                 | tree/city.yaml | tenants:\\n- code: a\\n  - code: b                                      | tree/city.yaml   | 3 |                        | not valid YAML
            unknown field            | tree/wards.yaml| CITY_WARD.replace('    level: ward', '    level: ward\\n    colour: red')       | tree/wards.yaml  | 5 | colour                 | unknown field 'colour'
            wrong type               | tree/wards.yaml| CITY_WARD.replace('postalOffices: [po-1]', 'postalOffices: {a: 1}')            | tree/wards.yaml  | 9 | postalOffices          | wrong type
            missing code             | tree/wards.yaml| CITY_WARD.replace('  - code: d1-w1\\n    parent: d1', '  - parent: d1')           | tree/wards.yaml  | 2 | tenants[0].code        | required
            bad code                 | tree/wards.yaml| CITY_WARD.replace('code: d1-w1', 'code: D1_W1')                                | tree/wards.yaml  | 2 | tenants[0].code        | lower-case
            reserved code            | tree/wards.yaml| CITY_WARD.replace('code: d1-w1', 'code: postal')                               | tree/wards.yaml  | 2 | tenants[0].code        | reserved
            duplicate code           | tree/wards.yaml| CITY_WARD.replace('code: d1-w1', 'code: d1')                                   | tree/wards.yaml  | 2 | tenants[0].code        | duplicate code 'd1', already used in tree/city.yaml
            missing name             | tree/wards.yaml| CITY_WARD.replace('    name: {vi: "Phường Một", en: "Ward One"}\\n', '')       | tree/wards.yaml  | 2 | tenants[0].name        | required, with 'vi' and 'en'
            name without English     | tree/wards.yaml| CITY_WARD.replace(', en: "Ward One"', '')                                       | tree/wards.yaml  | 5 | tenants[0].name        | required, with 'vi' and 'en'
            unknown level            | tree/wards.yaml| CITY_WARD.replace('level: ward', 'level: hamlet')                              | tree/wards.yaml  | 4 | tenants[0].level       | unknown level 'hamlet'
            level skipped            | tree/wards.yaml| CITY_WARD.replace('parent: d1', 'parent: city')                                | tree/wards.yaml  | 4 | tenants[0].level       | cannot be directly under a 'city'
            unknown parent           | tree/wards.yaml| CITY_WARD.replace('parent: d1', 'parent: d9')                                  | tree/wards.yaml  | 3 | tenants[0].parent      | unknown parent 'd9'
            second root              | tree/wards.yaml| CITY_WARD.replace('    parent: d1\\n', '')                                     | tree/wards.yaml  | 2 | tenants[0].parent      | a second root
            missing agency code      | tree/wards.yaml| CITY_WARD.replace('    agencyCode: "000.01.01.H99"\\n', '')                    | tree/wards.yaml  | 2 | tenants[0].agencyCode  | required
            bad agency code          | tree/wards.yaml| CITY_WARD.replace('000.01.01.H99', '0000101H99')                               | tree/wards.yaml  | 6 | tenants[0].agencyCode  | is not an agency code
            duplicate agency code    | tree/wards.yaml| CITY_WARD.replace('000.01.01.H99', '000.00.01.H99')                            | tree/wards.yaml  | 6 | tenants[0].agencyCode  | duplicate agency code '000.00.01.H99', already used by 'd1'
            missing address          | tree/wards.yaml| CITY_WARD.replace('    address: "1 Phố Một"\\n', '')                           | tree/wards.yaml  | 2 | tenants[0].address     | required
            bad phone                | tree/wards.yaml| CITY_WARD.replace('024 3800 0001', 'call us')                                  | tree/wards.yaml  | 8 | tenants[0].phone       | not a phone number
            unknown post office      | tree/wards.yaml| CITY_WARD.replace('[po-1]', '[po-9]')                                          | tree/wards.yaml  | 9 | tenants[0].postalOffices | unknown post office 'po-9'
            bad session              | tree/wards.yaml| CITY_WARD + HOURS.replace('13:30-17:00', '1:30pm-5pm')                         | tree/wards.yaml  | 10| tenants[0].deskHours   | is not like 07:30-11:30
            session ends first       | tree/wards.yaml| CITY_WARD + HOURS.replace('13:30-17:00', '17:00-13:30')                        | tree/wards.yaml  | 10| tenants[0].deskHours   | ends before it starts
            overlapping sessions     | tree/wards.yaml| CITY_WARD + HOURS.replace('13:30-17:00', '11:00-17:00')                        | tree/wards.yaml  | 10| tenants[0].deskHours   | overlaps
            bad day                  | tree/wards.yaml| CITY_WARD + HOURS.replace('[MON, TUE]', '[MON, Thứ Hai]')                      | tree/wards.yaml  | 10| tenants[0].deskHours   | day 'Thứ Hai'
            empty file               | tree/wards.yaml| # nothing here                                                                 | tree/wards.yaml  | 0 |                        | the file is empty
            """)
    void reportsEachClassOfInvalidFile(String name, String file, String content, String expectedFile, int expectedLine,
            String expectedField, String expectedReason) throws IOException {
        base();
        write(file, expand(content));
        TenantDataException e = assertThrows(TenantDataException.class, () -> TenantFiles.load(dir));
        DataProblem p = e.problems().get(0);
        assertEquals(expectedFile, p.file(), e.getMessage());
        assertTrue(p.reason().contains(expectedReason), () -> "reason: " + p.reason());
        if (expectedField != null) {
            assertTrue(p.field().endsWith(expectedField), () -> "field: " + p.field());
        }
        assertEquals(expectedLine, p.line(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedFile), "the message names the file");
    }

    @Test
    void reportsAMissingLevelsFileAndTreeFolder() throws IOException {
        Files.createDirectories(dir);
        TenantDataException e = assertThrows(TenantDataException.class, () -> TenantFiles.load(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("levels.yaml") && p.reason().startsWith("missing")));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("tree") && p.reason().startsWith("missing")));
    }

    @Test
    void reportsAMissingRootAndEveryProblemAtOnce() throws IOException {
        base();
        write("tree/city.yaml", CITY.replace("  - code: city\n", "  - code: city\n    parent: d1\n"));
        write("tree/wards.yaml", CITY_WARD.replace("000.01.01.H99", "bad"));
        TenantDataException e = assertThrows(TenantDataException.class, () -> TenantFiles.load(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.reason().contains("not an agency code")), e.getMessage());
        write("tree/wards.yaml", CITY_WARD);
        TenantDataException noRoot = assertThrows(TenantDataException.class, () -> TenantFiles.load(dir));
        assertTrue(noRoot.getMessage().contains("no root"), noRoot.getMessage());
    }

    @Test
    void reportsAMissingTenantsFolderWithTheVariableToSet() {
        TenantDataException e = assertThrows(TenantDataException.class, () -> TenantFiles.load(dir.resolve("absent")));
        assertTrue(e.getMessage().contains("MOTCUA_TENANTS_DIR"));
    }

    // A small valid tree: city › district › ward, one post office.
    static final String LEVELS = """
            levels:
              - code: city
                name: {vi: "Thành phố", en: "City"}
              - code: district
                name: {vi: "Quận", en: "District"}
              - code: ward
                name: {vi: "Phường", en: "Ward"}
            """;
    static final String OFFICES = """
            postalOffices:
              - code: po-1
                name: {vi: "Bưu cục Một", en: "Post Office One"}
                address: "1 Đường Bưu Điện"
                phone: "024 3800 9999"
            """;
    static final String CITY = """
            tenants:
              - code: city
                level: city
                name: {vi: "Thành phố Mẫu", en: "Sample City"}
                agencyCode: "000.00.00.H99"
                address: "1 Quảng trường"
                deskHours:
                  - days: [MON, TUE, WED, THU, FRI]
                    sessions: ["07:30-11:30", "13:30-17:00"]
                postalOffices: [po-1]
              - code: d1
                parent: city
                level: district
                name: {vi: "Quận Một", en: "District One"}
                agencyCode: "000.00.01.H99"
                address: "1 Đường Quận"
                postalOffices: [po-1]
            """;
    static final String CITY_WARD = """
            tenants:
              - code: d1-w1
                parent: d1
                level: ward
                name: {vi: "Phường Một", en: "Ward One"}
                agencyCode: "000.01.01.H99"
                address: "1 Phố Một"
                phone: "024 3800 0001"
                postalOffices: [po-1]
            """;
    static final String HOURS = """
                deskHours:
                  - days: [MON, TUE]
                    sessions: ["07:30-11:30", "13:30-17:00"]
            """;

    private void base() throws IOException {
        write("levels.yaml", LEVELS);
        write("postal-offices.yaml", OFFICES);
        write("tree/city.yaml", CITY);
        write("tree/wards.yaml", CITY_WARD);
    }

    private void write(String file, String content) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    /** Tiny expression language for the table: CITY_WARD / HOURS, '+', and .replace('a', 'b') with \n escapes. */
    private static String expand(String expr) {
        String e = expr.strip();
        if (!e.startsWith("CITY_WARD")) {
            return e.replace("\\n", "\n");
        }
        String result = CITY_WARD;
        String rest = e.substring("CITY_WARD".length()).strip();
        if (rest.startsWith("+ HOURS")) {
            String hours = HOURS;
            rest = rest.substring("+ HOURS".length()).strip();
            while (rest.startsWith(".replace(")) {
                String[] args = replaceArgs(rest);
                hours = hours.replace(args[0], args[1]);
                rest = args[2];
            }
            return result + hours;
        }
        while (rest.startsWith(".replace(")) {
            String[] args = replaceArgs(rest);
            result = result.replace(args[0], args[1]);
            rest = args[2];
        }
        return result;
    }

    private static String[] replaceArgs(String s) {
        int a1 = s.indexOf('\'') + 1;
        int a2 = s.indexOf('\'', a1);
        int b1 = s.indexOf('\'', a2 + 1) + 1;
        int b2 = s.indexOf('\'', b1);
        int close = s.indexOf(')', b2);
        return new String[] { s.substring(a1, a2).replace("\\n", "\n"), s.substring(b1, b2).replace("\\n", "\n"),
                s.substring(close + 1).strip() };
    }
}
