package vn.motcua.platform.data;

/**
 * A YAML data file that was read and mapped: its name as reports show it, its value, and where each field is, so
 * that the feature's own checks report their problems at the right line.
 */
public record YamlFile<T>(String name, T value, YamlLines lines) {

    /** A problem with {@code field} (a path like {@code versions[0].steps}), reported at that field's line. */
    public DataProblem problem(String field, String reason) {
        return new DataProblem(name, lines.lineOf(field), field, reason);
    }

    /** A problem with {@code field}, reported at the line of {@code locate} (e.g. the entry the field is missing from). */
    public DataProblem problemAt(String locate, String field, String reason) {
        return new DataProblem(name, lines.lineOf(locate), field, reason);
    }
}
