package vn.motcua.platform.data;

import java.util.List;

/** Data files that cannot be used: start-up stops with every problem listed, each naming its file and field. */
public class DataFileException extends RuntimeException {

    private final List<String> problems;

    public DataFileException(String what, List<String> problems) {
        super("Invalid " + what + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
