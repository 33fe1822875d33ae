package vn.motcua.identity.realm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.motcua.platform.embedded.KeycloakThemes;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;

/**
 * Generates the Keycloak realms from the tenant tree: {@code staff} (officers, leaders, postal clerks, administrators,
 * with groups mirroring the tree) and {@code citizens} (self-registration with e-mail or phone).
 *
 * <p>Tokens carry the realm roles, the full group paths ({@code groups}: {@code /ha-noi/ba-dinh/ba-dinh-dien-bien} for
 * a ward officer, {@code /postal/bd-ba-dinh} for a postal clerk) from which the service reads the exact tenants, and a
 * {@code tenant} claim with the nearest group's code for other consumers. Mappers sit on each client: a top-level
 * {@code clientScopes} array would replace Keycloak's built-in scopes and strip {@code sub} and {@code realm_access}.
 */
public final class RealmGenerator {

    public static final String STAFF = "staff";
    public static final String CITIZENS = "citizens";
    /**
     * A stand-in for the national identity provider (VNeID): its users are the population registry's, each with a
     * citizen ID number and a date of birth. The citizens realm brokers it over OpenID Connect.
     */
    public static final String NATIONAL_ID = "national-id";
    /** The identity provider's alias in the citizens realm, and the button on its login page. */
    public static final String NATIONAL_ID_ALIAS = "vneid";
    /** The citizens realm's client at the national identity provider. */
    public static final String BROKER_CLIENT = "motcua-citizens-broker";
    public static final String DEV_BROKER_SECRET = "dev-broker-secret";
    /**
     * Where Keycloak reaches itself, as the realm files say it: a placeholder Keycloak fills from its environment at
     * import, so the same files serve any address.
     */
    public static final String KEYCLOAK_URL_PLACEHOLDER = "${MOTCUA_KEYCLOAK_URL}";

    /** The registry's demo identities (số định danh cá nhân), for signing in "with VNeID". */
    public record NationalIdentity(String citizenId, String firstName, String lastName, String birthDate, String email) {
    }

    public static final List<NationalIdentity> NATIONAL_IDENTITIES = List.of(
            new NationalIdentity("001085006789", "Hạnh", "Lê Thị", "1985-07-15", "hanh.le@vneid.demo"),
            new NationalIdentity("079192003456", "Khoa", "Phạm Minh", "1992-01-30", "khoa.pham@vneid.demo"));
    /** Confidential client of the tenant console (authorization code flow). */
    public static final String CONSOLE_CLIENT = "motcua-console";
    /** Confidential client of the public portal (authorization code flow). */
    public static final String PORTAL_CLIENT = "motcua-portal";
    /** Public client for scripts and tests (password grant, in the generated development realms only). */
    public static final String CLI_CLIENT = "motcua-cli";
    /** The audience every access token for this service carries. */
    public static final String AUDIENCE = "motcua";
    public static final String DEV_CONSOLE_SECRET = "dev-console-secret";
    public static final String DEV_PORTAL_SECRET = "dev-portal-secret";
    /**
     * Confidential client whose service account the service uses for the staff realm's admin API (staff provisioning,
     * group sync): it may manage users and groups of that realm and nothing else.
     */
    public static final String PROVISIONING_CLIENT = "motcua-provisioning";
    public static final String DEV_PROVISIONING_SECRET = "dev-provisioning-secret";

    /** Staff realm roles (vai trò), see the role matrix in the README. */
    public static final List<String> STAFF_ROLES = List.of("receiver", "processor", "approver", "tenant-admin",
            "city-admin", "postal-clerk", "auditor");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TenantTree tree;
    private final List<String> appBaseUrls;

    /** @param appBaseUrls where the service is reached, e.g. {@code http://localhost:8080}: allowed redirect targets */
    public RealmGenerator(TenantTree tree, List<String> appBaseUrls) {
        this.tree = tree;
        this.appBaseUrls = List.copyOf(appBaseUrls);
    }

