package vn.motcua.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import vn.motcua.report.usecase.RefreshReports;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * The report's figures against a fixture computed by hand (số liệu báo cáo đối chiếu với bảng tính tay): dossiers of
 * Long Biên's wards with known timelines in January and February 2026, written into the history by the schema's owner
 * with their timestamps, then read through the refresh and the API. Working time counts the national calendar's
 * sessions (07:00–11:30, 13:30–17:00: 480 minutes a day) and skips Tết 2026 (16–20 February).
 *
 * <pre>
 * Bồ Đề (long-bien-bo-de)
 *  A online-full, fee, reuse consent  Mon 05/01 08:00 → Wed 07/01 10:00, due Thu 08/01 17:00: early, 1080 min = 2.25 d, rated 4;
 *                                    its fee paid through the gateway (paid online)
 *  B counter, fee, received          Mon 05/01 09:00 → Thu 08/01 16:00, due Thu 08/01 17:00: on time, 1740 min = 3.625 d, rated 2;
 *                                    its fee paid in cash at the desk
 *  C online-partial, 1 supplement     Tue 10/02 08:00, paused Thu 12/02 09:00 → Wed 25/02 09:00 (across Tết) → Thu 26/02 10:00,
 *                                    due Fri 27/02 17:00: early, 1020 + 540 = 1560 min = 3.25 d
 *  D online-full, fee, 2 supplements  Mon 12/01 08:00 → Tue 20/01 10:00 (each pause 480 min), due Fri 23/01: late (second
 *                                    supplement), 3000 − 960 = 2040 min = 4.25 d; the gateway refused its payment (failed), then
 *                                    paid in cash: not paid online, although submitted wholly online
 * Online-payment share (Decision 766, group 4), from the payments (V16): with a fee A, B, D; paid online A only: 1/3.
 *  E online-full                      Mon 19/01 08:00 → Thu 22/01 08:00, due Wed 21/01 17:00: late, 1440 min = 3 d
 *  F counter, refused                 Mon 26/01
 * Ngọc Thụy (long-bien-ngoc-thuy)
 *  G "3 in 1", online-full            Mon 02/02 08:00 → Thu 05/02 16:00, due Fri 06/02: early, 1800 min = 3.75 d; its two parts
 *                                    (one forwarded to the district) are not counted again
 * Steps: A's receive at Bồ Đề on time; E's process at Bồ Đề late (Lê Văn Trễ); G's first part's process at Ngọc Thụy late
 * (Nguyễn Văn Hộ), its second part's at Long Biên on time.
 * </pre>
 */
@QuarkusTest
class ReportsTest {

    static final String DISTRICT = ReportFixture.DISTRICT;
    static final String BO_DE = ReportFixture.BO_DE;
    static final String NGOC_THUY = ReportFixture.NGOC_THUY;
    static final String GIA_THUY = ReportFixture.GIA_THUY;
    static final String FROM = ReportFixture.FROM;
    static final String TO = ReportFixture.TO;

    @Inject
    RefreshReports refresh;

    @BeforeEach
    void fixture() throws Throwable {
        ReportFixture.ensure(refresh);
    }

