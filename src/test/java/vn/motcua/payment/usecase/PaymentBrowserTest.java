package vn.motcua.payment.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.dossier.Dossiers;
import vn.motcua.support.Chromium;
import vn.motcua.support.Demo;
import vn.motcua.support.VnpayTestGateway;

/**
 * The payment's pages in a real Chromium (the citizen's without JavaScript, the desk's with it: neither carries a
 * script that changes them), axe-clean in every state: the citizen's dossier
 * page with its fee unpaid, "Thanh toán" to the gateway (the local test gateway), the return page before the bank's
 * confirmation and after it, the dossier paid with its electronic receipt; the desk's dossier page, its counter form
 * refusing a wrong amount beside the field with what was typed kept, then the payment recorded with its receipt.
 */
@QuarkusTest
class PaymentBrowserTest {

    static final VnpayTestGateway GATEWAY = VnpayTestGateway.start();

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCitizenPaysOnlineAndSeesWhatIsStored() {
        // Without JavaScript, as on an old phone: these pages carry no script of their own, so a second walk with it
        // would repeat this one.
        boolean js = false;
        String code = Dossiers.submitOnline(Demo.CITIZEN, Dossiers.BUSINESS, Demo.DISTRICT, Dossiers.businessForm());
        try (BrowserContext context = Chromium.context(Chromium.PHONE, js)) {
            Page page = context.newPage();
            page.navigate(base + "dossiers/" + code);
            Chromium.signIn(page, Demo.CITIZEN);
            page.waitForURL("**/dossiers/" + code + "**");
            String box = page.locator("#payment + dl").textContent();
            assertTrue(box.contains("50.000 đ") && box.contains("Chưa thanh toán"), box);
            Chromium.assertAccessible(page, "dossier, fee unpaid");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thanh toán").setExact(true)).click();
            page.waitForURL(GATEWAY.base + "/paymentv2/vpcpay.html**");
            String txnRef = page.url().replaceAll(".*vnp_TxnRef=([A-Za-z0-9]+).*", "$1");
            Map<String, String> back = GATEWAY.ipn(txnRef, "00", "5000000", VnpayTestGateway.SECRET);

            // Back before the bank's confirmation: the page says so, and that nothing needs paying again.
            page.navigate(base + "payments/vnpay/return?" + PaymentPagesTest.query(back));
            assertTrue(page.content().contains("chưa xác nhận"), page::content);
            Chromium.assertAccessible(page, "return, waiting for the bank");

            PaymentPagesTest.given(back);
            page.navigate(base + "payments/vnpay/return?" + PaymentPagesTest.query(back));
            assertTrue(page.content().contains("Bạn đã nộp lệ phí của hồ sơ " + code), page::content);
            assertTrue(page.content().matches("(?s).*BL\\d{4}-\\d{7}.*"), page::content);
            Chromium.assertAccessible(page, "return, paid");
            Chromium.screenshot(page, "portal-payment-return");

            page.navigate(base + "dossiers/" + code);
            String paid = page.locator("#payment + dl").textContent();
            assertTrue(paid.contains("Đã thanh toán") && paid.contains("Số biên lai điện tử"), paid);
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thanh toán").setExact(true)).count(),
                    "paid once: no second payment offered");
            Chromium.assertAccessible(page, "dossier, paid");
            Chromium.screenshot(page, "portal-dossier-paid");
        }
    }

    @Test
    void theDeskRecordsACounterPaymentRefusingAWrongAmountBesideTheField() {
        // With JavaScript, as the desk's PC runs it: these pages carry no script, so a second walk without it would
        // repeat this one.
        boolean js = true;
        String code = Dossiers.submitOnline(Demo.CITIZEN, Dossiers.BUSINESS, Demo.DISTRICT, Dossiers.businessForm());
        try (BrowserContext context = Chromium.context(Chromium.DESKTOP, js)) {
            Page page = context.newPage();
            page.navigate(base + "console/" + Demo.DISTRICT + "/dossiers/" + code);
            Chromium.signIn(page, Demo.DISTRICT_RECEIVER);
            page.waitForURL("**/dossiers/" + code + "**");
            assertTrue(page.locator("#payment + dl").textContent().contains("Chưa thanh toán"), page::content);
            Chromium.assertAccessible(page, "desk dossier, fee unpaid");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận thu lệ phí tại quầy")).click();
            page.waitForURL("**/dossiers/" + code + "/payment");
            Chromium.assertAccessible(page, "counter payment");
            page.getByLabel("Tiền mặt tại bộ phận một cửa").check();
            page.getByLabel("Số tiền đã thu (đồng)").fill("20.000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi nhận và cấp biên lai")).click();
            page.waitForLoadState();
            assertTrue(page.title().startsWith("Lỗi:"), page.title());
            assertTrue(page.locator("#amount-error").textContent().contains("Phải đúng bằng lệ phí của hồ sơ"), page::content);
            assertEquals(1, page.locator("#error-summary a[href='#amount']").count(), () -> page.locator("#error-summary").innerHTML());
            assertEquals("20.000", page.getByLabel("Số tiền đã thu (đồng)").inputValue(), "what was typed is kept");
            Chromium.assertAccessible(page, "counter payment, wrong amount");
            Chromium.screenshot(page, "console-counter-payment-refused");

            page.getByLabel("Tiền mặt tại bộ phận một cửa").check();
            page.getByLabel("Số tiền đã thu (đồng)").fill("50.000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi nhận và cấp biên lai")).click();
            page.waitForURL(url -> !url.contains("/payment") && url.contains("/dossiers/" + code));
            String box = page.locator("#payment + dl").textContent();
            assertTrue(box.contains("Đã thanh toán") && box.contains("Tiền mặt tại bộ phận một cửa") && box.matches("(?s).*BL\\d{4}-\\d{7}.*"),
                    box);
            assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ghi nhận thu lệ phí tại quầy")).count(),
                    "paid once");
            Chromium.assertAccessible(page, "desk dossier, paid at the counter");
        }
    }
}
