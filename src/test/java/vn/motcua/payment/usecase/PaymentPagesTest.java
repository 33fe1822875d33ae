package vn.motcua.payment.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;
import vn.motcua.support.VnpayTestGateway;

/**
 * The payment's pages, with JavaScript off: the citizen's dossier page shows the fee and a "Thanh toán" form that
 * sends the browser to the gateway; the return page shows the payment as stored (before and after the callback, and
 * nothing for a forged link); the desk's dossier page shows the payment and its electronic receipt, and its counter
 * form refuses a wrong amount beside the field.
 */
@QuarkusTest
class PaymentPagesTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final VnpayTestGateway GATEWAY = VnpayTestGateway.start();

    @TestHTTPResource("/")
    URL base;

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "a form with its token: " + page.body());
        return m.group(1);
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Test
    void theCitizenPaysFromTheDossierPageAndTheReturnPageShowsWhatIsStored() throws Exception {
        String code = Dossiers.submitOnline(Demo.CITIZEN, Dossiers.BUSINESS, Demo.DISTRICT, Dossiers.businessForm());
        Browser citizen = new Browser();
        HttpResponse<String> page = citizen.signIn(citizen.get(base + "dossiers/" + code), Demo.CITIZEN, DemoUser.PASSWORD);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("50.000 đ") && page.body().contains("Chưa thanh toán"), page.body());
        assertTrue(page.body().contains("action=\"/dossiers/" + code + "/payment\""), page.body());

        HttpResponse<String> gateway = citizen.post(base + "dossiers/" + code + "/payment", List.of(Map.entry("csrf", csrf(page))),
                Map.of("Origin", base.toString().replaceAll("/$", "")));
        assertEquals(200, gateway.statusCode(), gateway.body());
        assertTrue(gateway.uri().toString().startsWith(GATEWAY.base + "/paymentv2/vpcpay.html"), gateway.uri().toString());
        String txnRef = gateway.uri().getQuery().replaceAll(".*vnp_TxnRef=([A-Za-z0-9]+).*", "$1");
        Map<String, String> back = GATEWAY.ipn(txnRef, "00", "5000000", VnpayTestGateway.SECRET);

        // Back before the callback: the page says to wait, and changes nothing.
        HttpResponse<String> early = citizen.get(base + "payments/vnpay/return?" + query(back));
        assertEquals(200, early.statusCode(), early.body());
        assertTrue(early.body().contains("chưa xác nhận"), early.body());
        assertTrue(citizen.get(base + "dossiers/" + code).body().contains("Đang chờ ngân hàng xác nhận"));

        given(back);
        HttpResponse<String> after = citizen.get(base + "payments/vnpay/return?" + query(back));
        assertTrue(after.body().contains("Bạn đã nộp lệ phí của hồ sơ " + code), after.body());
        assertTrue(after.body().matches("(?s).*BL\\d{4}-\\d{7}.*"), after.body());
        HttpResponse<String> dossier = citizen.get(base + "dossiers/" + code);
        assertTrue(dossier.body().contains("Đã thanh toán") && dossier.body().contains("Số biên lai điện tử"), dossier.body());
        assertTrue(!dossier.body().contains("action=\"/dossiers/" + code + "/payment\""), "no second payment");

        Map<String, String> forged = new java.util.HashMap<>(back);
        forged.put("vnp_Amount", "100");
        HttpResponse<String> bad = citizen.get(base + "payments/vnpay/return?" + query(forged));
        assertTrue(bad.body().contains("Không tìm thấy giao dịch"), bad.body());
    }

    static void given(Map<String, String> callback) {
        io.restassured.RestAssured.given().queryParams(callback).get("/api/payments/vnpay/ipn").then().statusCode(200);
    }

    @Test
    void theDeskRecordsACounterPaymentAndTheDossierPageShowsItsReceipt() throws Exception {
        String code = Dossiers.submitOnline(Demo.CITIZEN, Dossiers.BUSINESS, Demo.DISTRICT, Dossiers.businessForm());
        Browser desk = new Browser();
        String dossierPage = base + "console/" + Demo.DISTRICT + "/dossiers/" + code;
        HttpResponse<String> page = desk.signIn(desk.get(dossierPage), Demo.DISTRICT_RECEIVER, DemoUser.PASSWORD);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Chưa thanh toán") && page.body().contains("Ghi nhận thu lệ phí tại quầy"), page.body());

        HttpResponse<String> form = desk.get(dossierPage + "/payment");
        assertEquals(200, form.statusCode(), form.body());
        String origin = base.toString().replaceAll("/$", "");
        HttpResponse<String> refused = desk.post(dossierPage + "/payment", List.of(Map.entry("csrf", csrf(form)),
                Map.entry("method", "cash"), Map.entry("amount", "20000")), Map.of("Origin", origin));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Phải đúng bằng lệ phí của hồ sơ: 50000 đồng."), refused.body());
        assertTrue(refused.body().contains("value=\"20000\""), "what was typed is kept");

        HttpResponse<String> done = desk.post(dossierPage + "/payment", List.of(Map.entry("csrf", csrf(form)),
                Map.entry("method", "cash"), Map.entry("amount", "50000")), Map.of("Origin", origin));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.uri().getPath().endsWith("/dossiers/" + code), done.uri().toString());
        assertTrue(done.body().contains("Tiền mặt tại bộ phận một cửa") && done.body().matches("(?s).*BL\\d{4}-\\d{7}.*"), done.body());
        assertTrue(!done.body().contains("Ghi nhận thu lệ phí tại quầy"), "paid once");
    }
}
