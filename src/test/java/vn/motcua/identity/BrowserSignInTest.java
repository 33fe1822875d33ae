package vn.motcua.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;

/** Sign-in end to end through the authorization code flow: the console via the staff realm, the portal via citizens. */
@QuarkusTest
class BrowserSignInTest {

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void anOfficerSignsInToTheConsoleAndLandsOnTheirTenant() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(base + "console");
        assertTrue(login.uri().getPath().startsWith("/realms/staff/"), "sent to the staff realm: " + login.uri());
        assertTrue(login.body().contains("<html lang=\"vi\" data-theme=\"motcua\""), "our sign-in page, Vietnamese by default: " + login.uri());
        HttpResponse<String> console = browser.signIn(login, Demo.RECEIVER, DemoUser.PASSWORD);
        assertEquals(200, console.statusCode(), console.body());
        // A desk officer lands on the desk's queue; the office's home is a link away.
        assertEquals("/console/ba-dinh-dien-bien/queue", console.uri().getPath());
        console = browser.get(base + "console/ba-dinh-dien-bien");
        assertEquals(200, console.statusCode(), console.body());
        assertTrue(console.body().contains("Bạn đang làm việc tại Phường Điện Biên."), console.body());
        assertTrue(console.body().contains("Nguyễn Thị Lan"));
        // The officer's roles in plain words, not the realm's role names.
        assertTrue(console.body().contains("Cán bộ tiếp nhận và trả kết quả"), console.body());

