package vn.motcua.tenant;

import java.util.List;
import java.util.stream.Collectors;

/** The tenant data cannot be used; start-up stops with every problem listed. */
public class TenantDataException extends RuntimeException {

    private final List<TenantDataProblem> problems;

    public TenantDataException(List<TenantDataProblem> problems) {
        super("Invalid tenant data (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(TenantDataProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<TenantDataProblem> problems() {
        return problems;
    }
}
