package vn.motcua.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.motcua.support.ServiceVariables;

/**
 * Every {@code MOTCUA_…} variable the README offers is read by the service ({@link ServiceVariables}). A documented
 * variable nobody reads is a setting an operator believes they made.
 */
class SettingsDocTest {

    static final Pattern VARIABLE = Pattern.compile("MOTCUA_[A-Z0-9_]*[A-Z0-9]");

    @Test
    void everyDocumentedVariableIsRead() throws IOException {
        TreeSet<String> unread = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            if (!ServiceVariables.isRead(m.group())) {
                unread.add(m.group());
            }
        }
        assertEquals(List.of(), List.copyOf(unread), "documented in the README but read nowhere");
    }
}
