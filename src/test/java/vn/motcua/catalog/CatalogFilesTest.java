package vn.motcua.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog loads the seed procedures and reports each class of invalid file with its file and field. */
class CatalogFilesTest {

    static final Set<String> LEVELS = Set.of("city", "district", "ward");

    @TempDir
    Path dir;

    @Test
    void loadsTheSeedCatalog() {
        Map<String, Procedure> catalog = CatalogFiles.load(Path.of("tenants/catalog"), LEVELS);
        assertTrue(catalog.size() >= 12, "at least 12 procedures: " + catalog.size());
        assertTrue(catalog.values().stream().anyMatch(p -> p.versions().size() > 1), "one procedure has two versions");
        assertTrue(catalog.values().stream().anyMatch(p -> p.versions().get(0).interconnected()), "an interconnected one");
        // Decree 118/2025: birth registration is received at any desk of the city from its 2025 version on, not before.
        assertEquals(List.of(false, true), catalog.get("1.001193").versions().stream().map(Procedure.Version::receivedAnywhere).toList());
        assertTrue(catalog.get("1.000656").versions().stream().noneMatch(Procedure.Version::receivedAnywhere), "death registration");
        for (String level : LEVELS) {
            assertTrue(catalog.values().stream().anyMatch(p -> p.versions().get(p.versions().size() - 1).levels().contains(level)), level);
        }
    }

    @Test
    void theTwoLevelCatalogNeedsItsOwnLevels() {
        CatalogDataException e = assertThrows(CatalogDataException.class,
                () -> CatalogFiles.load(Path.of("src/test/resources/catalog-two-level"), LEVELS));
        assertTrue(e.getMessage().contains("'commune' is not a level of the tenant tree"), e.getMessage());
        assertEquals(1, CatalogFiles.load(Path.of("src/test/resources/catalog-two-level"), Set.of("province", "commune")).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad code           | code: "1.001193"                      | code: "KS-01"                                  | code: required, like 1.001193
            unknown field      | field: civil-status                   | field: astrology                               | field: 'astrology' is not one of
            unknown level      | levels: [commune]                     | levels: [hamlet]                               | 'hamlet' is not a level of the tenant tree
            unknown channel    | channels: [online-full, counter]      | channels: [fax]                                | 'fax' is not one of online-full
            bad document kind  | kind: original                        | kind: photocopy                                | 'photocopy' is not one of original, copy, certified-copy
            bad field type     | type: text                            | type: signature                                | 'signature' is not one of
            bad pattern        | required: true}                       | required: true, pattern: "[0-9"}               | pattern: not a valid regular expression
            when on a text     | required: true}                       | required: true, when: past}                    | when: 'past' applies to a date only
            quarter days       | processingDays: 1                     | processingDays: 1.25                           | must be a positive number of working days in halves
            shares not 1       | share: 0.5, role: approver            | share: 0.4, role: approver                     | the shares add up to 0.9, not 1
            unknown role       | role: approver                        | role: mayor                                    | 'mayor' is not one of
            bad clock          | supplementClock: pause                | supplementClock: sometimes                     | 'pause' or 'restart'
            English missing    | result: {vi: "Giấy khai sinh", en: "Birth certificate"} | result: {vi: "Giấy khai sinh"} | result: required, with 'vi' and 'en'
            bad date           | effectiveFrom: "2025-07-01"           | effectiveFrom: "1/7/2025"                      | is not a date like 2025-07-01
            unknown key        | supplementClock: pause                | supplementClock: pause\\n    colour: red       | versions[0].colour: unknown field 'colour'
            unknown part       | supplementClock: pause                | supplementClock: pause\\n    parts: [{procedure: "9.999999", agency: "Công an", level: commune}] | 9.999999 is not a procedure of the catalog
            anywhere not yes/no | receivedAnywhere: true               | receivedAnywhere: sometimes                    | receivedAnywhere: wrong type: expected true or false
            anywhere before 118 | effectiveFrom: "2025-07-01"          | effectiveFrom: "2025-06-30"                    | versions[0].receivedAnywhere: receiving anywhere in the province applies from 2025-07-01
            """)
    void reportsEachClassOfInvalidFile(String name, String find, String replace, String expected) throws IOException {
        String valid = Files.readString(Path.of("src/test/resources/catalog-two-level/1.001193.yaml"));
        String broken = valid.replace(find, replace.replace("\\n", "\n"));
        assertTrue(!broken.equals(valid), "the case changes the file");
        Files.writeString(dir.resolve("1.001193.yaml"), broken);
        CatalogDataException e = assertThrows(CatalogDataException.class, () -> CatalogFiles.load(dir, Set.of("province", "commune")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("catalog/1.001193.yaml"), "names the file");
    }

    @Test
    void aFileIsNamedByItsCodeSoNoCodeIsUsedTwice() throws IOException {
        String valid = Files.readString(Path.of("src/test/resources/catalog-two-level/1.001193.yaml"));
        Files.writeString(dir.resolve("1.001193.yaml"), valid);
        Files.writeString(dir.resolve("birth-copy.yaml"), valid);
        CatalogDataException e = assertThrows(CatalogDataException.class, () -> CatalogFiles.load(dir, Set.of("province", "commune")));
        assertTrue(e.getMessage().contains("catalog/birth-copy.yaml:2 code: 1.001193 does not match the file's name (1.001193.yaml)"),
                e.getMessage());
    }
}
