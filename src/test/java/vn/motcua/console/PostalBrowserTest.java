package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

import static io.restassured.RestAssured.given;

/**
 * The postal console in a real Chromium, with and without JavaScript: the clerk signs in and lands at their post
 * office, makes the hand-over manifest of a dossier they took in and opens it to print; records a result's tracking
 * number (a mistyped one refused beside the field first) and its delivery. The desk then confirms the manifest.
 * Every page passes axe.
 */
@QuarkusTest
class PostalBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theClerkHandsOverAndDelivers() {
        journey(true, Chromium.DESKTOP);
        journey(false, Chromium.PHONE);
    }

    private void journey(boolean js, int width) {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String taken = takeIn("Phạm Văn Bưu " + tag);
        String ready = takeIn("Lê Thị Phát " + tag);
        Dossiers.digitized(Demo.RECEIVER, Demo.WARD, ready);
        for (String[] step : new String[][] { { Demo.RECEIVER, "receive" }, { Demo.PROCESSOR, "assign" }, { Demo.PROCESSOR, "propose" },
                { Demo.APPROVER, "approve" }, { Demo.RECEIVER, "mark-result-ready" } }) {
            Dossiers.act(step[0], Demo.WARD, ready, step[1]).statusCode(200);
        }
        try (BrowserContext clerkContext = Chromium.context(width, js); BrowserContext deskContext = Chromium.context(width, js)) {
            Page clerk = clerkContext.newPage();
            clerk.navigate(base + "postal");
            Chromium.signIn(clerk, Demo.POSTAL_CLERK);
            assertTrue(clerk.url().endsWith("/postal/" + Demo.POST_OFFICE), clerk.url());
            assertTrue(clerk.content().contains(taken), "the dossier taken in is listed");
            Chromium.assertAccessible(clerk, "the post office's page");
            if (js) {
                Chromium.screenshot(clerk, "postal-home");
            }

            // The manifest for the ward: only this journey's dossier ticked.
            Locator group = clerk.locator("form:has(input[name=tenant][value='" + Demo.WARD + "'])");
            for (Locator box : group.locator("input[name=code]").all()) {
                if (!box.getAttribute("value").equals(taken)) {
                    box.uncheck();
                }
            }
            group.locator("button[type=submit]").click();
            clerk.waitForLoadState();
            assertTrue(clerk.url().contains("/postal/" + Demo.POST_OFFICE + "/manifests/"), clerk.url());
            assertTrue(clerk.locator("h1").textContent().startsWith("Biên bản bàn giao hồ sơ số"), clerk.content());
            assertTrue(clerk.locator("table").textContent().contains(taken), clerk.content());
            assertTrue(clerk.locator(".notice").textContent().contains("Đã lập biên bản"), clerk.content());
            Chromium.assertAccessible(clerk, "a printable manifest");
            String manifestUrl = clerk.url();

            // The delivery: a mistyped number is refused beside the field, then recorded; then delivered.
            clerk.navigate(base + "postal/" + Demo.POST_OFFICE);
            byId(clerk, ready + "-tracking").fill("12-AB");
            byId(clerk, ready + "-send").click();
            clerk.waitForLoadState();
            assertTrue(clerk.title().startsWith("Lỗi:"), clerk.title());
            assertTrue(byId(clerk, ready + "-tracking-error").isVisible(), clerk.content());
            Chromium.assertAccessible(clerk, "a tracking number refused");
            byId(clerk, ready + "-tracking").fill("EE123456789VN");
            byId(clerk, ready + "-send").click();
            clerk.waitForLoadState();
            assertTrue(clerk.locator(".notice").textContent().contains("Đã ghi số hiệu"), clerk.content());
            assertTrue(byId(clerk, ready + "-heading").locator("xpath=..").textContent().contains("EE123456789VN"), clerk.content());
            Chromium.assertAccessible(clerk, "a result on its way");
            byId(clerk, ready + "-delivered").click();
            clerk.waitForLoadState();
            assertTrue(clerk.locator(".notice").textContent().contains("phát thành công"), clerk.content());
            assertEquals(0, byId(clerk, ready + "-heading").count(), "delivered: off the round");
            given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).get("/api/t/{t}/dossiers/{code}", Demo.WARD, ready).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("returned"));

            // The desk confirms the manifest.
            Page desk = deskContext.newPage();
            desk.navigate(base + "console/" + Demo.WARD + "/postal");
            Chromium.signIn(desk, Demo.RECEIVER);
            Chromium.assertAccessible(desk, "the desk's postal page");
            Locator form = desk.locator("form:has(input[value='" + taken + "'])");
            form.locator("button[type=submit]").click();
            desk.waitForLoadState();
            assertTrue(desk.locator(".notice").textContent().contains("Đã xác nhận biên bản"), desk.content());
            assertTrue(desk.content().contains("EE123456789VN"), "the desk sees the result sent by post");
            Chromium.assertAccessible(desk, "a manifest confirmed");
            clerk.navigate(manifestUrl);
            assertTrue(clerk.content().contains("Đã xác nhận lúc"), clerk.content());
        }
    }

    private static Locator byId(Page page, String id) {
        return page.locator("[id='" + id + "']");
    }

    private static String takeIn(String applicant) {
        Map<String, Object> body = new HashMap<>(Dossiers.submission(Dossiers.DEATH, Demo.WARD, "postal", Dossiers.deathForm(), applicant));
        body.put("returnChannel", "post");
        body.put("deliveryAddress", "Số 3 ngõ 12 Đội Cấn, Ba Đình, Hà Nội");
        return given().auth().oauth2(Tokens.staff(Demo.POSTAL_CLERK)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
    }

}
