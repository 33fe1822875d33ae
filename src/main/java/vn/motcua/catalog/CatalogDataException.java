package vn.motcua.catalog;

import java.util.List;

/** The catalog cannot be used; start-up stops with every problem listed (file, field, reason). */
public class CatalogDataException extends RuntimeException {

    private final List<String> problems;

    public CatalogDataException(List<String> problems) {
        super("Invalid procedure catalog (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
