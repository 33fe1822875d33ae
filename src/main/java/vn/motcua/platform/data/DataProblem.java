package vn.motcua.platform.data;

/**
 * One thing wrong in an administrator-written data file, located precisely enough to fix it without a vendor. Every
 * kind of data file (tenants, catalog, calendars) reports its problems in this one shape: {@code file:line field: reason}.
 *
 * @param file  path as the administrator knows it, e.g. {@code tree/ha-noi.yaml} or {@code catalog/1.001193.yaml}
 * @param line  1-based line, 0 when the problem concerns the file as a whole (then left out of the report)
 * @param field path of the field inside the file, e.g. {@code tenants[3].parent}; empty for the whole file
 */
public record DataProblem(String file, int line, String field, String reason) {

    /** A problem with a file or folder as a whole: no line, no field. */
    public static DataProblem ofFile(String file, String reason) {
        return new DataProblem(file, 0, "", reason);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : " " + field) + ": " + reason;
    }
}
