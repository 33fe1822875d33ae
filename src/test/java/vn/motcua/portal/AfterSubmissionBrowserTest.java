package vn.motcua.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;

/**
 * After submission, in a real Chromium with and without JavaScript, each page checked on a phone and a desktop: the
 * receipt slip as a PDF with Vietnamese text and no missing glyph; the public look-up by code and phone (a wrong phone
 * refused beside its field, what was typed kept); a supplement request answered from the dossier's page by uploading
 * the missing paper; the rating once the result is returned, one per dossier.
 */
@QuarkusTest
class AfterSubmissionBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theReceiptLookUpSupplementAndRatingWorkInTheBrowser() throws Exception {
        // Walked once with JavaScript and once without, each at its own width; every page it checks is checked and
        // photographed at both widths, resized in place (what is sent does not depend on the width).
        journey(true, Chromium.PHONE);
        journey(false, Chromium.DESKTOP);
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    /** The dossier and its started steps due two days before they started: late, by the working calendar. */
    private void makeLate(String code) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, owner, ownerPassword);
                java.sql.PreparedStatement steps = c.prepareStatement("update dossier_step s set due_at = s.started_at - interval '2 days' "
                        + "from dossier d where d.id = s.dossier_id and d.receipt_code = ? and s.started_at is not null");
                java.sql.PreparedStatement dossier = c.prepareStatement("update dossier set due_at = now() - interval '1 day' where receipt_code = ?")) {
            // The owner too is held by row-level security (FORCE): it may change the dossier of a tenant it names.
            try (java.sql.Statement scope = c.createStatement()) {
                scope.execute("select set_config('app.tenants', '" + Dossiers.WARD + "', false)");
            }
            steps.setString(1, code);
            assertEquals(2, steps.executeUpdate(), "the receive and check steps");
            dossier.setString(1, code);
            assertEquals(1, dossier.executeUpdate());
        }
    }

    private void journey(boolean js, int width) throws Exception {
        // A phone of its own: the look-up's per-phone limit is shared with every other test's look-ups.
        String phone = "0912" + String.format("%06d", (System.nanoTime() / 1000) % 1_000_000);
        java.util.Map<String, Object> submission = new java.util.HashMap<>(Dossiers.submission(Dossiers.DEATH, Dossiers.WARD, "online-full",
                Dossiers.deathForm()));
        submission.put("applicant", Map.of("fullName", "Nguyễn Văn An", "citizenId", "001080001111", "phone", phone));
        String code = io.restassured.RestAssured.given().auth().oauth2(vn.motcua.support.Tokens.citizen(Demo.CITIZEN))
                .contentType(io.restassured.http.ContentType.JSON).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(submission).post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
        try (BrowserContext context = Chromium.context(width, js)) {
            Page page = context.newPage();
            // The public look-up: no sign-in; a wrong phone first.
            page.navigate(base + "tra-cuu");
            Chromium.assertAccessibleAtEveryWidth(page, "look-up");
            page.getByLabel("Mã hồ sơ").fill(code.toLowerCase());
            page.getByLabel("Số điện thoại đã khai khi nộp").fill("0900000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertEquals("0900000000", page.getByLabel("Số điện thoại đã khai khi nộp").inputValue());
            Chromium.assertAccessibleAtEveryWidth(page, "look-up refused");
            page.getByLabel("Số điện thoại đã khai khi nộp").fill(phone);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu")).click();
            page.waitForLoadState();
            if (page.locator("[role=status]").count() == 0) {
                // This client's look-ups of the minute were spent by other tests (one window a minute): the next one.
                page.waitForTimeout(1000 * (61 - java.time.LocalTime.now().getSecond()));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu")).click();
                page.waitForLoadState();
            }
            assertTrue(page.locator("[role=status]").textContent().contains(code), page.content());
            Chromium.assertAccessibleAtEveryWidth(page, "look-up found");
            if (js) {
                Chromium.screenshotAtEveryWidth(page, "portal-lookup");
            }
            // The dossier's page, signed in; the receipt slip.
            page.navigate(base + "dossiers/" + code);
            ApplyJourneyBrowserTest.signIn(page, Demo.CITIZEN);
            page.waitForURL("**/dossiers/" + code);
            Chromium.assertAccessibleAtEveryWidth(page, "dossier page");
            APIResponse pdf = context.request().get(base + "dossiers/" + code + "/receipt.pdf");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.headers().get("content-type"));
            try (var doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains(code) && text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), text);
                assertTrue(text.equals(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)) && !text.contains("\uFFFD"), text);
            }
            // The office asks for a paper; the citizen uploads it and answers from the same page.
            Dossiers.act(Demo.RECEIVER, Dossiers.WARD, code, "receive").statusCode(200);
            Dossiers.act(Demo.PROCESSOR, Dossiers.WARD, code, "assign").statusCode(200);
            // Late: the ward's steps past their due time (moved back by the schema's owner, as time would move them on),
            // and the office's apology with its reason, given while the check step holds it.
            makeLate(code);
            Dossiers.act(Demo.PROCESSOR, Dossiers.WARD, code, "apologize", Map.of("reason", "Chờ xác minh nơi cư trú cuối cùng",
                    "appointment", java.time.OffsetDateTime.now().plusDays(5).toString())).statusCode(200);
            page.navigate(base + "dossiers/" + code);
            java.util.List<String> late = page.locator("ol.timeline li").allTextContents().stream().filter(t -> t.contains("Trễ")).toList();
            assertEquals(2, late.size(), page.locator("ol.timeline").textContent());
            assertTrue(late.stream().allMatch(t -> t.contains("Chậm tại: Phường Điện Biên") && t.contains("làm việc")), late.toString());
            assertTrue(!late.get(0).contains("Chờ xác minh") && late.get(1).contains("Lý do cơ quan nêu: Chờ xác minh nơi cư trú cuối cùng"),
                    "the reason on the step it was given in: " + late);
            Chromium.assertAccessibleAtEveryWidth(page, "late steps");
            if (js) {
                Chromium.screenshotAtEveryWidth(page, "portal-dossier-late");
            }
            Dossiers.act(Demo.PROCESSOR, Dossiers.WARD, code, "request-supplement", Map.of("reason", "Thiếu giấy báo tử bản chính"))
                    .statusCode(200);
            page.navigate(base + "dossiers/" + code);
            assertTrue(page.locator("#supplement").textContent().contains("Thiếu giấy báo tử"));
            // A file of a kind not taken: a plain message beside that paper's field, the dossier's page otherwise as it was.
            java.nio.file.Path text = java.nio.file.Files.createTempFile("giay-bao-tu-", ".txt");
            java.nio.file.Files.writeString(text, "không phải ảnh");
            page.setInputFiles("#file-1", text);
            page.locator("#paper-1").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tải lên")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#file-1-error").isVisible(), page.content());
            Chromium.assertAccessibleAtEveryWidth(page, "a file of the wrong kind");
            if (js) {
                Chromium.screenshotAtEveryWidth(page, "portal-upload-refused");
            }
            page.setInputFiles("#file-1", ApplyJourneyBrowserTest.cardPhoto());
            page.locator("#paper-1").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Tải lên")).click();
            page.waitForURL("**/dossiers/" + code + "**");
            assertEquals(1, page.locator("#paper-1 ul.files li").count(), page.content());
            page.getByLabel("Ghi chú gửi cơ quan").fill("Đã bổ sung giấy báo tử");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi bổ sung")).click();
            page.waitForURL("**/dossiers/" + code);
            assertTrue(page.locator("#supplement").count() == 0, "answered");
            Chromium.assertAccessibleAtEveryWidth(page, "dossier after the supplement");
            if (js) {
                Chromium.screenshotAtEveryWidth(page, "portal-dossier");
            }
            // Returned: rate it once.
            Dossiers.act(Demo.PROCESSOR, Dossiers.WARD, code, "propose").statusCode(200);
            Dossiers.act(Demo.APPROVER, Dossiers.WARD, code, "approve").statusCode(200);
            Dossiers.act(Demo.RECEIVER, Dossiers.WARD, code, "mark-result-ready").statusCode(200);
            Dossiers.act(Demo.RECEIVER, Dossiers.WARD, code, "return", Map.of("channel", "counter")).statusCode(200);
            page.navigate(base + "dossiers/" + code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), "a rating needs a score: " + page.title());
            Chromium.assertAccessibleAtEveryWidth(page, "rating refused");
            page.getByLabel("Hài lòng", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Góp ý của bạn (không bắt buộc)").fill("Cán bộ hướng dẫn tận tình");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
            page.waitForURL("**/dossiers/" + code + "**");
            assertTrue(page.locator("#rating + p").textContent().contains("4 trên 5"), page.content());
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).count(), "one per dossier");
            Chromium.assertAccessibleAtEveryWidth(page, "rated");
        }
    }
}
