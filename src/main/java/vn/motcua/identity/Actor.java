package vn.motcua.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import vn.motcua.platform.web.TokenClaims;

/**
 * Who is acting: a staff member (cán bộ) or a citizen (công dân), as their Keycloak token says.
 *
 * @param tenants       the tenants whose groups a staff member belongs to (the token's {@code tenant} claim)
 * @param postalOffices the post offices a postal clerk works at
 * @param assurance     how well the person is identified (mức độ định danh)
 * @param citizenId     the citizen ID number verified by the national identity provider, or {@code null}
 * @param birthDate     the date of birth verified by the national identity provider (the token's {@code birthdate}
 *                      claim), or {@code null}
 */
public record Actor(Realm realm, String subject, String username, String displayName, Set<String> roles,
        Set<String> tenants, Set<String> postalOffices, Assurance assurance, String citizenId, java.time.LocalDate birthDate) {

    /** An actor whose verified identity, if any, carries no date of birth. */
    public Actor(Realm realm, String subject, String username, String displayName, Set<String> roles, Set<String> tenants,
            Set<String> postalOffices, Assurance assurance, String citizenId) {
        this(realm, subject, username, displayName, roles, tenants, postalOffices, assurance, citizenId, null);
    }

    /**
     * How well the person behind the account is identified. Staff accounts are issued by their organization; a
     * citizen who signed in through the national identity provider (VNeID) is {@link #HIGH}; a self-registered
     * account is {@link #LOW}: it may submit and follow its own dossiers, never reuse registry data.
     */
    public enum Assurance {
        LOW,
        HIGH
    }

    /** An actor without a verified identity claim (tests, system jobs). */
    public Actor(Realm realm, String subject, String username, String displayName, Set<String> roles, Set<String> tenants,
            Set<String> postalOffices) {
        this(realm, subject, username, displayName, roles, tenants, postalOffices, Assurance.LOW, null);
    }

    /** The staff realm's group under which each post office has its group. */
    public static final String POSTAL_GROUP = "/postal";

    public enum Realm {
        STAFF("staff"),
        CITIZENS("citizens");

        private final String id;

        Realm(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public boolean isStaff() {
        return realm == Realm.STAFF;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Reads the actor from a verified identity; the realm is the OIDC tenant that verified the token. */
    public static Actor from(SecurityIdentity identity) {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        Object oidcTenant = identity.getAttribute("tenant-id");
        Realm realm = Realm.STAFF.id().equals(oidcTenant) || (oidcTenant == null && jwt.getIssuer() != null
                && jwt.getIssuer().endsWith("/realms/staff")) ? Realm.STAFF : Realm.CITIZENS;
        String username = jwt.getClaim("preferred_username");
        // Our realms' own claims are read through TokenClaims: JsonWebToken.getClaim throws and catches inside for them.
        boolean high = realm == Realm.CITIZENS && "high".equals(TokenClaims.text(jwt, "assurance"));
        return new Actor(realm, jwt.getSubject(), username, displayName(jwt, username),
                rolesOf(identity, realm),
                realm == Realm.STAFF ? tenantsOf(jwt) : Set.of(),
                realm == Realm.STAFF ? groupLeaves(strings(jwt.getClaim("groups")), true) : Set.of(),
                realm == Realm.STAFF || high ? Assurance.HIGH : Assurance.LOW,
                high ? TokenClaims.text(jwt, "citizen_id") : null,
                high ? date(jwt.getClaim("birthdate")) : null);
    }

    /** OpenID Connect's {@code birthdate}: {@code YYYY-MM-DD}; anything else (a year alone, garbage) is no date. */
    private static java.time.LocalDate date(Object claim) {
        if (!(claim instanceof String s) || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The token's realm roles. Every account of the citizens realm is a citizen, self-registered or brokered, whatever
     * its default roles say: the realm that verified the token is what makes one.
     */
    private static Set<String> rolesOf(SecurityIdentity identity, Realm realm) {
        Set<String> roles = new LinkedHashSet<>(identity.getRoles());
        if (realm == Realm.CITIZENS) {
            roles.add(Permission.Roles.CITIZEN);
        } else {
            roles.remove(Permission.Roles.CITIZEN);
        }
        return Set.copyOf(roles);
    }

    /**
     * The name the Vietnamese way, family name first ("Nguyễn Thị Lan"), where Keycloak's {@code name} claim puts
     * the given name first.
     */
    private static String displayName(JsonWebToken jwt, String username) {
        String family = jwt.getClaim("family_name");
        String given = jwt.getClaim("given_name");
        if (family != null && given != null && !family.isBlank() && !given.isBlank()) {
            return family.strip() + " " + given.strip();
        }
        String name = jwt.getClaim("name");
        return name == null || name.isBlank() ? username : name;
    }

    /**
     * The tenants of the groups the staff member belongs to: the last segment of each group path outside
     * {@code /postal}. Group membership is the truth; the {@code tenant} claim is read only when a directory gives
     * no groups.
     */
    private static Set<String> tenantsOf(JsonWebToken jwt) {
        Set<String> groups = strings(jwt.getClaim("groups"));
        return groups.isEmpty() ? strings(TokenClaims.value(jwt, "tenant")) : groupLeaves(groups, false);
    }

    private static Set<String> groupLeaves(Set<String> paths, boolean postal) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : paths) {
            boolean isPostal = path.startsWith(POSTAL_GROUP + "/");
            if (isPostal == postal) {
                String leaf = path.substring(path.lastIndexOf('/') + 1);
                if (!leaf.isEmpty()) {
                    out.add(leaf);
                }
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(unquote(v.toString())));
        } else if (claim instanceof jakarta.json.JsonArray a) {
            a.forEach(v -> out.add(unquote(v.toString())));
        } else if (claim != null) {
            out.add(unquote(claim.toString()));
        }
        return Set.copyOf(out);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
