package vn.motcua.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;

/**
 * A birth registration filled and submitted in a real Chromium, one question a page, with and without JavaScript, on
 * a phone and a desktop: a wrong answer is shown beside its field with what was typed kept, the draft survives a
 * sign-out, a second tap of "Nộp hồ sơ" finds the same dossier, and every page and error state is axe-clean.
 */
@QuarkusTest
class ApplyJourneyBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** Signs in on Keycloak's page (our theme or its parent's: the same field ids). */
    static void signIn(Page page, String username) {
        if (page.locator("#username").count() == 0) {
            throw new AssertionError("not a sign-in page: " + page.url() + "\n" + page.content());
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(Demo.PASSWORD);
        page.locator("#kc-login").click();
    }

    /** "Tiếp tục", expecting the answer to be taken: a refusal fails the test with what the page said. */
    static void next(Page page) {
        tryNext(page);
        if (page.title().startsWith("Lỗi:")) {
            throw new AssertionError("refused at " + page.url() + ": " + page.locator("#error-summary").textContent());
        }
    }

    /** "Tiếp tục", whatever comes of it. */
    static void tryNext(Page page) {
        String before = page.url();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp tục")).click();
        page.waitForLoadState();
    }

    @Test
    void aBirthRegistrationIsFilledCheckedAndSubmittedOnce() {
        for (boolean js : new boolean[] { true, false }) {
            for (int width : new int[] { Chromium.PHONE, Chromium.DESKTOP }) {
                journey(js, width);
            }
        }
    }

    private void journey(boolean js, int width) {
        String shot = js ? "portal-apply" : null;
        try (BrowserContext context = Chromium.context(width, js)) {
            Page page = context.newPage();
            page.navigate(base + "apply/new/1.001193?ward=ba-dinh-dien-bien");
            signIn(page, Demo.CITIZEN);
            page.waitForURL("**/apply/new/1.001193**");
            Chromium.assertAccessible(page, "apply start");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu")).click();
            page.waitForURL("**/who");
            Chromium.assertAccessible(page, "who");
            // A wrong phone number: the error beside it and at the top, what was typed kept.
            page.getByLabel("Họ, chữ đệm và tên người có hồ sơ").fill("Nguyễn Văn An");
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("12345");
            tryNext(page);
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#error-summary").textContent().contains("Số điện thoại"), page.locator("#error-summary").textContent());
            assertEquals("Nguyễn Văn An", page.getByLabel("Họ, chữ đệm và tên người có hồ sơ").inputValue());
            assertEquals("12345", page.getByLabel("Số điện thoại để nhận tin về hồ sơ").inputValue());
            Chromium.assertAccessible(page, "who, refused");
            if (shot != null) {
                Chromium.screenshot(page, shot + "-error");
            }
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("0912 345 678");
            next(page);
            page.waitForURL("**/f-childFullName");
            page.getByLabel("Họ, chữ đệm và tên của trẻ").fill("Nguyễn Minh Khang");
            if (shot != null) {
                Chromium.screenshot(page, shot + "-question");
            }
            next(page);
            page.getByLabel("Nam", new Page.GetByLabelOptions().setExact(true)).check();
            next(page);
            page.getByLabel("Ngày, tháng, năm sinh").fill("2026-11-20");
            next(page);
            page.getByLabel("Nơi sinh (cơ sở y tế hoặc địa chỉ)").fill("Bệnh viện Phụ sản Hà Nội");
            next(page);
            page.getByLabel("Dân tộc").fill("Kinh");
            next(page);
            page.waitForURL("**/f-mother");
            Chromium.assertAccessible(page, "mother");
            page.getByLabel("Họ, chữ đệm và tên").fill("Lê Thị Hạnh");
            page.getByLabel("Số định danh cá nhân (CCCD)").fill("001190012345");
            page.getByLabel("Ngày sinh").fill("1990-03-15");
            next(page);
            page.waitForURL("**/f-father");
            next(page); // optional: left empty
            page.getByLabel("Mẹ", new Page.GetByLabelOptions().setExact(true)).check();
            next(page);
            page.getByLabel("Số điện thoại liên hệ").fill("0912345678");
            next(page);
            page.waitForURL("**/delivery");
            Chromium.assertAccessible(page, "delivery");
            page.getByLabel("Đến nhận tại bộ phận một cửa").check();
            next(page);
            page.waitForURL("**/check");
            Chromium.assertAccessible(page, "check your answers");
            String answers = page.locator("dl.answers").textContent();
            assertTrue(answers.contains("Nguyễn Minh Khang") && answers.contains("20/11/2026") && answers.contains("Phường Điện Biên"), answers);
            if (shot != null) {
                Chromium.screenshot(page, shot + "-check");
            }
            String checkUrl = page.url();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ")).click();
            page.waitForURL("**/dossiers/**");
            String code = page.locator("strong.code").textContent().strip();
            assertTrue(code.matches("[A-Z0-9.\\-]+"), code);
            Chromium.assertAccessible(page, "receipt");
            if (shot != null) {
                Chromium.screenshot(page, "portal-receipt");
            }
            // Back to the check page and a second tap: the same dossier, not a second one.
            page.navigate(checkUrl);
            page.waitForURL("**/dossiers/" + code + "**");
            assertTrue(page.url().contains(code), page.url());
        }
    }
}