    static JsonPath report(String user, String tenant) {
        return given().auth().oauth2(Tokens.staff(user)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports", tenant).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDistrictsFiguresAreTheHandComputedOnes() {
        JsonPath r = report(Demo.CITY_ADMIN, DISTRICT);
        assertEquals(DISTRICT, r.getString("tenant"));
        // Bồ Đề: six received, four online, two on paper of which one received (digitized), one refused.
        String boDe = "units.find { it.code == '" + BO_DE + "' }.figures.";
        assertEquals(6, r.getInt(boDe + "received"));
        assertEquals(4, r.getInt(boDe + "online"));
        assertEquals(2, r.getInt(boDe + "paper"));
        assertEquals(1, r.getInt(boDe + "digitized"));
        assertEquals(1, r.getInt(boDe + "reused"));
        assertEquals(3, r.getInt(boDe + "withFee"));
        assertEquals(1, r.getInt(boDe + "paidOnline"), "A through the gateway; B in cash; D's gateway attempt failed, then cash");
        assertEquals(1.0 / 3, r.getDouble(boDe + "onlinePaymentShare"), 1e-6);
        assertEquals(3, r.getInt(boDe + "supplements"));
        assertEquals(5, r.getInt(boDe + "decided"));
        assertEquals(2, r.getInt(boDe + "early"));
        assertEquals(1, r.getInt(boDe + "onTime"));
        assertEquals(2, r.getInt(boDe + "late"), "D is late by its second supplement request, E by the clock");
        assertEquals(1, r.getInt(boDe + "refused"));
        assertEquals(3.275, r.getDouble(boDe + "meanDays"), 1e-6, "(2.25 + 3.625 + 3.25 + 4.25 + 3) / 5");
        assertEquals(4.0, r.getDouble(boDe + "p90Days"), 1e-6, "3.625 + 0.6 × (4.25 − 3.625)");
        assertEquals(2, r.getInt(boDe + "ratings"));
        assertEquals(3.0, r.getDouble(boDe + "meanRating"), 1e-6);
        assertEquals(0.6, r.getDouble(boDe + "onTimeRate"), 1e-6);
        // Ngọc Thụy: the "3 in 1" once, its parts not again.
        String ngocThuy = "units.find { it.code == '" + NGOC_THUY + "' }.figures.";
        assertEquals(1, r.getInt(ngocThuy + "received"));
        assertEquals(1, r.getInt(ngocThuy + "decided"));
        assertEquals(1, r.getInt(ngocThuy + "early"));
        assertEquals(3.75, r.getDouble(ngocThuy + "meanDays"), 1e-6);
        assertEquals(0, r.getInt("units.find { it.code == '" + GIA_THUY + "' }.figures.received"));
        // The district's total is the sum of its units; the percentile is the subtree's own.
        assertEquals(7, r.getInt("total.received"));
        assertEquals(5, r.getInt("total.online"));
        assertEquals(6, r.getInt("total.decided"));
        assertEquals(3, r.getInt("total.early"));
        assertEquals(1, r.getInt("total.onTime"));
        assertEquals(2, r.getInt("total.late"));
        assertEquals(1, r.getInt("total.refused"));
        assertEquals(4.0 / 6, r.getDouble("total.onTimeRate"), 1e-6);
        assertEquals(5.0 / 7, r.getDouble("total.onlineShare"), 1e-6);
        assertEquals(0.5, r.getDouble("total.digitizedShare"), 1e-6);
        assertEquals(20.125 / 6, r.getDouble("total.meanDays"), 1e-6);
        assertEquals(4.0, r.getDouble("total.p90Days"), 1e-6, "3.75 + 0.5 × (4.25 − 3.75)");
        assertEquals(0.6, r.getDouble("total.satisfaction"), 1e-6, "a mean of 3 out of 5");
        // Late steps by step and office, and by holder; the forwarded part's step counted under the district's office.
        assertEquals(1, r.getInt("lateBySteps.find { it.key == 'process' && it.office == '" + BO_DE + "' }.late"));
        assertEquals(1, r.getInt("lateBySteps.find { it.key == 'process' && it.office == '" + NGOC_THUY + "' }.late"));
        assertEquals(0, r.getInt("lateBySteps.find { it.key == 'process' && it.office == '" + DISTRICT + "' }.late"));
        assertEquals(1, r.getInt("lateBySteps.find { it.key == 'process' && it.office == '" + DISTRICT + "' }.ended"));
        assertEquals(List.of("Lê Văn Trễ", "Nguyễn Văn Hộ"), r.getList("lateByHolders.key"));
        assertTrue(r.getList("unused.code").size() > 0, "procedures without a dossier in 12 months are listed");
    }

    @Test
    void theCityRollsItsDistrictsUp() {
        JsonPath district = report(Demo.CITY_ADMIN, DISTRICT);
        JsonPath city = report(Demo.AUDITOR, Demo.CITY);
        String lb = "units.find { it.code == '" + DISTRICT + "' }.figures.";
        for (String figure : List.of("received", "online", "decided", "early", "onTime", "late", "refused", "supplements")) {
            assertEquals(district.getInt("total." + figure), city.getInt(lb + figure), figure);
        }
        assertEquals(district.getDouble("total.p90Days"), city.getDouble(lb + "p90Days"), 1e-6);
        long sum = city.getList("units.figures.received", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertEquals(city.getLong("total.received"), sum, "the city's total is the sum of its own desk and its districts");
    }

    @Test
    void whoMayReadIt() {
        // A district's leader reads its own subtree only; a desk officer has no report; a citizen none.
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_APPROVER)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports", DISTRICT).then().statusCode(403);
        given().auth().oauth2(Tokens.staff(Demo.DISTRICT_APPROVER)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports", Demo.WARD).then().statusCode(200).body("tenant", equalTo(Demo.WARD));
        given().auth().oauth2(Tokens.staff(Demo.RECEIVER)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports", Demo.WARD).then().statusCode(403);
        given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports.csv", Demo.WARD).then().statusCode(403);
        given().queryParam("from", FROM).queryParam("to", TO).get("/api/t/{t}/reports.pdf", Demo.WARD).then().statusCode(401);
        // Bad input: beside its field.
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("from", "hôm qua").queryParam("to", TO)
                .get("/api/t/{t}/reports", DISTRICT).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("from", TO).queryParam("to", FROM)
                .get("/api/t/{t}/reports", DISTRICT).then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("from", "2024-01-01").queryParam("to", TO)
                .get("/api/t/{t}/reports", DISTRICT).then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("to", TO)
                .get("/api/t/{t}/reports", DISTRICT).then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void theCsvHasOneRowPerUnitAndTheTotal() {
        String csv = given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports.csv", DISTRICT).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = Arrays.asList(csv.replace("\uFEFF", "").split("\r\n"));
        assertEquals("unit,name,received,online,paper,digitized,reused,with_fee,paid_online,supplements,decided,early,on_time,late,refused,"
                + "on_time_rate,online_share,digitized_share,reuse_share,online_payment_share,mean_working_days,p90_working_days,ratings,mean_rating",
                lines.get(0));
        String boDe = lines.stream().filter(l -> l.startsWith(BO_DE + ",")).findFirst().orElseThrow();
        assertTrue(boDe.endsWith(",6,4,2,1,1,3,1,3,5,2,1,2,1,0.6000,0.6667,0.5000,0.1667,0.3333,3.28,4.00,2,3.00")
                || boDe.endsWith(",6,4,2,1,1,3,1,3,5,2,1,2,1,0.6000,0.6667,0.5000,0.1667,0.3333,3.27,4.00,2,3.00"), boDe);
        String total = lines.get(lines.size() - 1);
        assertTrue(total.startsWith(DISTRICT + "*,") && total.contains(",7,5,2,1,1,3,1,3,6,3,1,2,1,"), total);
    }

    @Test
    void thePdfSaysTheFiguresInVietnamese() throws Exception {
        byte[] pdf = given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports.pdf", DISTRICT).then().statusCode(200).header("Content-Type", "application/pdf")
                .extract().asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Báo cáo chỉ số phục vụ"), text);
            assertTrue(text.contains("Từ ngày 2026-01-01 đến ngày 2026-02-28"), text);
            assertTrue(text.contains("Tỷ lệ đúng hạn (gồm trước hạn) 66.7 %"), text);
            assertTrue(text.contains("Lê Văn Trễ"), text);
            // The README shows the printed report's first page.
            java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 80);
            java.nio.file.Files.createDirectories(java.nio.file.Paths.get("docs/screenshots"));
            javax.imageio.ImageIO.write(image, "png", java.nio.file.Paths.get("docs/screenshots/report-pdf.png").toFile());
        }
    }

    @Inject
    vn.motcua.report.usecase.WeeklyReports weekly;

    @Test
    void theWeeklyReportIsKeptOncePerTenantAndWeek() throws Throwable {
        java.time.LocalDate monday = java.time.LocalDate.parse("2026-01-05");
        assertEquals(monday, vn.motcua.report.usecase.WeeklyReports.lastWeek(java.time.LocalDate.parse("2026-01-14")));
        VertxContextSupport.subscribeAndAwait(() -> weekly.write(monday));
        // A second run (another replica, or the next hour) keeps nothing again.
        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> weekly.write(monday)));
    }

    @Test
    void theRefreshIsIdempotent() throws Throwable {
        // Another pass over the same history changes nothing.
        JsonPath before = report(Demo.CITY_ADMIN, DISTRICT);
        Integer n = VertxContextSupport.subscribeAndAwait(() -> refresh.runOnce(5000, Duration.ZERO));
        assertTrue(n <= 0, "nothing new to read: " + n);
        JsonPath after = report(Demo.CITY_ADMIN, DISTRICT);
        assertEquals(before.getMap("total"), after.getMap("total"));
        given().auth().oauth2(Tokens.staff(Demo.CITY_ADMIN)).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/t/{t}/reports", DISTRICT).then().body("units.code", hasItems(DISTRICT, BO_DE, NGOC_THUY, GIA_THUY))
                .body("total.received", greaterThanOrEqualTo(7));
        assertEquals(3.0, after.getDouble("total.meanRating"), 1e-6);
    }
}
