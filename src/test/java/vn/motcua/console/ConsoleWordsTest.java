package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.Exemption;
import vn.motcua.dossier.usecase.WorkQueue;
import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.platform.i18n.MessageKeys;

/**
 * Every staff role has its name in the console's bundle, and every word the desk's pages read by key is in one of the
 * desk's bundles (and so, by {@code BundleKeysTest}, in both languages).
 */
class ConsoleWordsTest {

    @Test
    void everyStaffRoleHasItsName() {
        assertEquals(List.of(), RealmGenerator.STAFF_ROLES.stream()
                .filter(role -> !MessageKeys.has(ConsoleMessages.class, ConsoleStaffResource.roleKey(role))).toList());
        assertEquals("role_postal_clerk", ConsoleStaffResource.roleKey("postal-clerk"));
    }

    /** {@link Desk#text} reads a key from the first of the desk's bundles that has it: a key in two would hide one. */
    @Test
    void theDesksBundlesShareNoKey() {
        Map<String, List<String>> holders = new TreeMap<>();
        for (Class<?> bundle : Desk.BUNDLES) {
            for (Method m : bundle.getDeclaredMethods()) {
                holders.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(bundle.getSimpleName());
            }
        }
        holders.values().removeIf(list -> list.size() == 1);
        assertEquals(Map.of(), holders);
    }

    /** The keyed families the desk's pages build from a status, a queue, an action, an exemption or a timeliness. */
    @Test
    void everyKeyTheDeskBuildsIsInOneOfItsBundles() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(DossierStatus.values()).forEach(s -> keys.add("state_" + s.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(WorkQueue.Tab.values()).forEach(t -> keys.add("tab_" + t.wire().replace('-', '_')));
        for (DossierAction a : DossierAction.values()) {
            keys.add("done_" + a.name().toLowerCase(Locale.ROOT));
            keys.add("event_" + a.wire().replace('-', '_'));
        }
        Arrays.stream(Exemption.values()).forEach(x -> keys.add("exemption_" + x.wire().replace('-', '_')));
        for (Deadlines.Timeliness t : Deadlines.Timeliness.values()) {
            keys.add("timeliness_" + t.name().toLowerCase(Locale.ROOT));
            keys.add("step_" + t.name().toLowerCase(Locale.ROOT));
        }
        List.of("counter", "post", "online").forEach(c -> keys.add("return_" + c));
        assertEquals(List.of(), keys.stream().filter(k -> !Desk.has(k)).toList());
    }
}
