package vn.motcua.tenant;

/**
 * A level of local government (cấp hành chính): city, district, ward — or, since July 2025, province and commune.
 * The levels and their number are data ({@code tenants/levels.yaml}), never code.
 *
 * @param depth 0 for the top level
 */
public record Level(String code, LocalizedText name, int depth) {
}
