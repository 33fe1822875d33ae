package vn.motcua.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.tenant.TenantFiles;
import vn.motcua.tenant.TenantTree;

/** {@link Demo} says what the tenant files and the realms hold: tested against both. */
class DemoTest {

    static final TenantTree TREE = TenantFiles.load(Path.of("tenants"));

    @Test
    void theTenantsAreInTheTreeWhereTheTestsExpectThem() {
        assertEquals(Demo.CITY, TREE.root().code());
        assertParent(Demo.DISTRICT, Demo.CITY);
        for (String ward : List.of(Demo.WARD, Demo.WARD_NGOC_HA, Demo.WARD_KIM_MA)) {
            assertParent(ward, Demo.DISTRICT);
        }
        assertTrue(TREE.find(Demo.OTHER_WARD).isPresent(), Demo.OTHER_WARD);
        assertTrue(!TREE.isSelfOrAncestor(Demo.DISTRICT, Demo.OTHER_WARD), "the other ward is outside the district");
        assertParent(Demo.RURAL_DISTRICT, Demo.CITY);
        assertParent(Demo.RURAL_COMMUNE, Demo.RURAL_DISTRICT);
        assertTrue(TREE.postalOffice(Demo.POST_OFFICE).isPresent(), Demo.POST_OFFICE);
        assertTrue(TREE.postalOffice(Demo.OTHER_POST_OFFICE).isPresent(), Demo.OTHER_POST_OFFICE);
    }

    @Test
    void theAccountsAreTheRealmsDemoUsersWithTheirRolesAndTenants() {
        Map<String, DemoUser> users = new RealmGenerator(TREE, List.of("http://localhost:8080")).demoUsers().stream()
                .collect(Collectors.toMap(DemoUser::username, Function.identity()));
        assertAccount(users, Demo.RECEIVER, "receiver", Demo.WARD);
        assertAccount(users, Demo.PROCESSOR, "processor", Demo.WARD);
        assertAccount(users, Demo.APPROVER, "approver", Demo.WARD);
        assertAccount(users, Demo.OTHER_WARD_RECEIVER, "receiver", Demo.OTHER_WARD);
        assertAccount(users, Demo.DISTRICT_RECEIVER, "receiver", Demo.DISTRICT);
        assertAccount(users, Demo.DISTRICT_PROCESSOR, "processor", Demo.DISTRICT);
        assertAccount(users, Demo.DISTRICT_APPROVER, "approver", Demo.DISTRICT);
        assertAccount(users, Demo.DISTRICT_ADMIN, "tenant-admin", Demo.DISTRICT);
        assertAccount(users, Demo.CITY_ADMIN, "city-admin", Demo.CITY);
        assertAccount(users, Demo.AUDITOR, "auditor", Demo.CITY);
        assertEquals(Demo.POST_OFFICE, users.get(Demo.POSTAL_CLERK).postalOffice());
        assertEquals(List.of("postal-clerk"), users.get(Demo.POSTAL_CLERK).roles());
        for (String citizen : List.of(Demo.CITIZEN, Demo.OTHER_CITIZEN)) {
            assertEquals(RealmGenerator.CITIZENS, users.get(citizen).realm(), citizen);
        }
    }

    private static void assertParent(String code, String parent) {
        assertTrue(TREE.find(code).isPresent(), code + " is in the tree");
        assertEquals(parent, TREE.ancestors(code).get(TREE.ancestors(code).size() - 1).code(), code + "'s parent");
    }

    private static void assertAccount(Map<String, DemoUser> users, String username, String role, String tenant) {
        DemoUser u = users.get(username);
        assertTrue(u != null, username + " is a demo account");
        assertEquals(RealmGenerator.STAFF, u.realm(), username);
        assertEquals(List.of(role), u.roles(), username + "'s roles");
        assertEquals(tenant, u.tenant(), username + "'s tenant");
    }
}
