package vn.motcua.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.i18n.MessageKeys;

/**
 * Each problem type and field issue carries the keys of its words, and their bundles have exactly those: a
 * new type without its title or detail, or a word left behind by a removed one, fails here (and {@code BundleKeysTest}
 * holds every bundle key to both languages).
 */
class ProblemWordsTest {

    @Test
    void everyProblemTypeAndFieldIssueHasItsWordsAndNoWordIsLeftOver() {
        Set<String> carried = Stream.concat(
                Arrays.stream(ProblemType.values()).flatMap(t -> Stream.of(t.titleKey(), t.detailKey())),
                Arrays.stream(FieldIssue.values()).map(FieldIssue::key)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inBundles = Stream.concat(Arrays.stream(ProblemMessages.class.getDeclaredMethods()).map(Method::getName)
                .filter(k -> !k.equals("problem_code")), Arrays.stream(FieldMessages.class.getDeclaredMethods()).map(Method::getName))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(carried, inBundles);
        Arrays.stream(ProblemType.values()).flatMap(t -> Stream.of(t.titleKey(), t.detailKey()))
                .forEach(k -> assertTrue(MessageKeys.has(ProblemMessages.class, k), k));
        Arrays.stream(FieldIssue.values()).map(FieldIssue::key).forEach(k -> assertTrue(MessageKeys.has(FieldMessages.class, k), k));
    }
}
