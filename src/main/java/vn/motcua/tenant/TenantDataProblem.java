package vn.motcua.tenant;

/**
 * One thing wrong in the tenant data, located precisely enough for an administrator to fix it without a vendor.
 *
 * @param file  path relative to the tenants folder
 * @param line  1-based line, 0 when the problem concerns the file as a whole
 * @param field path of the field inside the file, e.g. {@code tenants[3].parent}; empty for the whole file
 */
public record TenantDataProblem(String file, int line, String field, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : " " + field) + ": " + reason;
    }
}
