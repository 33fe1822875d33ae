package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.Dossiers.DEATH;
import static vn.motcua.dossier.Dossiers.WARD;
import static vn.motcua.dossier.Dossiers.deathForm;
import static vn.motcua.dossier.Dossiers.submission;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.notification.DeadlineAlerts;
import vn.motcua.notification.OutboxRelay;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The console's alerts in a real Chromium, with and without JavaScript: a nearly-late dossier and a notice no channel
 * delivered (nothing listens where Zalo and the SMTP server would be) show as a banner on the tenant's home and on the
 * alerts page, whose "Gửi lại" queues the notice again; the citizen reads the notice on the dossier's page. Every page
 * is axe-clean.
 */
@QuarkusTest
class AlertPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    OutboxRelay relay;

    @Inject
    DeadlineAlerts alerts;

    @Inject
    ScopedTransactions transactions;

    @Test
    void theAdministratorSeesTheAlertsAndSendsADeadLetterAgain() {
        Map<String, Object> body = new HashMap<>(submission(DEATH, WARD, "online-full", deathForm()));
        body.put("contact", Map.of("channels", List.of("zalo")));
        String code = io.restassured.RestAssured.given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/dossiers")
                .then().statusCode(201).extract().path("receiptCode");
        await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                update dossier_step s set due_at = clock_timestamp() + interval '2 hours' from dossier d
                 where d.id = s.dossier_id and s.seq = d.current_step and d.receipt_code = $1""").execute(Tuple.of(code))));
        await(alerts.raise());
        for (boolean js : new boolean[] { true, false }) {
            drain();
            assertEquals("dead", status(code));
            try (BrowserContext context = Chromium.context(Chromium.DESKTOP, js)) {
                Page page = context.newPage();
                page.navigate(base + "console/" + WARD);
                SettingsBrowserTest.signIn(page, Demo.DISTRICT_ADMIN);
                assertTrue(page.locator(".alert").textContent().contains("sắp đến hạn"), () -> page.locator(".alert").textContent());
                Chromium.assertAccessible(page, "console home with alerts");
                page.locator(".alert a[href$='/alerts']").click();
                assertTrue(page.locator("table").first().textContent().contains(code), page::content);
                Chromium.assertAccessible(page, "alerts");
                page.locator("tr:has-text('Biên nhận hồ sơ " + code + "') button[type=submit]").click();
                assertTrue(page.url().contains("retried"), page::url);
                assertTrue(page.content().contains("Đã xếp thông báo để gửi lại."), page::content);
                Chromium.assertAccessible(page, "alerts, sent again");
                if (js) {
                    Chromium.screenshot(page, "console-alerts");
                }
            }
            assertEquals("pending", status(code));
        }
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            page.navigate(base + "dossiers/" + code);
            SettingsBrowserTest.signIn(page, Demo.CITIZEN);
            assertTrue(page.locator("ul.notices").textContent().contains("Biên nhận hồ sơ " + code), page::content);
            Chromium.assertAccessible(page, "the dossier's notices");
        }
    }

    String status(String code) {
        return await(transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("""
                select o.status from outbox o join dossier d on d.id = o.dossier_id where d.receipt_code = $1 and o.kind = 'receipt'""")
                .execute(Tuple.of(code)).map(rows -> rows.iterator().next().getString("status"))));
    }

    void drain() {
        int idle = 0;
        for (int round = 0; round < 200 && idle < 2; round++) {
            idle = await(relay.runOnce()) == 0 ? idle + 1 : 0;
        }
    }

    static <T> T await(Uni<T> uni) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> uni);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
