package vn.motcua.platform.db;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenants a transaction may see. PostgreSQL's row-level security policies read it from the transaction-local
 * setting {@code app.tenants}, so a query that forgets its tenant filter still sees nothing outside it.
 */
public record TenantScope(Set<String> tenants) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");

    public TenantScope {
        tenants = Set.copyOf(tenants);
        for (String t : tenants) {
            // Codes are joined with commas into one setting: nothing else may slip in.
            if (!CODE.matcher(t).matches()) {
                throw new IllegalArgumentException("not a tenant code: " + t);
            }
        }
    }

    public static TenantScope of(String... tenants) {
        return new TenantScope(Set.of(tenants));
    }

    /** No tenant: only tenant-independent data is visible. */
    public static TenantScope none() {
        return new TenantScope(Set.of());
    }

    String asSetting() {
        return String.join(",", tenants.stream().sorted().toList());
    }
}
