package vn.motcua.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The login theme's files, without Keycloak: every word our templates ask for is in our own messages in both
 * languages (Keycloak's base Vietnamese has gaps and other words), and nothing in them makes a browser fetch a file.
 * {@link LoginThemeTest} checks the pages Keycloak renders from them.
 */
class LoginThemeWordsTest {

    static final Path THEME = Path.of("src/main/keycloak/themes/motcua/login");
    private static final Pattern MSG = Pattern.compile("msg\\(\\s*\"([^\"$]+)\"\\s*[,)]");
    /** Keys a template builds rather than names: the language links, and the username's label by the realm's settings. */
    private static final List<String> BUILT_KEYS = List.of("motcuaLanguage_vi", "motcuaLanguage_en", "username", "usernameOrEmail", "email");

    @Test
    void everyWordOurTemplatesUseIsOursInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>(BUILT_KEYS);
        for (Path template : templates()) {
            Matcher m = MSG.matcher(Files.readString(template));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertTrue(used.contains("motcuaSignInWith"), "the scan finds the templates' keys: " + used);
        Properties vi = messages("vi");
        Properties en = messages("en");
        for (String key : used) {
            assertFalse(vi.getProperty(key, "").isBlank(), "messages_vi.properties lacks " + key);
            assertFalse(en.getProperty(key, "").isBlank(), "messages_en.properties lacks " + key);
        }
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames(), "both languages have the same keys");
        assertEquals("Đăng nhập bằng {0}", vi.getProperty("motcuaSignInWith"));
        assertEquals("Tên đăng nhập", vi.getProperty("username"));
    }

    @Test
    void nothingInTheThemeFetchesAFile() throws IOException {
        Properties theme = new Properties();
        try (Reader in = Files.newBufferedReader(THEME.resolve("theme.properties"), StandardCharsets.UTF_8)) {
            theme.load(in);
        }
        assertEquals("base", theme.getProperty("parent"), "base templates, not keycloak.v2's 2 MB");
        for (String key : List.of("styles", "stylesCommon", "scripts", "import")) {
            assertFalse(theme.containsKey(key), "theme.properties links " + key);
        }
        for (Path template : templates()) {
            String text = Files.readString(template);
            assertFalse(text.contains("<script"), template + " has a script");
            assertFalse(text.contains("resourcesPath") || text.contains("resourcesCommonPath"), template + " links a resource");
        }
        String layout = Files.readString(THEME.resolve("template.ftl"));
        assertTrue(layout.contains("<link rel=\"icon\" href=\"data:,\">"), "no request for /favicon.ico");
        assertEquals(1, layout.split("<link", -1).length - 1, "the icon is the only link");
        String css = Files.readString(THEME.resolve("resources/css/motcua.css"));
        for (String fetch : List.of("url(", "@import", "@font-face")) {
            assertFalse(css.contains(fetch), "the stylesheet fetches with " + fetch);
        }
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(THEME)) {
            return files.filter(f -> f.toString().endsWith(".ftl")).sorted().toList();
        }
    }

    private static Properties messages(String language) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(THEME.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
