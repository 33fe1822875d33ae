package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;

/**
 * The tenant administrator's staff page in the console, signed in through Keycloak's real login form: the forms
 * work, and a post without this session's anti-forgery token, with another session's, or from another site is
 * refused.
 */
@QuarkusTest
class ConsoleStaffPageTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URL base;

    String page(String tenant) {
        return base + "console/" + tenant + "/staff";
    }

    static String token(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "a form with its token: " + page.body());
        return m.group(1);
    }

    @Test
    void theAdministratorCreatesAndDisablesAnOfficerFromTheConsole() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> staff = browser.signIn(browser.get(page(Demo.WARD)), Demo.DISTRICT_ADMIN, DemoUser.PASSWORD);
        assertEquals(200, staff.statusCode(), staff.body());
        assertTrue(staff.body().contains(Demo.RECEIVER), staff.body());
        assertEquals("no-store", staff.headers().firstValue("Cache-Control").orElse(""));
        String csrf = token(staff);

        String username = "canbo.trang." + UUID.randomUUID().toString().substring(0, 5);
        HttpResponse<String> created = browser.post(page(Demo.WARD), List.of(Map.entry("csrf", csrf),
                Map.entry("username", username), Map.entry("lastName", "Đinh Thị"), Map.entry("firstName", "Trang"),
                Map.entry("email", ""), Map.entry("role", "receiver"), Map.entry("role", "processor")), Map.of());
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("Đã tạo tài khoản " + username), created.body());
        assertTrue(created.body().contains("Mật khẩu tạm"), created.body());

        HttpResponse<String> disabled = browser.post(page(Demo.WARD) + "/" + username + "/disable",
                List.of(Map.entry("csrf", csrf)), Map.of("Origin", base.toString().replaceAll("/$", "")));
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(disabled.uri().getQuery().contains("saved"), disabled.uri().toString());
        String row = disabled.body().substring(disabled.body().indexOf("<td>" + username + "</td>"));
        assertTrue(row.substring(0, row.indexOf("</tr>")).contains("Đã khóa"), row);
    }

    @Test
    void aPostWithoutThisSessionsTokenOrFromAnotherSiteIsRefused() throws Exception {
        Browser admin = new Browser();
        String csrf = token(admin.signIn(admin.get(page(Demo.WARD)), Demo.DISTRICT_ADMIN, DemoUser.PASSWORD));
        Browser other = new Browser();
        String otherCsrf = token(other.signIn(other.get(page(Demo.WARD)), Demo.CITY_ADMIN, DemoUser.PASSWORD));
        List<Map.Entry<String, String>> form = List.of(Map.entry("username", "canbo.gia." + UUID.randomUUID().toString().substring(0, 5)),
                Map.entry("lastName", "Giả"), Map.entry("firstName", "Mạo"), Map.entry("role", "receiver"));

        assertEquals(403, admin.post(page(Demo.WARD), form, Map.of()).statusCode(), "no token");
        List<Map.Entry<String, String>> withOthers = new java.util.ArrayList<>(form);
        withOthers.add(Map.entry("csrf", otherCsrf));
        assertEquals(403, admin.post(page(Demo.WARD), withOthers, Map.of()).statusCode(), "another session's token");
        List<Map.Entry<String, String>> withOwn = new java.util.ArrayList<>(form);
        withOwn.add(Map.entry("csrf", csrf));
        HttpResponse<String> crossSite = admin.post(page(Demo.WARD), withOwn, Map.of("Origin", "https://evil.example"));
        assertEquals(403, crossSite.statusCode(), "from another site");
        // An opaque origin (a sandboxed frame, a data: page, a redirect from another site) is never our own form.
        assertEquals(403, admin.post(page(Demo.WARD), withOwn, Map.of("Origin", "null")).statusCode(), "Origin: null");
        assertTrue(crossSite.body().contains("Không có quyền"), crossSite.body());
    }

    @Test
    void aRefusedFormIsShownAgainWithWhatWasTypedAndEachErrorBesideItsField() throws Exception {
        Browser admin = new Browser();
        String csrf = token(admin.signIn(admin.get(page(Demo.WARD)), Demo.DISTRICT_ADMIN, DemoUser.PASSWORD));
        HttpResponse<String> refused = admin.post(page(Demo.WARD), List.of(Map.entry("csrf", csrf),
                Map.entry("username", "Tên Sai!"), Map.entry("lastName", "Đinh Thị"), Map.entry("firstName", ""),
                Map.entry("email", "trang@"), Map.entry("role", "processor")), Map.of());
        String body = refused.body();
        assertEquals(400, refused.statusCode(), body);
        // Kept for a look in a browser (target/pages/): the page a refused form shows.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pages"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "pages", "console-staff-refused.html"), body);
        assertTrue(body.contains("<title>Lỗi: "), "the title says there is an error first: " + body);
        String summary = body.substring(body.indexOf("id=\"error-summary\""), body.indexOf("</div>", body.indexOf("id=\"error-summary\"")));
        for (String field : List.of("username", "firstName", "email")) {
            assertTrue(summary.contains("href=\"#" + field + "\""), field + " is linked from the summary: " + summary);
            assertTrue(body.contains("id=\"" + field + "-error\""), field + "'s error is beside it");
        }
        assertFalse(summary.contains("href=\"#lastName\""), "a valid field is not in the summary");
        assertTrue(body.contains("value=\"Tên Sai!\""), "what was typed is kept");
        assertTrue(body.contains("value=\"Đinh Thị\""), "what was typed is kept");
        assertTrue(body.contains("value=\"trang@\""), "what was typed is kept");
        assertTrue(body.contains("value=\"processor\" checked"), "the chosen role stays chosen");
        assertTrue(body.contains("aria-invalid=\"true\""));

        // A username that is taken is the username's error, on the same page, with the rest kept.
        HttpResponse<String> taken = admin.post(page(Demo.WARD), List.of(Map.entry("csrf", csrf),
                Map.entry("username", Demo.RECEIVER), Map.entry("lastName", "Đinh Thị"), Map.entry("firstName", "Trang"),
                Map.entry("email", ""), Map.entry("role", "receiver")), Map.of());
        assertEquals(409, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("href=\"#username\""), taken.body());
        assertTrue(taken.body().contains("value=\"Trang\""), taken.body());

        // In English, the same page says "Error: ".
        HttpResponse<String> english = admin.post(page(Demo.WARD) + "?lang=en", List.of(Map.entry("csrf", csrf),
                Map.entry("username", ""), Map.entry("lastName", ""), Map.entry("firstName", ""), Map.entry("role", "receiver")),
                Map.of());
        assertEquals(400, english.statusCode(), english.body());
        assertTrue(english.body().contains("<title>Error: "), english.body());
    }

    @Test
    void anOfficerWithoutTheRoleCannotOpenIt() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.signIn(browser.get(page(Demo.WARD)), Demo.RECEIVER, DemoUser.PASSWORD);
        assertEquals(403, page.statusCode(), page.body());
    }

    @Test
    void theConsoleHomeNamesTheOfficersRolesInPlainWordsAndHidesKeycloaksOwn() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.signIn(browser.get(base + "console/" + Demo.WARD), Demo.RECEIVER, DemoUser.PASSWORD);
        assertEquals(200, home.statusCode(), home.body());
        String roles = home.body().substring(home.body().indexOf("<dt>Vai trò</dt>"));
        roles = roles.substring(0, roles.indexOf("</dd>"));
        assertTrue(roles.contains("Cán bộ tiếp nhận và trả kết quả"), roles);
        for (String raw : List.of("default-roles", "offline_access", "uma_authorization", "receiver")) {
            assertFalse(roles.contains(raw), raw + " is a code, not the officer's word: " + roles);
        }

        HttpResponse<String> english = browser.get(base + "console/" + Demo.WARD + "?lang=en");
        assertTrue(english.body().contains("Receiving and returning officer"), english.body());
        assertFalse(english.body().contains("offline_access"), english.body());
    }
}
