package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;

/**
 * The tenant administrator sets a local closure on the year's calendar page, in a real Chromium, without JavaScript
 * (the pages carry none): the due-date preview changes (with the closure, and without it for comparison), a refused
 * day is said beside its field with what was typed kept, and every page is axe-clean. The day is in 2027, at Phường
 * Ngọc Hà, and is taken back at the end, so no other test's due date moves.
 */
@QuarkusTest
class SettingsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static void signIn(Page page, String username) {
        if (page.locator("#username").count() == 0) {
            throw new AssertionError("not a sign-in page: " + page.url() + "\n" + page.content());
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(Demo.PASSWORD);
        page.locator("#kc-login").click();
    }

    @Test
    void theAdministratorClosesADayAndSeesTheDueDateMove() {
        // One walk, without JavaScript: these pages carry no script (checked on each), so with it they would show and do
        // the same.
        try (BrowserContext context = Chromium.context(Chromium.DESKTOP, false)) {
            Page page = context.newPage();
            String calendar = base + "console/" + Demo.WARD_NGOC_HA + "/settings/calendar";
            page.navigate(base + "console/" + Demo.WARD_NGOC_HA + "/settings");
            signIn(page, Demo.DISTRICT_ADMIN);
            assertTrue(page.title().startsWith("Cấu hình đơn vị"), page::title);
            Chromium.assertAccessible(page, "settings");
            Chromium.assertNoScript(page, "settings");
            page.locator("a[href$='/settings/calendar']").click();
            Chromium.assertAccessible(page, "calendar");
            Chromium.assertNoScript(page, "calendar");

            page.navigate(calendar + "?year=2027&received=2027-03-09&days=3");
            String before = page.locator("#preview-with").textContent();
            assertTrue(before.contains("12/03/2027"), before);

            // A day of the past is refused beside its field, with what was typed kept.
            page.locator("#date").fill("2020-03-10");
            page.locator("#reason").fill("Bầu cử đại biểu (thử)");
            page.locator("form[method=post][action$='/settings/calendar'] button[type=submit]").click();
            assertTrue(page.title().startsWith("Lỗi:"), page::title);
            assertTrue(page.locator("#date-error").textContent().contains("đã qua"), () -> page.locator("#date-error").textContent());
            assertEquals("Bầu cử đại biểu (thử)", page.locator("#reason").inputValue());
            Chromium.assertAccessible(page, "calendar, refused");
            Chromium.assertNoScript(page, "calendar, refused");

            page.locator("#date").fill("2027-03-10");
            page.locator("form[method=post][action$='/settings/calendar'] button[type=submit]").click();
            assertTrue(page.url().contains("saved"), page::url);
            assertTrue(page.content().contains("Đã lưu thay đổi"), page::content);
            String after = page.locator("#preview-with").textContent();
            assertNotEquals(before, after);
            assertTrue(after.contains("15/03/2027"), after);
            assertTrue(page.locator("#preview-without").textContent().contains("12/03/2027"), () -> page.locator("#preview-without").textContent());
            assertTrue(page.locator("#preview").textContent().contains("Bầu cử đại biểu (thử)"), "the closure is named among the days skipped");
            Chromium.assertAccessible(page, "calendar with a closure");
            Chromium.assertNoScript(page, "calendar with a closure");
            Chromium.screenshot(page, "console-settings-calendar");

            // Taken back: the preview is the calendar's again.
            page.locator("form[action$='/settings/calendar/clear'] button").first().click();
            page.navigate(calendar + "?year=2027&received=2027-03-09&days=3");
            assertEquals(before, page.locator("#preview-with").textContent());

            page.navigate(base + "console/" + Demo.WARD_NGOC_HA + "/settings/hours");
            Chromium.assertAccessible(page, "desk hours");
            Chromium.assertNoScript(page, "desk hours");
            page.navigate(base + "console/" + Demo.WARD_NGOC_HA + "/settings/procedures");
            Chromium.assertAccessible(page, "procedures");
            Chromium.assertNoScript(page, "procedures");
            page.navigate(base + "console/" + Demo.WARD_NGOC_HA + "/settings/procedures/1.004873");
            Chromium.assertAccessible(page, "a procedure");
            Chromium.assertNoScript(page, "a procedure");
            page.locator("#fee-online-full").fill("99999");
            page.locator("#reason").fill("Thử");
            page.locator("form[action$='/settings/procedures/1.004873'] button[type=submit]").click();
            assertTrue(page.locator("#fee-online-full-error").textContent().contains("1500"), () -> page.locator("#fee-online-full-error").textContent());
            assertEquals("99999", page.locator("#fee-online-full").inputValue());
            Chromium.assertAccessible(page, "a procedure, refused");
            Chromium.assertNoScript(page, "a procedure, refused");
        }
    }
}
