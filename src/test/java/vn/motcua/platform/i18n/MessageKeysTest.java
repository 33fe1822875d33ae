package vn.motcua.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.FieldMessages;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemMessages;
import vn.motcua.platform.error.ProblemTexts;
import vn.motcua.platform.error.ProblemType;

/**
 * The words an enum carries the key of are read through Qute's dynamic lookup ({@link MessageKeys}); here each is
 * compared, in both languages and with arguments, with what the bundle's typed method renders, so the lookup gives the
 * same bytes as the hand-written switches it replaced.
 */
@QuarkusTest
class MessageKeysTest {

    static final List<Locale> LOCALES = List.of(Languages.VI, Languages.EN);

    /** Arguments for a method: numbers, and text with quotes and markup (a lookup must not escape them). */
    static Object[] sample(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == int.class ? (Object) (7 + i) : types[i] == long.class ? (Object) (7L + i) : "<b>\"a" + i + "\" & đ</b>";
        }
        return args;
    }

    static Method method(Class<?> bundle, String key) {
        return Arrays.stream(bundle.getMethods()).filter(m -> m.getName().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + key + " in " + bundle.getSimpleName()));
    }

    @Test
    void eachProblemsTitleAndDetailAreItsTypedMessages() throws Exception {
        for (Locale locale : LOCALES) {
            ProblemMessages m = Languages.bundle(ProblemMessages.class, locale);
            for (ProblemType type : ProblemType.values()) {
                assertEquals(method(ProblemMessages.class, type.titleKey()).invoke(m), ProblemTexts.title(type, locale),
                        type + " " + locale);
                Method detail = method(ProblemMessages.class, type.detailKey());
                Object[] args = sample(detail);
                assertEquals(detail.invoke(m, args), ProblemTexts.detail(type, locale, List.of(args)), type + " " + locale);
            }
        }
        assertEquals("Không có quyền", ProblemTexts.title(ProblemType.FORBIDDEN, Languages.VI));
        assertEquals("Not allowed", ProblemTexts.title(ProblemType.FORBIDDEN, Languages.EN));
    }

    /**
     * Rendered messages are kept (a page asks for the same ones over and over): what is kept must never answer for
     * another locale, other arguments or a {@code null} argument given as empty, even after the store is emptied.
     */
    @Test
    void keptMessagesAnswerOnlyForTheirOwnLocaleAndArguments() throws Exception {
        Method detail = Arrays.stream(ProblemType.values()).map(t -> method(ProblemMessages.class, t.detailKey()))
                .filter(d -> d.getParameterCount() > 0)
                .filter(d -> Arrays.asList(d.getParameterTypes()).contains(String.class)).findFirst().orElseThrow();
        for (int round = 0; round < 2; round++) {
            for (Locale locale : LOCALES) {
                ProblemMessages m = Languages.bundle(ProblemMessages.class, locale);
                Object[] one = sample(detail);
                Object[] other = sample(detail);
                for (int i = 0; i < other.length; i++) {
                    other[i] = other[i] instanceof String ? "khác " + i : other[i] instanceof Integer n ? n + 100 : ((Long) other[i]) + 100;
                }
                assertEquals(detail.invoke(m, one), MessageKeys.text(ProblemMessages.class, locale, detail.getName(), List.of(one)));
                assertEquals(detail.invoke(m, other), MessageKeys.text(ProblemMessages.class, locale, detail.getName(), List.of(other)));
                assertEquals(detail.invoke(m, one), MessageKeys.text(ProblemMessages.class, locale, detail.getName(), List.of(one)),
                        "kept, asked again");
            }
            assertEquals("Không có quyền", MessageKeys.text(ProblemMessages.class, Languages.VI, ProblemType.FORBIDDEN.titleKey()));
            assertEquals("Not allowed", MessageKeys.text(ProblemMessages.class, Languages.EN, ProblemType.FORBIDDEN.titleKey()));
            // Past the bound the store is emptied and fills again: the answers stay the same.
            for (int i = 0; i <= MessageKeys.KEPT && round == 0; i++) {
                MessageKeys.text(ProblemMessages.class, Languages.VI, detail.getName(),
                        java.util.Collections.nCopies(detail.getParameterCount(), "x" + i));
            }
        }
    }

    @Test
    void eachFieldIssuesTextIsItsTypedMessage() throws Exception {
        for (Locale locale : LOCALES) {
            FieldMessages m = Languages.bundle(FieldMessages.class, locale);
            for (FieldIssue issue : FieldIssue.values()) {
                Method text = method(FieldMessages.class, issue.key());
                Object[] args = sample(text);
                assertEquals(text.invoke(m, args), ProblemException.FieldError.of("f", issue, args).localized(locale).message(),
                        issue + " " + locale);
            }
        }
    }

    @Test
    void aMissingArgumentIsEmptyAsBefore() {
        ProblemMessages vi = Languages.bundle(ProblemMessages.class, Languages.VI);
        assertEquals(vi.problem_validation_failed_detail(0), ProblemTexts.detail(ProblemType.VALIDATION_FAILED, Languages.VI, List.of()));
        assertEquals(vi.problem_tenant_not_found_detail(""), ProblemTexts.detail(ProblemType.TENANT_NOT_FOUND, Languages.VI,
                java.util.Collections.singletonList(null)));
    }

    @Test
    void aKeyTheBundleLacksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MessageKeys.text(ProblemMessages.class, Languages.VI, "problem_no_such_thing"));
    }
}
