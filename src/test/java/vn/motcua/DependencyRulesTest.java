package vn.motcua;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point down (các phụ thuộc chỉ đi xuống): the rules of {@code docs/architecture.md}, checked on the
 * compiled classes so that a new import that breaks them fails the suite.
 *
 * <ul>
 * <li>{@code platform} (errors, i18n, the page kit, database, cache, embedded servers) imports no feature;</li>
 * <li>features form no cycle, and each sits on a rank: it may use features of a lower rank only;</li>
 * <li>a feature uses another through its public service and view records: never its store (repositories, SQL
 * writers) nor its HTTP adapters (resources).</li>
 * </ul>
 *
 * The root package ({@link MotcuaMain}) is the composition root and may use every feature. Each rule's
 * {@code check} throws an {@link AssertionError} naming every violation (tried: a platform class importing
 * {@code identity} fails three of these tests).
 */
class DependencyRulesTest {

    static final String ROOT = "vn.motcua";

    /**
     * Each feature's rank: a feature may depend on features of a strictly lower rank (and on {@code platform}).
     * Features of the same rank are independent of each other.
     */
    static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("platform", 0),
            Map.entry("tenant", 1),
            Map.entry("identity", 2),
            Map.entry("calendar", 3), Map.entry("catalog", 3), Map.entry("audit", 3),
            Map.entry("staff", 4), Map.entry("administration", 4),
            Map.entry("dossier", 5),
            Map.entry("intake", 6),
            Map.entry("notification", 6),
            Map.entry("payment", 6),
            Map.entry("report", 6),
            Map.entry("nationalportal", 7),
            Map.entry("console", 8), Map.entry("portal", 8));

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void platformImportsNoFeature() {
        String[] features = RANKS.keySet().stream().filter(f -> !f.equals("platform")).map(f -> ROOT + "." + f + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(ROOT + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(features)
                .because("platform is the floor every feature stands on")
                .check(MAIN);
    }

    @Test
    void featuresFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void eachFeatureUsesOnlyFeaturesBelowIt() {
        List<ArchRule> rules = new ArrayList<>();
        RANKS.forEach((feature, rank) -> {
            String[] notBelow = RANKS.entrySet().stream()
                    .filter(e -> !e.getKey().equals(feature) && e.getValue() >= rank)
                    .map(e -> ROOT + "." + e.getKey() + "..").toArray(String[]::new);
            if (notBelow.length > 0) {
                rules.add(noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(notBelow)
                        .because(feature + " has rank " + rank + " and may use only features of a lower rank"));
            }
        });
        rules.forEach(rule -> rule.check(MAIN));
    }

    @Test
    void everyTopLevelPackageHasARank() {
        List<String> unranked = MAIN.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith(ROOT + "."))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct().filter(f -> !RANKS.containsKey(f)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), unranked,
                "a new feature package needs its rank in RANKS (and a line in docs/architecture.md)");
    }

    @Test
    void noFeatureReachesIntoAnothersStoreOrResources() {
        RANKS.keySet().stream().filter(f -> !f.equals("platform")).forEach(feature -> noClasses()
                .that().resideOutsideOfPackage(ROOT + "." + feature + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "the repositories, writers or resources of " + feature,
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith(ROOT + "." + feature)
                                && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Writer")
                                        || c.getPackageName().contains(".store") || c.isAnnotatedWith("jakarta.ws.rs.Path"))))
                .because("a feature is used through its service and view records")
                .allowEmptyShould(true)
                .check(MAIN));
    }
}