    /** The demo users whose tenant or post office exists in this tree. */
    public List<DemoUser> demoUsers() {
        return DemoUser.ALL.stream()
                .filter(u -> u.tenant() == null || tree.find(u.tenant()).isPresent())
                .filter(u -> u.postalOffice() == null || tree.postalOffice(u.postalOffice()).isPresent())
                .toList();
    }

    public Map<String, String> realmsAsJson() {
        Map<String, String> realms = new LinkedHashMap<>();
        try {
            realms.put(STAFF, JSON.writeValueAsString(staffRealm()));
            realms.put(CITIZENS, JSON.writeValueAsString(citizensRealm()));
            realms.put(NATIONAL_ID, JSON.writeValueAsString(nationalIdRealm()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return realms;
    }

    Map<String, Object> staffRealm() {
        Map<String, Object> realm = baseRealm(STAFF, "Motcua — cán bộ");
        realm.put("registrationAllowed", false);
        realm.put("roles", Map.of("realm", STAFF_ROLES.stream().map(r -> Map.of("name", r)).toList()));
        List<Object> groups = new ArrayList<>();
        groups.add(tenantGroup(tree.root()));
        groups.add(Map.of("name", "postal", "subGroups", tree.postalOffices().stream()
                .map(o -> Map.of("name", o.code(), "attributes", Map.of("postalOffice", List.of(o.code()))))
                .toList()));
        realm.put("groups", groups);
        realm.put("clients", List.of(
                client(CONSOLE_CLIENT, DEV_CONSOLE_SECRET, "/console"),
                publicClient(),
                provisioningClient()));
        List<Map<String, Object>> users = new ArrayList<>(users(STAFF));
        users.add(Map.of("username", "service-account-" + PROVISIONING_CLIENT, "enabled", true,
                "serviceAccountClientId", PROVISIONING_CLIENT,
                "clientRoles", Map.of("realm-management", List.of("manage-users", "view-users", "query-users", "query-groups",
                        // to read the realm roles it grants
                        "view-realm"))));
        realm.put("users", users);
        // Names are the office's record: only administrators change them (StaffProfile).
        realm.put("components", userProfile(StaffProfile.JSON));
        return realm;
    }

    Map<String, Object> citizensRealm() {
        Map<String, Object> realm = baseRealm(CITIZENS, "Motcua — công dân");
        realm.put("registrationAllowed", true);
        realm.put("resetPasswordAllowed", true);
        realm.put("rememberMe", true);
        realm.put("roles", Map.of("realm", List.of(Map.of("name", "citizen"))));
        realm.put("clients", List.of(client(PORTAL_CLIENT, DEV_PORTAL_SECRET, "/"), publicClient()));
        realm.put("users", users(CITIZENS));
        realm.put("components", userProfile(CitizenProfile.JSON));
        realm.put("identityProviders", List.of(nationalIdProvider()));
        realm.put("identityProviderMappers", List.of(
                idpMapper("citizen-id", "oidc-user-attribute-idp-mapper", Map.of("claim", "citizen_id", "user.attribute", "citizenId")),
                idpMapper("birth-date", "oidc-user-attribute-idp-mapper", Map.of("claim", "birthdate", "user.attribute", "birthDate")),
                // Whoever signs in through the registry is identified at the high level; self-registered accounts
                // have no assurance attribute at all.
                idpMapper("assurance", "hardcoded-attribute-idp-mapper", Map.of("attribute", "assurance", "attribute.value", "high"))));
        return realm;
    }

    /** The national identity provider (stand-in): the registry's people, who sign in with their citizen ID number. */
    Map<String, Object> nationalIdRealm() {
        Map<String, Object> realm = baseRealm(NATIONAL_ID, "VNeID — định danh điện tử (mô phỏng)");
        realm.put("registrationAllowed", false);
        realm.put("loginWithEmailAllowed", false);
        realm.put("components", userProfile(CitizenProfile.NATIONAL_ID_JSON));
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("clientId", BROKER_CLIENT);
        broker.put("enabled", true);
        broker.put("publicClient", false);
        broker.put("secret", DEV_BROKER_SECRET);
        broker.put("standardFlowEnabled", true);
        broker.put("directAccessGrantsEnabled", false);
        broker.put("redirectUris", List.of(KEYCLOAK_URL_PLACEHOLDER + "/realms/" + CITIZENS + "/broker/" + NATIONAL_ID_ALIAS + "/endpoint*"));
        broker.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        broker.put("protocolMappers", List.of(
                mapper("citizen_id", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "citizenId", "claim.name", "citizen_id",
                        "jsonType.label", "String")),
                mapper("birthdate", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "birthdate", "claim.name", "birthdate",
                        "jsonType.label", "String"))));
        realm.put("clients", List.of(broker));
        realm.put("users", NATIONAL_IDENTITIES.stream().map(p -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", p.citizenId());
            user.put("enabled", true);
            user.put("firstName", p.firstName());
            user.put("lastName", p.lastName());
            user.put("email", p.email());
            user.put("emailVerified", true);
            user.put("attributes", Map.of("citizenId", List.of(p.citizenId()), "birthdate", List.of(p.birthDate())));
            user.put("credentials", List.of(Map.of("type", "password", "value", DemoUser.PASSWORD, "temporary", false)));
            return (Object) user;
        }).toList());
        return realm;
    }

