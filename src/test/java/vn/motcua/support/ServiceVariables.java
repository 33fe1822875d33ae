package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The environment variables the service reads: named in {@code application.properties} as {@code ${VARIABLE…}}, or
 * as a string in its code (the embedded servers read theirs before configuration exists).
 */
public final class ServiceVariables {

    private static String properties;
    private static String code;

    private ServiceVariables() {
    }

    /** Whether the service reads {@code variable}. */
    public static synchronized boolean isRead(String variable) {
        if (properties == null) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
                properties = Files.readString(Path.of("src/main/resources/application.properties"));
                code = String.join("\n", files.filter(f -> f.toString().endsWith(".java")).map(ServiceVariables::read).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties.contains("${" + variable) || code.contains('"' + variable + '"')
                || code.contains("\"${" + variable + "}\"");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
