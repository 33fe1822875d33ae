package vn.motcua.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Chromium;

/**
 * Finding and understanding a procedure in a real Chromium, without JavaScript (the pages carry none), on a phone and a
 * desktop: a search typed without diacritics and with a typo finds birth registration; its page says the fee, the time
 * in working days and the due date at the chosen ward; every page is axe-clean.
 */
@QuarkusTest
class FindPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void searchWithoutDiacriticsAndWithATypoFindsBirthRegistration() {
        // One walk, without JavaScript, on a phone: these pages carry no script (checked on each), so with JavaScript they
        // would show and do the same; each page is checked and photographed at both widths, resized in place.
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            page.navigate(base + "");
            checked(page, "home");
            Chromium.screenshotAtEveryWidth(page, "portal-home");
            page.getByLabel("Bạn cần làm thủ tục gì?").fill("dang ky khia sinh");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Tìm")).click();
            page.waitForURL("**/procedures?q=**");
            checked(page, "search results");
            assertTrue(page.locator("ol.results").textContent().contains("Đăng ký khai sinh"), page.content());
            Chromium.screenshotAtEveryWidth(page, "portal-search");
            page.locator("ol.results a", new Page.LocatorOptions().setHasText("Đăng ký khai sinh")).first().click();
            page.waitForURL("**/procedures/1.001193");
            assertEquals("Đăng ký khai sinh", page.locator("h1").textContent());
            checked(page, "procedure page");
            // Where do you live: the ward's office, its hours and the due date if submitted now.
            page.getByLabel("Bạn sống ở phường, xã nào?").selectOption("ba-dinh-dien-bien");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Xem cơ quan giải quyết")).click();
            page.waitForURL("**ward=ba-dinh-dien-bien**");
            String office = page.locator(".panel[role=status]").textContent();
            assertTrue(office.contains("Phường Điện Biên"), office);
            assertTrue(office.matches("(?s).*ngày hẹn trả kết quả là trước \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/20\\d\\d.*"), office);
            assertTrue(page.locator("#fee + dl").textContent().contains("Miễn phí"));
            checked(page, "procedure page with an office");
            Chromium.screenshotAtEveryWidth(page, "portal-procedure");
        }
    }

    /** axe at both widths, and no script of the page's own (so that the walk without JavaScript stands for both). */
    private static void checked(Page page, String what) {
        Chromium.assertAccessibleAtEveryWidth(page, what);
        Chromium.assertNoScript(page, what);
    }

    @Test
    void lifeEventsAndFieldsLeadToTheirProcedures() {
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            page.navigate(base + "");
            page.getByText("Có em bé").click();
            page.waitForURL("**/procedures?event=birth");
            String list = page.locator("ol.results").textContent();
            assertTrue(list.contains("Đăng ký khai sinh") && list.contains("bảo hiểm y tế"), list);
            Chromium.assertAccessible(page, "life event");
            page.navigate(base + "procedures?field=business");
            assertTrue(page.locator("ol.results").textContent().contains("hộ kinh doanh"));
            page.navigate(base + "procedures?q=zzzzqqq");
            assertTrue(page.locator("[role=status]").first().textContent().contains("Không tìm thấy"));
            Chromium.assertAccessible(page, "no results");
        }
    }

    @Test
    void anUnknownFieldOrProcedureIsAPlainNotFoundPage() {
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            assertEquals(404, page.navigate(base + "procedures?field=nope").status());
            Chromium.assertAccessible(page, "unknown field");
            assertEquals(404, page.navigate(base + "procedures/9.999999").status());
            Chromium.assertAccessible(page, "unknown procedure");
        }
    }
}
