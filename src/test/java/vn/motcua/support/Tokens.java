package vn.motcua.support;

import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.identity.realm.DemoUser;
import vn.motcua.identity.realm.RealmGenerator;

/** Real access tokens from the embedded Keycloak (password grant on the development CLI client). */
public final class Tokens {

    private record Fetched(String token, long at) {
    }

    private static final ConcurrentHashMap<String, Fetched> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String staff(String username) {
        return token(RealmGenerator.STAFF, username);
    }

    public static String citizen(String username) {
        return token(RealmGenerator.CITIZENS, username);
    }

    /** Tokens live 5 minutes: one is reused for up to 3, then fetched again. */
    public static String token(String realm, String username) {
        return CACHE.compute(realm + "/" + username, (k, old) -> old != null && System.nanoTime() - old.at() < 180_000_000_000L
                ? old : new Fetched(fetch(realm, username), System.nanoTime())).token();
    }

    private static String fetch(String realm, String username) {
        return KeycloakAdmin.passwordGrant(realm, username, DemoUser.PASSWORD);
    }
}
