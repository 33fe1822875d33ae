package vn.motcua.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.BirthForm;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;

/**
 * A birth registration filled and submitted in a real Chromium, one question a page, with and without JavaScript, each
 * page checked on a phone and a desktop: a wrong answer is shown beside its field with what was typed kept, the draft
 * survives a sign-out, a second tap of "Nộp hồ sơ" finds the same dossier, and every page and error state is axe-clean.
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
        BirthForm.next(page);
    }

    /** "Tiếp tục", whatever comes of it. */
    static void tryNext(Page page) {
        BirthForm.tryNext(page);
    }

    /** The front of a citizen ID card as a phone would photograph it: the QR code on a larger, lighter card. */
    static java.nio.file.Path cardPhoto() {
        return photo("001190012345|012345678|Lê Thị Hạnh|15031990|Nữ|Số 2 Lê Trực, Điện Biên, Ba Đình, Hà Nội|01072021");
    }

    static java.nio.file.Path blankPhoto() {
        return photo(null);
    }

    private static java.nio.file.Path photo(String qr) {
        try {
            java.awt.image.BufferedImage card = new java.awt.image.BufferedImage(1200, 760, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = card.createGraphics();
            g.setColor(new java.awt.Color(0xDDE6F0));
            g.fillRect(0, 0, card.getWidth(), card.getHeight());
            if (qr != null) {
                g.drawImage(vn.motcua.platform.pdf.QrCodes.image(qr, 5), 820, 60, null);
            }
            g.dispose();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("cccd-", ".jpg");
            javax.imageio.ImageIO.write(card, "jpg", file.toFile());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    ScopedTransactions transactions;

    /** The contact choice the dossier's receipt notice carries in the outbox. */
    JsonObject receiptContact(String code) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(TenantScope.of(Demo.WARD), conn -> conn.preparedQuery(
                    "select o.payload -> 'contact' as c from outbox o join dossier d on d.id = o.dossier_id where d.receipt_code = $1 "
                            + "and o.kind = 'receipt'").execute(Tuple.of(code)).map(rows -> (JsonObject) rows.iterator().next().getValue("c"))));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBirthRegistrationIsFilledCheckedAndSubmittedOnce() throws java.io.IOException {
        // Walked once with JavaScript and once without, each at its own width; every page it checks is checked and
        // photographed at both widths, resized in place (what is sent does not depend on the width).
        journey(true, Chromium.PHONE);
        journey(false, Chromium.DESKTOP);
    }

    /**
     * Decree 118/2025: birth registration may be handed in at any desk of the city. The person picks where they live
     * (the competent office) and another desk to hand it in; the check page shows both.
     */
    @Test
    void aDeskOtherThanTheCompetentOfficeMayReceiveIt() {
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            page.navigate(base + "apply/new/1.001193");
            signIn(page, Demo.OTHER_CITIZEN);
            page.waitForURL("**/apply/new/1.001193**");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu")).click();
            page.waitForURL("**/office");
            page.getByLabel("Bạn sống ở phường, xã nào?").selectOption("ba-dinh-dien-bien");
            page.getByLabel("Nơi bạn muốn nộp và nhận kết quả").selectOption("cau-giay-yen-hoa");
            Chromium.assertAccessible(page, "office, received anywhere");
            next(page);
            page.waitForURL("**/who");
            page.navigate(page.url().replace("/who", "/check"));
            String answers = page.locator("dl.answers").textContent();
            assertTrue(answers.contains("Phường Điện Biên") && answers.contains("Phường Yên Hòa"), answers);
        }
    }

    /**
     * A person signed in with VNeID applying for themself: the form's own person (the marital status certificate's
     * applicant) comes filled with the name, personal number and birth date the national identity provider vouched
     * for, each to be confirmed. A required paper left out is listed on the check page, linked to the papers page, and
     * the submission is refused.
     */
    @Test
    void theApplicantsOwnDetailsComeFromTheNationalIdentity() {
        vn.motcua.identity.realm.RealmGenerator.NationalIdentity person = vn.motcua.identity.realm.RealmGenerator.NATIONAL_IDENTITIES.get(1);
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            page.navigate(base + "apply/new/1.004873?ward=ba-dinh-dien-bien");
            page.locator("#social-" + vn.motcua.identity.realm.RealmGenerator.NATIONAL_ID_ALIAS).click();
            page.waitForLoadState();
            signIn(page, person.citizenId());
            page.waitForURL("**/apply/new/1.004873**");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu")).click();
            page.waitForURL("**/who");
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("0987654321");
            page.locator("#confirm").check();
            next(page);
            page.waitForURL("**/f-applicant");
            assertEquals("Phạm Minh Khoa", page.getByLabel("Họ, chữ đệm và tên").inputValue());
            assertEquals(person.citizenId(), page.getByLabel("Số định danh cá nhân (CCCD)").inputValue());
            assertEquals(person.birthDate(), page.getByLabel("Ngày sinh").inputValue());
            assertEquals(3, page.locator("span.tag").count(), "each prefilled value is marked");
            Chromium.assertAccessible(page, "own details from VNeID");
            Chromium.screenshot(page, "portal-apply-vneid-prefilled");
            page.navigate(page.url().replace("/f-applicant", "/check"));
            String summary = page.locator("#error-summary").textContent();
            assertTrue(summary.contains("Chưa đính kèm: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"), summary);
            assertEquals(1, page.locator("#error-summary a[href='#papers']").count(), page.locator("#error-summary").innerHTML());
            Chromium.assertAccessible(page, "check, a paper missing");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:") && page.url().contains("/submit"), page.url() + " " + page.title());
            // Left for later, then deleted from "my dossiers".
            page.navigate(base + "dossiers");
            int drafts = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Xoá bản nháp"))).count();
            assertTrue(drafts >= 1, page.content());
            Chromium.assertAccessible(page, "my dossiers, a draft");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Xoá bản nháp"))).first().click();
            page.waitForURL("**/dossiers");
            assertEquals(drafts - 1, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Xoá bản nháp"))).count());
        }
    }

    private void journey(boolean js, int width) throws java.io.IOException {
        String shot = js ? "portal-apply" : null;
        try (BrowserContext context = Chromium.context(width, js)) {
            Page page = context.newPage();
            page.navigate(base + "apply/new/1.001193?ward=ba-dinh-dien-bien");
            signIn(page, Demo.CITIZEN);
            page.waitForURL("**/apply/new/1.001193**");
            Chromium.assertAccessibleAtEveryWidth(page, "apply start");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bắt đầu")).click();
            page.waitForURL("**/who");
            Chromium.assertAccessibleAtEveryWidth(page, "who");
            // A wrong phone number: the error beside it and at the top, what was typed kept.
            page.getByLabel("Họ, chữ đệm và tên người có hồ sơ").fill("Nguyễn Văn An");
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("12345");
            tryNext(page);
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#error-summary").textContent().contains("Số điện thoại"), page.locator("#error-summary").textContent());
            assertEquals("Nguyễn Văn An", page.getByLabel("Họ, chữ đệm và tên người có hồ sơ").inputValue());
            assertEquals("12345", page.getByLabel("Số điện thoại để nhận tin về hồ sơ").inputValue());
            Chromium.assertAccessibleAtEveryWidth(page, "who, refused");
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, shot + "-error");
            }
            page.getByLabel("Số điện thoại để nhận tin về hồ sơ").fill("0912 345 678");
            next(page);
            BirthForm.childName(page);
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, shot + "-question");
            }
            BirthForm.restOfChild(page);
            Chromium.assertAccessibleAtEveryWidth(page, "mother");
            // A photo that is not a card: a plain message beside the photo field, nothing lost.
            page.getByLabel("Họ, chữ đệm và tên").fill("Lê Thị");
            page.setInputFiles("#image", blankPhoto());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đọc mã QR")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#image-error").textContent().contains("QR"), page.locator("#image-error").textContent());
            assertEquals("Lê Thị", page.getByLabel("Họ, chữ đệm và tên").inputValue());
            Chromium.assertAccessibleAtEveryWidth(page, "mother, unreadable photo");
            // The mother's card: name, personal number and birth date read from its QR code, to be confirmed.
            page.setInputFiles("#image", cardPhoto());
            if (js) {
                // The progressive enhancement: the chosen photo is previewed before it is sent.
                assertTrue(page.locator("img.preview").isVisible(), "a preview of the chosen photo");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đọc mã QR")).click();
            page.waitForURL("**/f-mother");
            assertEquals("Lê Thị Hạnh", page.getByLabel("Họ, chữ đệm và tên").inputValue());
            assertEquals("001190012345", page.getByLabel("Số định danh cá nhân (CCCD)").inputValue());
            assertEquals("1990-03-15", page.getByLabel("Ngày sinh").inputValue());
            tryNext(page);
            assertTrue(page.locator("#error-summary").textContent().contains("xác nhận"), "prefilled values must be confirmed");
            Chromium.assertAccessibleAtEveryWidth(page, "mother, prefilled");
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, shot + "-qr-prefilled");
            }
            page.locator("#confirm").check();
            next(page);
            BirthForm.fatherAndDeclarant(page);
            Chromium.assertAccessibleAtEveryWidth(page, "delivery");
            page.getByLabel("Đến nhận tại bộ phận một cửa").check();
            next(page);
            page.waitForURL("**/notices");
            Chromium.assertAccessibleAtEveryWidth(page, "notices");
            // SMS and the portal are ticked until the citizen chooses; e-mail first, with an address mistyped: refused
            // beside the address, what was typed and ticked kept.
            assertTrue(page.getByLabel("Tin nhắn SMS đến số điện thoại của người có hồ sơ").isChecked());
            page.getByLabel("Thư điện tử (email)", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Tin nhắn SMS đến số điện thoại của người có hồ sơ").uncheck();
            page.getByLabel("Địa chỉ thư điện tử").fill("khang.nguyen@");
            tryNext(page);
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("[id='contact.email-error']").isVisible(), page.content());
            assertEquals(1, page.locator("#error-summary a[href='#contact.email']").count(), page.locator("#error-summary").innerHTML());
            assertEquals("khang.nguyen@", page.getByLabel("Địa chỉ thư điện tử").inputValue());
            assertTrue(page.getByLabel("Thư điện tử (email)", new Page.GetByLabelOptions().setExact(true)).isChecked());
            assertTrue(!page.getByLabel("Tin nhắn SMS đến số điện thoại của người có hồ sơ").isChecked());
            Chromium.assertAccessibleAtEveryWidth(page, "notices, refused");
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, shot + "-notices-refused");
            }
            page.getByLabel("Địa chỉ thư điện tử").fill("khang.nguyen@example.vn");
            next(page);
            page.waitForURL("**/papers");
            Chromium.assertAccessibleAtEveryWidth(page, "papers");
            // Three papers at once, one of a kind not taken: refused beside its paper, the two others staged.
            java.nio.file.Path text = java.nio.file.Files.createTempFile("giay-chung-sinh-", ".txt");
            java.nio.file.Files.writeString(text, "không phải ảnh");
            page.setInputFiles("#file-1", cardPhoto());
            page.setInputFiles("#file-2", text);
            page.setInputFiles("#file-3", cardPhoto());
            tryNext(page);
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#file-2-error").isVisible(), page.content());
            assertTrue(page.locator("#error-summary").textContent().contains("Giấy chứng sinh"), page.locator("#error-summary").textContent());
            assertEquals(1, page.locator("#paper-1 a[href*='/papers/']").count(), "paper 1 kept");
            assertEquals(1, page.locator("#paper-3 a[href*='/papers/']").count(), "paper 3 kept");
            Chromium.assertAccessibleAtEveryWidth(page, "papers, a file refused");
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, shot + "-papers-refused");
            }
            // Paper 3 removed, then given again with paper 2.
            page.locator("#paper-3 button[name=remove]").click();
            page.waitForLoadState();
            assertEquals(0, page.locator("#paper-3 a[href*='/papers/']").count(), "paper 3 removed");
            page.setInputFiles("#file-2", cardPhoto());
            page.setInputFiles("#file-3", cardPhoto());
            if (js) {
                assertTrue(page.locator("#paper-2 img.preview").isVisible(), "a preview of the chosen photo");
            }
            next(page);
            page.waitForURL("**/check");
            Chromium.assertAccessibleAtEveryWidth(page, "check your answers");
            String answers = page.locator("dl.answers").textContent();
            assertTrue(answers.contains("Nguyễn Minh Khang") && answers.contains("20/11/2026") && answers.contains("Phường Điện Biên"), answers);
            assertTrue(answers.contains("Giấy chứng sinh") && answers.contains("cccd-"), answers);
            assertTrue(answers.contains("Thư điện tử (email) (khang.nguyen@example.vn); Trên trang hồ sơ ở cổng dịch vụ công"), answers);
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, shot + "-check");
            }
            String checkUrl = page.url();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp hồ sơ")).click();
            page.waitForURL("**/dossiers/**");
            String code = page.locator("strong.code").textContent().strip();
            assertTrue(code.matches("[A-Z0-9.\\-]+"), code);
            Chromium.assertAccessibleAtEveryWidth(page, "receipt");
            if (shot != null) {
                Chromium.screenshotAtEveryWidth(page, "portal-receipt");
            }
            // The choice is the dossier's: its receipt notice goes by e-mail first (docs/notifications.md).
            JsonObject contact = receiptContact(code);
            assertEquals(new JsonArray().add("email").add("in-app"), contact.getJsonArray("channels"), contact.encode());
            assertEquals("khang.nguyen@example.vn", contact.getString("email"));
            assertEquals("vi", contact.getString("language"));
            // The papers staged in the wizard are the dossier's.
            for (int paper = 1; paper <= 3; paper++) {
                assertEquals(1, page.locator("#paper-" + paper + " ul.files li").count(), "paper " + paper + ": " + page.content());
            }
            // Back to the check page and a second tap: the same dossier, not a second one.
            page.navigate(checkUrl);
            page.waitForURL("**/dossiers/" + code + "**");
            assertTrue(page.url().contains(code), page.url());
        }
    }
}
