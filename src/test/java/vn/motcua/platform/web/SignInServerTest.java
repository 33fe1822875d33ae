package vn.motcua.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The sign-in server's answer: every realm's discovery document, remembered a few seconds. */
class SignInServerTest {

    @Test
    void upWhenEveryRealmAnswers_downWhenOneDoesNot_andTheAnswerIsRemembered() throws Exception {
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/staff/.well-known/openid-configuration", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        keycloak.start();
        String base = "http://127.0.0.1:" + keycloak.getAddress().getPort();
        SignInServer staff = new SignInServer(List.of(base + "/realms/staff/"));
        // A realm that is not there (404) counts as down: the visitor could not sign in.
        SignInServer both = new SignInServer(List.of(base + "/realms/staff", base + "/realms/citizens"));
        boolean staffUp;
        boolean bothUp;
        try {
            staffUp = staff.available().await().atMost(Duration.ofSeconds(5));
            bothUp = both.available().await().atMost(Duration.ofSeconds(5));
        } finally {
            keycloak.stop(0);
        }
        assertTrue(staffUp);
        assertFalse(bothUp);
        assertTrue(staff.available().await().atMost(Duration.ofSeconds(5)), "remembered for a few seconds");
        SignInServer nobody = new SignInServer(List.of("http://127.0.0.1:1/realms/staff"));
        assertFalse(nobody.available().await().atMost(Duration.ofSeconds(5)));
    }
}
