package vn.motcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word in both languages (mọi chữ đều có hai thứ tiếng): each message bundle of the service (found on the
 * compiled classes, so a new feature's bundle is checked without being listed here) has its Vietnamese and its English
 * file, {@code messages/<name>_vi.properties} and {@code messages/<name>_en.properties}, and both hold exactly the
 * keys of the bundle interface, each once. No other file lies in {@code messages/}.
 *
 * <p>The Quarkus build already fails when a method has no text in one of the files; this test also refuses a key left
 * in a file after its method went, a key written twice (the second silently wins), a text given in an annotation
 * instead of the files, and a file no bundle reads.
 */
class BundleKeysTest {

    static final List<String> LANGUAGES = List.of("vi", "en");

    /** The message bundle interfaces of the service. */
    static List<Class<?>> bundles() {
        return DependencyRulesTest.MAIN.stream().filter(c -> c.isAnnotatedWith(MessageBundle.class)).map(JavaClass::reflect)
                .sorted((a, b) -> a.getName().compareTo(b.getName())).collect(Collectors.toList());
    }

    static String name(Class<?> bundle) {
        return bundle.getAnnotation(MessageBundle.class).value();
    }

    /** The keys of a message file, in order, each as often as it is written. */
    static List<String> keys(String file) {
        try (var in = BundleKeysTest.class.getClassLoader().getResourceAsStream("messages/" + file)) {
            assertTrue(in != null, "messages/" + file + " is missing");
            List<String> keys = new ArrayList<>();
            boolean continued = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                boolean wasContinued = continued;
                continued = line.endsWith("\\");
                if (wasContinued || line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                assertTrue(line.contains("="), file + ": not a key=text line: " + line);
                keys.add(line.substring(0, line.indexOf('=')).strip());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message file's keys and texts. */
    static Map<String, String> texts(String file) {
        Map<String, String> texts = new LinkedHashMap<>();
        try (var in = BundleKeysTest.class.getClassLoader().getResourceAsStream("messages/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    @Test
    void theServiceHasItsBundles() {
        assertEquals(List.of("console", "counter", "desk", "deskaction", "deskdossier", "dossier", "field", "form", "intake", "mine", "msg",
                "notice", "pay", "portal", "postal", "problem", "report", "settings", "sync"), bundles().stream().map(BundleKeysTest::name).sorted().toList());
    }

    @Test
    void eachBundleHasEachOfItsKeysOnceInBothLanguagesAndNoOther() {
        for (Class<?> bundle : bundles()) {
            assertEquals("vi", bundle.getAnnotation(MessageBundle.class).locale(), bundle + ": Vietnamese is the default");
            Set<String> methods = new TreeSet<>();
            for (Method m : bundle.getDeclaredMethods()) {
                methods.add(m.getName());
                Message message = m.getAnnotation(Message.class);
                assertTrue(message == null || message.value().equals(Message.DEFAULT_VALUE),
                        bundle.getSimpleName() + "." + m.getName() + ": its text belongs in the files, not in the annotation");
            }
            assertFalse(methods.isEmpty(), bundle.getName());
            for (String language : LANGUAGES) {
                String file = name(bundle) + "_" + language + ".properties";
                List<String> keys = keys(file);
                assertEquals(List.of(), keys.stream().filter(k -> keys.indexOf(k) != keys.lastIndexOf(k)).distinct().toList(),
                        file + ": keys written twice");
                assertEquals(methods, new TreeSet<>(keys), file + " against " + bundle.getName()
                        + " (left: the interface's methods, right: the file's keys)");
            }
        }
    }

    @Test
    void noMessageFileWithoutItsBundle() throws IOException, URISyntaxException {
        Set<String> expected = bundles().stream()
                .flatMap(b -> LANGUAGES.stream().map(l -> name(b) + "_" + l + ".properties")).collect(Collectors.toCollection(TreeSet::new));
        Path dir = Path.of(BundleKeysTest.class.getClassLoader().getResource("messages").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(expected, files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void aTextUsesOnlyItsMethodsParameters() {
        // A text that drops a parameter says less in one language than in the other.
        for (Class<?> bundle : bundles()) {
            for (String language : LANGUAGES) {
                String file = name(bundle) + "_" + language + ".properties";
                texts(file).forEach((key, text) -> Arrays.stream(bundle.getDeclaredMethods()).filter(m -> m.getName().equals(key))
                        .forEach(method -> {
                    // (a key without its method is the test above's to report)
                    Set<String> params = Arrays.stream(method.getParameters()).map(p -> p.getName()).collect(Collectors.toSet());
                    var used = java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(text).results().map(r -> r.group(1))
                            .collect(Collectors.toSet());
                    assertEquals(params, used, file + ": " + key);
                }));
            }
        }
    }
}
