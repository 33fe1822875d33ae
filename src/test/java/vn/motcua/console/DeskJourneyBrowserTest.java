package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

import static io.restassured.RestAssured.given;

/**
 * The desk in a real Chromium, with and without JavaScript (the receiver with it, colleagues without): a receiver finds
 * a new online dossier in the queue by the applicant's name typed without diacritics, receives it (a colleague's second
 * click is told what happened), asks for a supplement with a checklist (refused first without a reason, beside the
 * field); the applicant answers; the receiver assigns two dossiers at once to the specialist, who proposes; the leader
 * approves; the desk marks the result ready and returns it. With JavaScript, an open queue learns of new online dossiers by itself: the time from
 * submission to the count changing on screen is measured and written to {@code docs/desk-live.md}.
 */
@QuarkusTest
class DeskJourneyBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDossierIsWorkedFromTheQueueToItsReturn() throws Exception {
        // One walk with both settings: the receiver at the desk's PC with JavaScript, each page checked at both widths;
        // the colleague, the specialist and the leader on phones without it (the queue's search, the dossier's actions).
        journey();
    }

    private void journey() {
        boolean js = true;
        int width = Chromium.DESKTOP;
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String name = "Trần Thị Bình " + tag;
        String code = submit(name);
        String second = submit(name);
        try (BrowserContext receiverContext = Chromium.context(width, js);
                BrowserContext colleagueContext = Chromium.context(Chromium.PHONE, false)) {
            Page desk = receiverContext.newPage();
            desk.navigate(base + "console");
            Chromium.signIn(desk, Demo.RECEIVER);
            assertTrue(desk.url().endsWith("/console/" + Demo.WARD + "/queue"), desk.url());
            Chromium.assertAccessibleAtEveryWidth(desk, "the queue");
            // The new online dossiers' queue, searched by the name typed without its diacritics.
            desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Trực tuyến mới"))).click();
            desk.getByLabel("Tìm hồ sơ").fill("tran thi binh " + tag);
            desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
            desk.waitForLoadState();
            assertEquals(2, desk.locator("table.queue tbody tr").count(), desk.content());
            Chromium.assertAccessibleAtEveryWidth(desk, "the queue searched");
            if (js) {
                Chromium.screenshot(desk, "desk-queue");
            }
            desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
            desk.waitForLoadState();
            assertTrue(desk.locator("h1").textContent().contains(code));
            Chromium.assertAccessibleAtEveryWidth(desk, "a dossier to receive");

            // A colleague has the same page open; the receiver receives first; the colleague's click is told.
            Page colleague = colleagueContext.newPage();
            colleague.navigate(base + "console/" + Demo.WARD + "/dossiers/" + code);
            Chromium.signIn(colleague, Demo.RECEIVER);
            click(desk, "Tiếp nhận");
            assertTrue(desk.locator(".notice").textContent().contains("Đã tiếp nhận hồ sơ"), desk.content());
            click(colleague, "Tiếp nhận");
            assertTrue(colleague.title().startsWith("Lỗi:"), colleague.title());
            assertTrue(colleague.locator("#error-summary").textContent().contains("vừa được người khác cập nhật")
                    || colleague.locator("#error-summary").textContent().contains("đã thay đổi"), colleague.locator("#error-summary").textContent());
            assertTrue(colleague.locator("ol.history").textContent().contains("Tiếp nhận"), "the colleague sees what happened");
            Chromium.assertAccessibleAtEveryWidth(colleague, "a colleague acted first");

            // A supplement request: without a reason nor a paper ticked, refused beside the reason.
            click(desk, "Yêu cầu bổ sung");
            assertTrue(desk.title().startsWith("Lỗi:"), desk.title());
            assertTrue(desk.locator("#request-supplement-reason-error").isVisible(), desk.content());
            Chromium.assertAccessibleAtEveryWidth(desk, "a supplement request refused");
            desk.getByLabel("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử").check();
            desk.locator("#request-supplement-reason").fill("Giấy báo tử bị mờ, xin chụp lại rõ nét.");
            click(desk, "Yêu cầu bổ sung");
            assertTrue(desk.locator(".notice").textContent().contains("Đã gửi yêu cầu bổ sung"), desk.content());
            assertTrue(desk.locator("ol.history").textContent().contains("Cần bổ sung: Giấy báo tử"), desk.content());

            // The applicant answers (the portal's page is tested by AfterSubmissionBrowserTest).
            given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                    .body(Map.of("note", "Đã chụp lại giấy báo tử")).post("/api/dossiers/{code}/supplement", code).then().statusCode(200);
            Dossiers.act(Demo.RECEIVER, Demo.WARD, second, "receive").statusCode(200);

            // Both assigned at once to the specialist, with a reason written to each history.
            desk.navigate(base + "console/" + Demo.WARD + "/queue?tab=process&q=" + java.net.URLEncoder.encode(name,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(2, desk.locator("table.queue tbody tr").count(), desk.content());
            desk.getByLabel("Chọn hồ sơ " + code).check();
            desk.getByLabel("Chọn hồ sơ " + second).check();
            desk.getByLabel("Giao cho").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                    desk.locator("#assignee option", new Page.LocatorOptions().setHasText(Demo.PROCESSOR)).textContent()));
            desk.getByLabel("Lý do").fill("Chia việc đầu tuần");
            desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Giao hồ sơ")).click();
            desk.waitForLoadState();
            assertTrue(desk.locator(".notice").textContent().contains("Đã giao 2 hồ sơ"), desk.content());
            Chromium.assertAccessibleAtEveryWidth(desk, "two dossiers assigned");

            // The specialist proposes, the leader approves.
            try (BrowserContext specialistContext = Chromium.context(Chromium.PHONE, false);
                    BrowserContext leaderContext = Chromium.context(Chromium.PHONE, false)) {
                Page specialist = specialistContext.newPage();
                specialist.navigate(base + "console");
                Chromium.signIn(specialist, Demo.PROCESSOR);
                Chromium.assertAccessible(specialist, "the queue (without JavaScript)");
                // A receipt code typed in the search opens the dossier.
                specialist.getByLabel("Tìm hồ sơ").fill(code.toLowerCase());
                specialist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
                specialist.waitForLoadState();
                assertTrue(specialist.url().contains("/dossiers/" + code), specialist.url());
                assertTrue(specialist.locator("table.steps").textContent().contains("Trần Văn Hùng"), "the holder is named: "
                        + specialist.locator("table.steps").textContent());
                click(specialist, "Trình ký");
                assertTrue(specialist.locator(".notice").textContent().contains("Đã trình ký"), specialist.content());
                Page leader = leaderContext.newPage();
                leader.navigate(base + "console/" + Demo.WARD + "/dossiers/" + code);
                Chromium.signIn(leader, Demo.APPROVER);
                Chromium.assertAccessibleAtEveryWidth(leader, "a dossier to approve");
                click(leader, "Duyệt");
                assertTrue(leader.locator(".notice").textContent().contains("Đã duyệt"), leader.content());
            }

            // The desk: result ready, returned at the counter.
            desk.navigate(base + "console/" + Demo.WARD + "/dossiers/" + code);
            click(desk, "Đã có kết quả");
            desk.getByLabel("Tại bộ phận một cửa").check();
            click(desk, "Trả kết quả");
            assertTrue(desk.locator(".notice").textContent().contains("Đã trả kết quả"), desk.content());
            assertTrue(desk.locator(".due").textContent().contains("Đã trả kết quả"), desk.locator(".due").textContent());
            assertEquals(0, desk.locator("form.action").count(), "nothing left to do");
            // The printed forms of Circular 03/2025 it has an event for, in the screenshot too: the receipt, the control slip.
            assertTrue(desk.locator("ul.forms li").count() >= 2, desk.locator("ul.forms").innerHTML());
            assertTrue(desk.locator("ul.forms").textContent().contains("Phiếu kiểm soát"), desk.locator("ul.forms").textContent());
            if (js) {
                Chromium.screenshot(desk, "desk-dossier");
            }
            Chromium.assertAccessibleAtEveryWidth(desk, "a returned dossier");
        }
    }

    /**
     * Decree 118/2025/NĐ-CP in the browser: a birth received at Yên Hòa's desk (another district) for Điện Biên is
     * worked at Điện Biên, whose specialist finds it in the queue and proposes it; Yên Hòa's desk follows it in its
     * queue of dossiers received for other offices and hands the result back at its own counter.
     */
    @Test
    void aDossierReceivedForAnotherWardIsReturnedAtTheDeskThatReceivedIt() {
        // One walk: the ward's pages without JavaScript, the receiving desk's (its queue runs the live script) with it,
        // its pages checked at both widths.
        String code = given().auth().oauth2(Tokens.staff(Demo.OTHER_WARD_RECEIVER)).contentType(ContentType.JSON)
                .body(vn.motcua.dossier.ReceivedAnywhereTest.receivedFor(vn.motcua.dossier.ReceivedAnywhereTest.BIRTH, Demo.OTHER_WARD,
                        Demo.WARD, "counter", vn.motcua.dossier.ReceivedAnywhereTest.birthForm()))
                .post("/api/dossiers").then().statusCode(201).extract().path("receiptCode");
        try (BrowserContext wardContext = Chromium.context(Chromium.DESKTOP, false);
                BrowserContext deskContext = Chromium.context(Chromium.PHONE, true)) {
            Page ward = wardContext.newPage();
            // Its receipt code typed in the search opens it (the queue may hold more than a page).
            ward.navigate(base + "console/" + Demo.WARD + "/queue?tab=process&q=" + code);
            Chromium.signIn(ward, Demo.PROCESSOR);
            assertTrue(ward.url().contains("/dossiers/" + code), ward.url());
            assertTrue(ward.locator("dl").first().textContent().contains("Phường Yên Hòa"), "received at Yên Hòa");
            click(ward, "Giao xử lý");
            click(ward, "Trình ký");
            assertTrue(ward.locator(".notice").textContent().contains("Đã trình ký"), ward.content());
            Dossiers.act(Demo.APPROVER, Demo.WARD, code, "approve").statusCode(200);
            Dossiers.act(Demo.RECEIVER, Demo.WARD, code, "mark-result-ready").statusCode(200);

            Page desk = deskContext.newPage();
            desk.navigate(base + "console/" + Demo.OTHER_WARD + "/queue?tab=for-others");
            Chromium.signIn(desk, Demo.OTHER_WARD_RECEIVER);
            assertTrue(desk.locator("table.queue").textContent().contains("Phường Điện Biên"), "held at Điện Biên");
            Chromium.assertAccessibleAtEveryWidth(desk, "the queue of dossiers received for other offices");
            desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
            desk.waitForLoadState();
            assertEquals(1, desk.locator("form.action").count(), "only the return, here");
            desk.getByLabel("Tại bộ phận một cửa").check();
            click(desk, "Trả kết quả");
            assertTrue(desk.locator(".notice").textContent().contains("Đã trả kết quả"), desk.content());
            Chromium.assertAccessibleAtEveryWidth(desk, "returned at the desk that received it");
        }
    }

    /**
     * An open queue hears of new online dossiers without a reload: twenty submissions, each timed from the moment the
     * citizen's request is sent to the moment the new count is on screen. The figures go to docs/desk-live.md; the
     * issue's bound is 5 s at the 95th percentile.
     */
    @Test
    void anOpenQueueShowsANewOnlineDossierWithinSeconds() throws Exception {
        try (BrowserContext context = Chromium.context(Chromium.DESKTOP, true)) {
            Page desk = context.newPage();
            desk.navigate(base + "console/" + Demo.WARD + "/queue?tab=online");
            Chromium.signIn(desk, Demo.RECEIVER);
            desk.waitForLoadState();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String before = desk.locator(".count[data-tab=online]").textContent().strip();
                long start = System.nanoTime();
                submit("Lê Văn Sống " + i);
                desk.waitForFunction("b => document.querySelector('.count[data-tab=online]').textContent.trim() !== b", before,
                        new Page.WaitForFunctionOptions().setTimeout(15_000).setPollingInterval(20));
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            assertTrue(desk.locator("#live-message").textContent().contains("vừa có thay đổi"), desk.locator("#live-message").textContent());
            List<Long> sorted = millis.stream().sorted().toList();
            long p50 = sorted.get(sorted.size() / 2);
            long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            Files.writeString(Path.of("docs/desk-live.md"), """
                    # The live queue: from an online submission to the desk's screen

                    Measured by `DeskJourneyBrowserTest.anOpenQueueShowsANewOnlineDossierWithinSeconds` (written by the test on
                    each run): a receiver's queue is open in Chromium (JavaScript on); a citizen submits online through the
                    API, twenty times one after the other; each time is from sending the submission to the new count of the
                    "Trực tuyến mới" queue being on screen. The path: the submission's commit → PostgreSQL `NOTIFY` (trigger of
                    migration V11) → every replica's `LISTEN` connection → the console's Server-Sent Events stream (at most one
                    signal a second) → the page's module re-reads the counts.

                    | submissions | p50 | p95 | max | bound (issue 18) |
                    |---|---|---|---|---|
                    | %d | %d ms | %d ms | %d ms | 5,000 ms at p95 |
                    """.formatted(sorted.size(), p50, p95, sorted.get(sorted.size() - 1)));
            assertTrue(p95 <= 5_000, "p95 " + p95 + " ms: " + millis);
        }
    }

    private static String submit(String applicant) {
        Map<String, Object> submission = new HashMap<>(Dossiers.submission(Dossiers.DEATH, Demo.WARD, "online-full", Dossiers.deathForm(),
                applicant));
        return given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(submission).post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
    }
}
