package vn.motcua.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login theme reaches Keycloak's {@code themes/} folder whole, from a build tree (tests, {@code ./motcua run} after
 * a build) and from the packaged service's jar alike, and a second start replaces what the first wrote.
 */
class KeycloakThemesTest {

    private static final Path SOURCE = Path.of("src/main/keycloak/themes");

    @Test
    void fromTheBuildTree(@TempDir Path themes) throws IOException {
        Files.createDirectories(themes.resolve("motcua/login/old-page.ftl"));
        KeycloakThemes.install(themes);
        assertEquals(files(SOURCE.resolve("motcua")), files(themes.resolve("motcua")));
        assertFalse(Files.exists(themes.resolve("motcua/login/old-page.ftl")), "what an earlier start wrote is gone");
    }

    @Test
    void fromTheServicesJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("motcua.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(SOURCE)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(KeycloakThemes.ROOT + "/" + SOURCE.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        Path themes = dir.resolve("themes");
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            KeycloakThemes.install(themes, classes);
        }
        assertEquals(files(SOURCE.resolve("motcua")), files(themes.resolve("motcua")));
    }

    /** Relative path → content, for every file below {@code dir}. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        assertFalse(files.isEmpty(), "no theme at " + dir);
        return files;
    }
}