    private static Map<String, Object> nationalIdProvider() {
        String base = KEYCLOAK_URL_PLACEHOLDER + "/realms/" + NATIONAL_ID + "/protocol/openid-connect";
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("clientId", BROKER_CLIENT);
        config.put("clientSecret", DEV_BROKER_SECRET);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("authorizationUrl", base + "/auth");
        config.put("tokenUrl", base + "/token");
        config.put("userInfoUrl", base + "/userinfo");
        config.put("jwksUrl", base + "/certs");
        config.put("logoutUrl", base + "/logout");
        config.put("issuer", KEYCLOAK_URL_PLACEHOLDER + "/realms/" + NATIONAL_ID);
        config.put("validateSignature", "true");
        config.put("useJwksUrl", "true");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("defaultScope", "openid profile email");
        config.put("syncMode", "FORCE");
        Map<String, Object> idp = new LinkedHashMap<>();
        idp.put("alias", NATIONAL_ID_ALIAS);
        idp.put("displayName", "VNeID");
        idp.put("providerId", "oidc");
        idp.put("enabled", true);
        idp.put("trustEmail", true);
        idp.put("storeToken", false);
        idp.put("firstBrokerLoginFlowAlias", "first broker login");
        idp.put("config", config);
        return idp;
    }

    private static Map<String, Object> idpMapper(String name, String type, Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>(config);
        all.put("syncMode", "FORCE");
        return Map.of("name", name, "identityProviderAlias", NATIONAL_ID_ALIAS, "identityProviderMapper", type, "config", all);
    }

    private static Map<String, Object> userProfile(String json) {
        return Map.of("org.keycloak.userprofile.UserProfileProvider", List.of(Map.of(
                "providerId", "declarative-user-profile",
                "subComponents", Map.of(),
                "config", Map.of("kc.user.profile.config", List.of(json)))));
    }