        HttpResponse<String> other = browser.get(base + "console/cau-giay-yen-hoa");
        assertEquals(403, other.statusCode());
        assertTrue(other.body().contains("Không có quyền với đơn vị này"), other.body());
        assertEquals(404, browser.get(base + "console/atlantis").statusCode());
    }

    @Test
    void theSignInPageFollowsTheLanguageChosenOnThePortal() throws Exception {
        Browser browser = new Browser();
        browser.get(base + "?lang=en");
        HttpResponse<String> login = browser.get(base + "signin");
        assertTrue(login.uri().getQuery().contains("ui_locales=en"), "the service asks for English: " + login.uri());
        assertTrue(login.body().contains("lang=\"en\""), login.body());
        assertTrue(login.body().contains("<h1 id=\"kc-page-title\">Sign in</h1>"), "the citizens realm's page in English");
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> console = browser.signIn(browser.get(base + "console"), Demo.OTHER_WARD_RECEIVER, DemoUser.PASSWORD);
        assertEquals("/console/cau-giay-yen-hoa/queue", console.uri().getPath());
        HttpResponse<String> out = browser.get(base + "console/logout");
        assertEquals(200, out.statusCode());
        assertEquals("/", out.uri().getPath(), "back on the portal: " + out.uri());
        HttpResponse<String> again = browser.get(base + "console");
        assertTrue(again.uri().getPath().startsWith("/realms/staff/"), "asked to sign in again, not let in: " + again.uri());
    }

    @Test
    void aDistrictOfficerSeesAWardAsSupervisor() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.signIn(browser.get(base + "console/ba-dinh-ngoc-ha"), Demo.DISTRICT_RECEIVER, DemoUser.PASSWORD);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("giám sát"), page.body());
    }

    @Test
    void aCitizenSignsInFromThePortal() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.get(base.toString());
        assertTrue(home.body().contains("href=\"/signin\""), "the home page offers Đăng nhập");
        HttpResponse<String> login = browser.get(base + "signin");
        assertTrue(login.uri().getPath().startsWith("/realms/citizens/"), "sent to the citizens realm: " + login.uri());
        HttpResponse<String> me = browser.signIn(login, Demo.OTHER_CITIZEN, DemoUser.PASSWORD);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("/me", me.uri().getPath());
        assertTrue(me.body().contains("Xin chào, Trần Thị Bình"), me.body());
        assertTrue(browser.get(base.toString()).body().contains("Xin chào, Trần Thị Bình"), "the portal knows who is signed in");
    }

    @Test
    void aCitizenSignsOutAndTheSessionIsGone() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> me = browser.signIn(browser.get(base + "signin"), Demo.OTHER_CITIZEN, DemoUser.PASSWORD);
        assertEquals("/me", me.uri().getPath());
        assertTrue(me.body().contains("href=\"/logout\""), "the page offers Đăng xuất");
        HttpResponse<String> out = browser.get(base + "logout");
        assertEquals(200, out.statusCode(), out.body());
        assertEquals("/", out.uri().getPath(), "back on the portal: " + out.uri());
        assertFalse(out.body().contains("Trần Thị Bình"), "nobody is signed in on the portal any more");
        HttpResponse<String> again = browser.get(base + "me");
        assertTrue(again.uri().getPath().startsWith("/realms/citizens/"), "asked to sign in again, not let in: " + again.uri());
        // Signing out when nobody is signed in just goes home.
        HttpResponse<String> twice = new Browser().get(base + "logout");
        assertEquals("/", twice.uri().getPath(), twice.uri().toString());
    }

    @Test
    void aSharedPcSignsItsPersonOutWhenLeftIdle() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> kiosk = browser.post(base + "kiosk", List.of(Map.entry("on", "1")), Map.of());
        assertEquals("/kiosk", kiosk.uri().getPath());
        assertTrue(kiosk.body().contains("đang ở chế độ dùng chung"), kiosk.body());
        HttpResponse<String> me = browser.signIn(browser.get(base + "signin"), Demo.OTHER_CITIZEN, DemoUser.PASSWORD);
        assertEquals("/me", me.uri().getPath());
        assertEquals("/me", browser.get(base + "me").uri().getPath(), "in use: still signed in");
        // Left for an hour: the next person's first request signs the last one out before showing anything.
        browser.setCookie(base.getHost(), "/", "kiosk_seen", Long.toString(System.currentTimeMillis() / 1000 - 3600));
        HttpResponse<String> next = browser.get(base + "me");
        assertEquals("/", next.uri().getPath(), "signed out and sent home: " + next.uri());
        assertFalse(next.body().contains("Trần Thị Bình"), "nothing of the last person is shown");
        assertTrue(browser.get(base + "me").uri().getPath().startsWith("/realms/citizens/"), "asked to sign in again");

        // The same hour on a PC not in kiosk mode changes nothing.
        Browser own = new Browser();
        own.signIn(own.get(base + "signin"), Demo.OTHER_CITIZEN, DemoUser.PASSWORD);
        own.setCookie(base.getHost(), "/", "kiosk_seen", Long.toString(System.currentTimeMillis() / 1000 - 3600));
        assertEquals("/me", own.get(base + "me").uri().getPath());
    }

    @Test
    void aCitizenSeesOnTheirOwnPageWhoReadTheirData() throws Exception {
        String code = vn.motcua.audit.PersonalDataAccessTest.submit(Demo.OTHER_CITIZEN);
        io.restassured.RestAssured.given().auth().oauth2(vn.motcua.support.Tokens.staff(Demo.RECEIVER))
                .get("/api/t/{t}/dossiers/{code}", Demo.WARD, code).then().statusCode(200);
        Browser browser = new Browser();
        HttpResponse<String> me = browser.signIn(browser.get(base + "signin"), Demo.OTHER_CITIZEN, DemoUser.PASSWORD);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("Ai đã xem dữ liệu của tôi"), me.body());
        int row = me.body().indexOf(code);
        assertTrue(row > 0, "the read of " + code + " is listed: " + me.body());
        String line = me.body().substring(me.body().lastIndexOf("<tr>", row), me.body().indexOf("</tr>", row));
        assertTrue(line.contains("Nguyễn Thị Lan") && line.contains("Phường Điện Biên") && line.contains("Giải quyết hồ sơ"), line);
    }
}
