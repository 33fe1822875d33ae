package vn.motcua.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.BirthForm;
import vn.motcua.support.CardPhotos;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Taking a dossier in for a person who came in, with the portal's own question pages, in a real Chromium (with
 * JavaScript at the desk, without at the post office): at the ward's one-stop desk (the ID card read by a scanner that types its QR code, each paper
 * scanned or marked exempt under Circular 03/2025/TT-VPCP, the dossier refused while a required paper is neither, then
 * received at once with the desk's receipt code), and at a post office (the dossier waits for the next hand-over).
 * axe-core on every page.
 */
@QuarkusTest
class CounterBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPersonWhoCameInIsTakenInAtTheDeskWithEachPaperScannedOrExempt() throws Exception {
        // With JavaScript, as the desk's PC runs it. The same question pages without JavaScript are walked at the post
        // office below; their only script (a photo's preview) changes nothing the desk's walk asserts.
        atTheDesk(true);
    }

    private void atTheDesk(boolean js) throws Exception {
        try (BrowserContext context = Chromium.context(Chromium.DESKTOP, js)) {
            Page page = context.newPage();
            page.navigate(base + "console/" + Demo.WARD + "/queue");
            signIn(page, Demo.RECEIVER);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ tại quầy")).click();
            page.waitForURL("**/counter");
            begin(page, "counter start");

            // Received anywhere in the city (Decree 118/2025): where the applicant lives decides the competent office.
            page.waitForURL("**/office");
            Chromium.assertAccessible(page, "counter: office");
            page.getByLabel("Người nộp hồ sơ cư trú ở phường, xã nào?").selectOption(Demo.WARD);
            next(page);
            page.waitForURL("**/who");
            // A scanner that read something other than a card: said beside its field, what was typed kept.
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("0912 345 678");
            page.getByLabel("Quét mã QR trên thẻ căn cước bằng máy quét").fill("https://example.com/not-a-card");
            page.getByLabel("Quét mã QR trên thẻ căn cước bằng máy quét").press("Enter");
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#card-error").isVisible(), page.content());
            assertEquals("0912 345 678", page.getByLabel("Số điện thoại để nhận tin về hồ sơ").inputValue());
            Chromium.assertAccessible(page, "counter: who, a scan that is not a card");
            // The card: a USB scanner types its QR code's text, then Enter.
            page.getByLabel("Quét mã QR trên thẻ căn cước bằng máy quét").fill(CardPhotos.CARD);
            page.getByLabel("Quét mã QR trên thẻ căn cước bằng máy quét").press("Enter");
            page.waitForURL("**/who");
            assertEquals("Nguyễn Thị Hồng Nhung", page.getByLabel("Họ, chữ đệm và tên người có hồ sơ").inputValue());
            assertEquals("001085006789", page.getByLabel(Pattern.compile("^Số định danh cá nhân")).first().inputValue());
            assertEquals("0912 345 678", page.getByLabel("Số điện thoại để nhận tin về hồ sơ").inputValue());
            // The officer answers for the applicant: the page speaks of them, not to "you".
            String who = page.locator("main").textContent();
            assertTrue(who.contains("thẻ căn cước của người nộp") && who.contains("Người nộp nộp cho ai") && !who.contains("của bạn"), who);
            Chromium.assertAccessible(page, "counter: who, scanned");
            if (js) {
                Chromium.screenshot(page, "counter-card-scanned");
            }
            page.locator("#confirm").check();
            next(page);
            birthForm(page);
            page.waitForURL("**/papers");
            Chromium.assertAccessible(page, "counter: papers");
            // Paper 1 scanned, paper 2 shown for comparison only, paper 3 forgotten.
            Path scan = Files.createTempFile("to-khai-", ".png");
            Files.write(scan, CardPhotos.photo("TỜ KHAI ĐĂNG KÝ KHAI SINH", false));
            page.setInputFiles("#file-1", scan);
            page.locator("#exemption-2").selectOption("shown-only");
            if (js) {
                Chromium.screenshot(page, "counter-papers");
            }
            next(page);
            page.waitForURL("**/check");
            Chromium.assertAccessible(page, "counter: check");
            String answers = page.locator("dl.answers").textContent();
            assertTrue(answers.contains("Người nộp nộp cho ai") && answers.contains("Người nộp muốn nhận kết quả thế nào?"), answers);
            assertTrue(answers.contains("Nguyễn Thị Hồng Nhung") && answers.contains("Chỉ xuất trình để đối chiếu") && answers.contains("to-khai-"),
                    answers);
            // Received only when every required paper is digitized or exempt.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#error-summary").textContent().contains("Chưa số hóa"), page.locator("#error-summary").textContent());
            Chromium.assertAccessible(page, "counter: check, a paper not digitized");
            page.locator("dd a[href*='/papers?change=1']").first().click();
            page.waitForURL("**/papers?change=1");
            page.locator("#exemption-3").selectOption("shown-only");
            next(page);
            page.waitForURL("**/check");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ")).click();
            page.waitForURL("**/console/" + Demo.WARD + "/dossiers/**");
            assertTrue(page.content().contains("Đã tiếp nhận hồ sơ."), page.content());
            Chromium.assertAccessible(page, "counter: received");
            if (js) {
                Chromium.screenshot(page, "counter-received");
            }
            String code = page.url().replaceAll(".*/dossiers/([^/?#]+).*", "$1");
            given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", Demo.WARD, code).then().statusCode(200)
                    .body("status", equalTo("received"))
                    .body("channel", equalTo("counter"))
                    .body("applicant.fullName", equalTo("Nguyễn Thị Hồng Nhung"))
                    .body("history[0].detail.exemptions.'2'", equalTo("shown-only"))
                    .body("history[0].detail.exemptions.'3'", equalTo("shown-only"))
                    .body("attachments.size()", equalTo(1));
        }
    }

    @Test
    void aClerkTakesADossierInAtThePostOfficeForTheNextHandOver() throws Exception {
        try (BrowserContext context = Chromium.context(Chromium.DESKTOP, false)) {
            Page page = context.newPage();
            page.navigate(base + "postal/" + Demo.POST_OFFICE);
            signIn(page, Demo.POSTAL_CLERK);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nhận hồ sơ cho người dân")).click();
            page.waitForURL("**/take-in");
            begin(page, "post office start");
            page.waitForURL("**/office");
            page.getByLabel("Người nộp hồ sơ cư trú ở phường, xã nào?").selectOption(Demo.WARD);
            next(page);
            page.waitForURL("**/who");
            page.getByLabel("Quét mã QR trên thẻ căn cước bằng máy quét").fill(CardPhotos.CARD);
            page.getByLabel("Quét mã QR trên thẻ căn cước bằng máy quét").press("Enter");
            page.waitForURL("**/who");
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("0912345678");
            page.locator("#confirm").check();
            next(page);
            birthForm(page);
            page.waitForURL("**/papers");
            // The papers go with the hand-over, to be digitized at the desk: none is required here.
            next(page);
            page.waitForURL("**/check");
            Chromium.assertAccessible(page, "post office: check");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ")).click();
            page.waitForURL("**/take-in?taken=**");
            String code = page.url().replaceAll(".*taken=([^&#]+).*", "$1");
            assertTrue(page.locator("p.notice").textContent().contains(code), page.content());
            Chromium.assertAccessible(page, "post office: taken in");
            page.navigate(base + "postal/" + Demo.POST_OFFICE);
            assertTrue(page.locator("#intake").locator("xpath=..").textContent().contains(code) || page.content().contains(code), page.content());
            given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", Demo.WARD, code).then().statusCode(200)
                    .body("status", equalTo("submitted"))
                    .body("channel", equalTo("postal"));
        }
    }

    /** Finds the birth registration on a start page and begins it. */
    private static void begin(Page page, String what) {
        Chromium.assertAccessible(page, what);
        page.getByLabel("Tìm thủ tục").fill("dang ky khai sinh");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
        page.waitForLoadState();
        com.microsoft.playwright.Locator begin = page.locator("ol.results li:has(strong:text-is('Đăng ký khai sinh')) button");
        assertEquals(1, begin.count(), page.locator("ol.results").innerHTML());
        begin.click();
        page.waitForLoadState();
    }

    /** The birth registration's own questions, as the portal asks them; on to the delivery, then the papers. */
    private static void birthForm(Page page) {
        BirthForm.child(page);
        BirthForm.motherTyped(page);
        BirthForm.fatherAndDeclarant(page);
        Chromium.assertAccessible(page, "delivery");
        page.getByLabel("Đến nhận tại bộ phận một cửa").check();
        next(page);
    }

    private static void next(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp tục")).click();
        page.waitForLoadState();
    }

    private static void signIn(Page page, String username) {
        page.waitForLoadState();
        page.locator("#username").fill(username);
        page.locator("#password").fill(Demo.PASSWORD);
        page.locator("#kc-login").click();
        page.waitForLoadState();
    }
}