    private static Map<String, Object> baseRealm(String name, String displayName) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("displayName", displayName);
        realm.put("sslRequired", "external");
        realm.put("loginWithEmailAllowed", true);
        realm.put("duplicateEmailsAllowed", false);
        // Short access tokens; the browser session refreshes through Keycloak.
        realm.put("accessTokenLifespan", 300);
        realm.put("ssoSessionIdleTimeout", 1800);
        realm.put("ssoSessionMaxLifespan", 36000);
        realm.put("bruteForceProtected", true);
        realm.put("failureFactor", 5);
        realm.put("permanentLockout", false);
        realm.put("maxFailureWaitSeconds", 900);
        // Our light sign-in pages (src/main/keycloak/themes/motcua): the launcher installs the theme in the embedded
        // Keycloak; an external Keycloak needs the folder copied into its themes/ (README, "External Keycloak").
        realm.put("loginTheme", KeycloakThemes.LOGIN);
        realm.put("internationalizationEnabled", true);
        realm.put("supportedLocales", List.of("vi", "en"));
        realm.put("defaultLocale", "vi");
        return realm;
    }

    private Map<String, Object> tenantGroup(Tenant tenant) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", tenant.code());
        group.put("attributes", Map.of("tenant", List.of(tenant.code()), "agencyCode", List.of(tenant.agencyCode())));
        group.put("subGroups", tree.children(tenant.code()).stream().map(this::tenantGroup).toList());
        return group;
    }

    private Map<String, Object> client(String clientId, String secret, String home) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clientId", clientId);
        c.put("enabled", true);
        c.put("publicClient", false);
        c.put("secret", secret);
        c.put("standardFlowEnabled", true);
        c.put("directAccessGrantsEnabled", false);
        c.put("redirectUris", appBaseUrls.stream().map(u -> u + "/*").toList());
        c.put("webOrigins", List.of("+"));
        c.put("attributes", Map.of("post.logout.redirect.uris", String.join("##", appBaseUrls.stream().map(u -> u + "/*").toList()),
                "pkce.code.challenge.method", "S256"));
        c.put("baseUrl", appBaseUrls.isEmpty() ? home : appBaseUrls.get(0) + home);
        c.put("protocolMappers", mappers());
        return c;
    }

    private static Map<String, Object> provisioningClient() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clientId", PROVISIONING_CLIENT);
        c.put("enabled", true);
        c.put("publicClient", false);
        c.put("secret", DEV_PROVISIONING_SECRET);
        c.put("standardFlowEnabled", false);
        c.put("directAccessGrantsEnabled", false);
        c.put("serviceAccountsEnabled", true);
        return c;
    }

    private Map<String, Object> publicClient() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clientId", CLI_CLIENT);
        c.put("enabled", true);
        c.put("publicClient", true);
        c.put("standardFlowEnabled", false);
        c.put("directAccessGrantsEnabled", true);
        c.put("protocolMappers", mappers());
        return c;
    }

    private static List<Map<String, Object>> mappers() {
        return List.of(
                // The nearest group's tenant. With aggregate.attrs Keycloak 26 also collects every ancestor group's value,
                // which would name the district for a ward officer: the service reads the exact set from 'groups'.
                mapper("tenant", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "tenant", "claim.name", "tenant",
                        "jsonType.label", "String", "multivalued", "true", "aggregate.attrs", "false")),
                mapper("groups", "oidc-group-membership-mapper", Map.of("claim.name", "groups", "full.path", "true")),
                mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", AUDIENCE)),
                // A citizen's verified identity, when they came through the national identity provider.
                mapper("citizen_id", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "citizenId", "claim.name", "citizen_id",
                        "jsonType.label", "String")),
                mapper("assurance", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "assurance", "claim.name", "assurance",
                        "jsonType.label", "String")),
                // The date of birth the national identity provider verified (OpenID Connect's standard claim name), for
                // the portal to prefill the applicant's own birth date.
                mapper("birthdate", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "birthDate", "claim.name", "birthdate",
                        "jsonType.label", "String")));
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("id.token.claim", "true");
        all.put("userinfo.token.claim", "true");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", all);
    }

    private List<Map<String, Object>> users(String realm) {
        return demoUsers().stream().filter(u -> u.realm().equals(realm)).map(u -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", u.username());
            user.put("enabled", true);
            user.put("firstName", u.firstName());
            user.put("lastName", u.lastName());
            user.put("email", u.email());
            user.put("emailVerified", true);
            user.put("credentials", List.of(Map.of("type", "password", "value", DemoUser.PASSWORD, "temporary", false)));
            List<String> roles = new ArrayList<>(u.roles());
            roles.add("default-roles-" + realm);
            user.put("realmRoles", roles);
            List<String> groups = new ArrayList<>();
            if (u.tenant() != null) {
                StringBuilder path = new StringBuilder();
                tree.ancestors(u.tenant()).forEach(a -> path.append('/').append(a.code()));
                groups.add(path + "/" + u.tenant());
            }
            if (u.postalOffice() != null) {
                groups.add("/postal/" + u.postalOffice());
            }
            user.put("groups", groups);
            return user;
        }).toList();
    }
}
