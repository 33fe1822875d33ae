package vn.motcua.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every {@code MOTCUA_…} variable the README offers is read by the service: named in {@code application.properties}
 * as {@code ${VARIABLE…}}, or as a string in its code (the embedded servers read theirs before configuration exists).
 * A documented variable nobody reads is a setting an operator believes they made.
 */
class SettingsDocTest {

    static final Pattern VARIABLE = Pattern.compile("MOTCUA_[A-Z0-9_]*[A-Z0-9]");

    @Test
    void everyDocumentedVariableIsRead() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String code;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            code = String.join("\n", files.filter(f -> f.toString().endsWith(".java")).map(SettingsDocTest::read).toList());
        }
        TreeSet<String> unread = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            String variable = m.group();
            if (!properties.contains("${" + variable) && !code.contains('"' + variable + '"')
                    && !code.contains("\"${" + variable + "}\"")) {
                unread.add(variable);
            }
        }
        assertEquals(List.of(), List.copyOf(unread), "documented in the README but read nowhere");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
