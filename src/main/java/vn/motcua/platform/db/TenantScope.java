package vn.motcua.platform.db;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a transaction may see. PostgreSQL's row-level security policies read it from the transaction-local settings
 * {@code app.tenants} (the tenants) and {@code app.actor} (who is acting, {@code <realm>:<subject>}, which lets a
 * citizen see their own dossiers), so a query that forgets its filter still sees nothing outside it.
 */
public record TenantScope(Set<String> tenants, String actor, Set<String> offices) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern ACTOR = Pattern.compile("[a-z]{1,20}:[A-Za-z0-9-]{1,64}");

    public TenantScope {
        tenants = Set.copyOf(tenants);
        offices = Set.copyOf(offices);
        for (String t : tenants) {
            // Codes are joined with commas into one setting: nothing else may slip in.
            if (!CODE.matcher(t).matches()) {
                throw new IllegalArgumentException("not a tenant code: " + t);
            }
        }
        for (String o : offices) {
            if (!CODE.matcher(o).matches()) {
                throw new IllegalArgumentException("not a post office code: " + o);
            }
        }
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException("not an actor key: " + actor);
        }
    }

    public TenantScope(Set<String> tenants) {
        this(tenants, null, Set.of());
    }

    public static TenantScope of(String... tenants) {
        return new TenantScope(Set.of(tenants));
    }

    /** No tenant: only tenant-independent data is visible. */
    public static TenantScope none() {
        return new TenantScope(Set.of());
    }

    /** The same tenants, acting as {@code actorKey}. */
    public TenantScope as(String actorKey) {
        return new TenantScope(tenants, actorKey, offices);
    }

    /** Only {@code tenant}, if this scope holds it; otherwise nothing. */
    public TenantScope narrowTo(String tenant) {
        return new TenantScope(tenants.contains(tenant) ? Set.of(tenant) : Set.of(), actor, offices);
    }

    /** These tenants and {@code more}. */
    public TenantScope plus(java.util.Collection<String> more) {
        Set<String> all = new java.util.LinkedHashSet<>(tenants);
        all.addAll(more);
        return new TenantScope(all, actor, offices);
    }

    /** The same scope, also seeing what these post offices took in or deliver ({@code app.offices}). */
    public TenantScope withOffices(Set<String> postalOffices) {
        return new TenantScope(tenants, actor, postalOffices);
    }

    String officesSetting() {
        return String.join(",", offices.stream().sorted().toList());
    }

    String asSetting() {
        return String.join(",", tenants.stream().sorted().toList());
    }

    String actorSetting() {
        return actor == null ? "" : actor;
    }
}
