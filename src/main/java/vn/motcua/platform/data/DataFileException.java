package vn.motcua.platform.data;

import java.util.List;
import java.util.stream.Collectors;

/** Data files that cannot be used: start-up stops with every problem listed, each as {@code file:line field: reason}. */
public class DataFileException extends RuntimeException {

    private final List<DataProblem> problems;

    /** @param what the data in plain words, e.g. "tenant data": the message starts "Invalid tenant data (2 problems):" */
    public DataFileException(String what, List<DataProblem> problems) {
        super("Invalid " + what + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(DataProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<DataProblem> problems() {
        return problems;
    }
}
