package vn.motcua.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docs/page-budget.md}, written by the budget tests: each owns one section, between {@code <!-- begin name -->}
 * and {@code <!-- end name -->}, replaced on each run and left alone by the others' (a section not there yet is
 * appended).
 */
public final class BudgetDoc {

    public static final Path FILE = Path.of("docs/page-budget.md");

    private BudgetDoc() {
    }

    public static void write(String section, String markdown) throws IOException {
        String begin = "<!-- begin " + section + " -->\n";
        String end = "<!-- end " + section + " -->\n";
        String block = begin + markdown.stripTrailing() + "\n" + end;
        String doc = Files.exists(FILE) ? Files.readString(FILE) : "";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        if (from >= 0 && to > from) {
            doc = doc.substring(0, from) + block + doc.substring(to + end.length());
        } else {
            doc = doc.isEmpty() ? block : doc.stripTrailing() + "\n\n" + block;
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, doc);
    }
}
