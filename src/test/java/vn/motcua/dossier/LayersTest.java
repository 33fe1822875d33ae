package vn.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape the dossier feature keeps (docs: "Inside a feature: use cases own the rules"), read from its sources: the
 * pure core imports no I/O, the store no use case, the use cases no resource, and the resources neither check
 * permissions, open transactions nor write the audit log. And the scope of row-level security is set in one place.
 */
class LayersTest {

    private static final Path DOSSIER = Path.of("src/main/java/vn/motcua/dossier");

    @Test
    void theDomainIsPure() {
        assertEquals(List.of(), offenders("domain", "import (vn\\.motcua\\.dossier\\.(store|usecase|api)|io\\.vertx\\.mutiny|jakarta\\.ws)"));
    }

    @Test
    void theStoreKnowsNoUseCaseOrResource() {
        assertEquals(List.of(), offenders("store", "import vn\\.motcua\\.dossier\\.(usecase|api)"));
    }

    @Test
    void useCasesKnowNoResource() {
        assertEquals(List.of(), offenders("usecase", "import vn\\.motcua\\.dossier\\.api"));
    }

    @Test
    void resourcesOnlyParseAndRender() {
        assertEquals(List.of(), offenders("api",
                "import vn\\.motcua\\.(identity\\.AccessPolicy|audit\\.|platform\\.db\\.|dossier\\.usecase\\.PersonalDataReads)"
                        + "|(DossierRepository|DossierQueries|SubmissionWriter) \\w+[,)]"));
    }

    @Test
    void onlyScopedTransactionsSetsTheScope() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> setters = files.filter(f -> f.toString().endsWith(".java")).filter(f -> read(f).contains("set_config("))
                    .map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of("ScopedTransactions.java"), setters);
        }
    }

    private static List<String> offenders(String layer, String regex) {
        Pattern p = Pattern.compile(regex);
        try (Stream<Path> files = Files.walk(DOSSIER.resolve(layer))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> read(f).lines().filter(l -> p.matcher(l).find()).map(l -> f.getFileName() + ": " + l.strip()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
