package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.platform.i18n.MessageKeys;

/** Every staff role has its name in the console's bundle (and so, by {@code BundleKeysTest}, in both languages). */
class ConsoleWordsTest {

    @Test
    void everyStaffRoleHasItsName() {
        assertEquals(List.of(), RealmGenerator.STAFF_ROLES.stream()
                .filter(role -> !MessageKeys.has(ConsoleMessages.class, ConsoleStaffResource.roleKey(role))).toList());
        assertEquals("role_postal_clerk", ConsoleStaffResource.roleKey("postal-clerk"));
    }
}
