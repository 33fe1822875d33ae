package vn.motcua.platform.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Our Keycloak themes ({@code src/main/keycloak/themes/}), shipped inside the service: Maven copies that folder into
 * the class path under {@code keycloak-themes/} (see the pom), so {@code ./motcua run}, the tests and the built jar
 * all carry the same files, and this class writes them out into a Keycloak's {@code themes/} folder.
 *
 * <p>A folder theme needs no {@code kc.sh build}: {@code start --optimized} reads {@code themes/} at every start
 * (checked by {@code LoginThemeTest}). Keycloak keeps caching themes and templates as in production; the files are
 * written again before each start, so a changed theme shows at the next start.
 */
public final class KeycloakThemes {

    /** Where the themes sit on the class path. */
    static final String ROOT = "keycloak-themes";
    /** Our login theme: the realms' {@code loginTheme}. */
    public static final String LOGIN = "motcua";
    /** The themes we ship; each must have a {@code login/theme.properties}. */
    static final List<String> NAMES = List.of(LOGIN);

    private KeycloakThemes() {
    }

    /**
     * Writes every theme of {@link #NAMES} into {@code themesDir} ({@code themesDir/motcua/login/…}), replacing what an
     * earlier start wrote there.
     */
    public static void install(Path themesDir) throws IOException {
        install(themesDir, KeycloakThemes.class.getClassLoader());
    }

    static void install(Path themesDir, ClassLoader classes) throws IOException {
        for (String name : NAMES) {
            Path target = themesDir.resolve(name);
            EmbeddedKeycloakServer.deleteTree(target);
            copyTheme(classes, name, target);
        }
    }

    private static void copyTheme(ClassLoader classes, String name, Path target) throws IOException {
        String anchor = ROOT + "/" + name + "/login/theme.properties";
        URL url = classes.getResource(anchor);
        if (url == null) {
            throw new IOException("the Keycloak theme '" + name + "' is missing from the build (" + anchor + ")");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the Keycloak theme from " + url, e);
        }
        // From target/classes (tests, a build tree) the theme is a folder; from the packaged service it is inside a jar.
        switch (uri.getScheme()) {
            case "file" -> copyTree(Path.of(uri).getParent().getParent(), target);
            case "jar" -> {
                // jar:file:/…/motcua.jar!/keycloak-themes/motcua/login/theme.properties: read it through a private
                // zip file system on the jar itself (never one registered for the whole JVM).
                String spec = uri.getRawSchemeSpecificPart();
                int bang = spec.indexOf("!/");
                try (FileSystem jar = FileSystems.newFileSystem(Path.of(URI.create(spec.substring(0, bang))))) {
                    copyTree(jar.getPath(spec.substring(bang + 1)).getParent().getParent(), target);
                }
            }
            default -> throw new IOException("cannot read the Keycloak theme from " + url);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
