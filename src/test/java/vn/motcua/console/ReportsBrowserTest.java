package vn.motcua.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.report.ReportFixture;
import vn.motcua.report.usecase.RefreshReports;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;

/**
 * The leader's dashboard in a real Chromium, with and without JavaScript: the city's administrator opens Long Biên's
 * report for the fixture's period and reads the charts (SVG with their titles) and the tables of the same figures;
 * a period typed wrongly is said beside its field. axe-core on each state; the screenshot for the README.
 */
@QuarkusTest
class ReportsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    RefreshReports refresh;

    @Test
    void aLeaderReadsTheDashboardAtAGlance() throws Throwable {
        ReportFixture.ensure(refresh);
        // One walk, without JavaScript, on a phone: the dashboard carries no script (checked), so with it it would show
        // and do the same; each state is checked at both widths, resized in place.
        try (BrowserContext context = Chromium.context(Chromium.PHONE, false)) {
            Page page = context.newPage();
            page.navigate(base + "console/" + ReportFixture.DISTRICT + "/reports?from=" + ReportFixture.FROM + "&to=" + ReportFixture.TO);
            page.waitForLoadState();
            page.locator("#username").fill(Demo.CITY_ADMIN);
            page.locator("#password").fill(Demo.PASSWORD);
            page.locator("#kc-login").click();
            page.waitForLoadState();
            // Signed in: the dashboard (whether the sign-in came back to it or to the console's home).
            page.navigate(base + "console/" + ReportFixture.DISTRICT + "/reports?from=" + ReportFixture.FROM + "&to=" + ReportFixture.TO);
            assertTrue(page.url().contains("/console/" + ReportFixture.DISTRICT + "/reports"), page.url());
            assertTrue(page.locator("h1").textContent().contains("Long Biên"), page.locator("h1").textContent());
            assertEquals(3, page.locator("svg[role=img]").count(), "gauges, bars, trend");
            assertEquals(3, page.locator("svg[role=img] > title").count());
            assertTrue(page.locator("table.units").textContent().contains("Bồ Đề"));
            assertTrue(page.locator("table.figures").textContent().contains("66.7 %"), page.locator("table.figures").textContent());
            Chromium.assertAccessibleAtEveryWidth(page, "the dashboard");
            Chromium.assertNoScript(page, "the dashboard");
            Chromium.screenshotAt(page, "console-reports", Chromium.DESKTOP);
            // The same report as CSV and PDF, from the page's links, on the same session.
            for (String kind : new String[] { "csv", "pdf" }) {
                String href = page.locator("a[href*='reports/" + kind + "']").getAttribute("href");
                assertEquals(200, page.request().get(base + href.substring(1)).status(), href);
            }
            // A period typed wrongly: the page again, the error beside the field.
            Response refused = page.navigate(base + "console/" + ReportFixture.DISTRICT + "/reports?from=hom-qua&to=" + ReportFixture.TO);
            assertEquals(400, refused.status());
            assertTrue(page.locator("#from-error").isVisible());
            assertTrue(page.title().startsWith("Lỗi: "), page.title());
            Chromium.assertAccessibleAtEveryWidth(page, "the dashboard with a period typed wrongly");
            Chromium.assertNoScript(page, "the dashboard with a period typed wrongly");
        }
    }
}
