package vn.motcua.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;

/** The public calendar endpoints: due times and the year's days off, per tenant. */
@QuarkusTest
class CalendarApiTest {

    @Test
    void answersWhenADossierIsDue() {
        given().queryParam("tenant", Demo.OTHER_WARD).queryParam("from", "2026-02-13T10:00:00+07:00").queryParam("days", "3")
                .get("/api/calendar/due").then().statusCode(200)
                .body("clockStartsAt", equalTo("2026-02-13T10:00:00+07:00"))
                .body("dueAt", equalTo("2026-02-25T10:00:00+07:00"))
                .body("cutoff", equalTo("15:00"))
                .body("skipped.date", hasItems("2026-02-16", "2026-02-17", "2026-02-21"))
                .body("skipped.find { it.date == '2026-02-17' }.reason.vi", equalTo("Tết Âm lịch (Tết Nguyên đán)"));
    }

    @Test
    void aReceptionAfterTheCutOffCountsFromTheNextMorningAndLocalTimeIsVietnamTime() {
        given().queryParam("tenant", Demo.OTHER_WARD).queryParam("from", "2026-03-09T15:30").queryParam("days", "0.5")
                .get("/api/calendar/due").then().statusCode(200)
                .body("clockStartsAt", equalTo("2026-03-10T07:00:00+07:00"))
                .body("dueAt", equalTo("2026-03-10T11:00:00+07:00"));
    }

    @Test
    void aSaturdayDeskCountsForItsWardOnly() {
        given().queryParam("tenant", Demo.WARD).queryParam("from", "2026-03-06T13:30").queryParam("days", "1.5")
                .get("/api/calendar/due").then().statusCode(200).body("dueAt", equalTo("2026-03-09T11:30:00+07:00"));
        given().queryParam("tenant", Demo.WARD_NGOC_HA).queryParam("from", "2026-03-06T13:30").queryParam("days", "1.5")
                .get("/api/calendar/due").then().statusCode(200).body("dueAt", equalTo("2026-03-10T07:30:00+07:00"));
    }

    @Test
    void listsEveryDayOffOfTheYearWithItsReason() {
        given().queryParam("tenant", Demo.CITY).queryParam("year", "2025").get("/api/calendar/holidays").then().statusCode(200)
                .body("nonWorkingDays.find { it.date == '2025-01-27' }.kind", equalTo("DECIDED"))
                .body("nonWorkingDays.find { it.date == '2025-04-07' }.reason.en", equalTo("Hùng Kings' Commemoration (10th of the 3rd lunar month)"))
                .body("nonWorkingDays.find { it.date == '2025-01-04' }.kind", equalTo("WEEKEND"))
                .body("workedWeekendDays.date", hasItems("2025-02-08", "2025-04-26"))
                .body("nonWorkingDays.date", org.hamcrest.Matchers.not(hasItem("2025-02-08")));
        // A district's closure applies to its communes too.
        given().queryParam("tenant", Demo.RURAL_COMMUNE).queryParam("year", "2026").get("/api/calendar/holidays").then().statusCode(200)
                .body("nonWorkingDays.find { it.date == '2026-12-04' }.kind", equalTo("LOCAL_CLOSURE"));
    }

    @Test
    void badInputsAreValidationProblemsListingEveryField() {
        given().queryParam("from", "tomorrow").queryParam("days", "-1").get("/api/calendar/due").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors", hasSize(3))
                .body("errors.field", contains("tenant", "from", "days"))
                .body("errors.message", contains("Mục này bắt buộc.",
                        "Cần nhập thời điểm theo dạng năm-tháng-ngàyTgiờ:phút, ví dụ 2026-03-09T09:00+07:00.",
                        "Nhập số ngày làm việc lớn hơn 0, tối đa 365, có thể lẻ nửa ngày, ví dụ 2.5."));
        for (String days : new String[] { "0", "366", "2.555", "hai", "1,5" }) {
            given().header("Accept-Language", "en").queryParam("tenant", Demo.CITY).queryParam("days", days).get("/api/calendar/due")
                    .then().statusCode(400).body("errors[0].field", equalTo("days"))
                    .body("errors[0].message", equalTo("Enter a number of working days above 0, at most 365; halves allowed, e.g. 2.5."));
        }
        given().queryParam("tenant", Demo.CITY).get("/api/calendar/due").then().statusCode(400)
                .body("errors[0].field", equalTo("days")).body("errors[0].message", equalTo("Mục này bắt buộc."));
        given().queryParam("tenant", Demo.CITY).queryParam("year", "twenty").get("/api/calendar/holidays").then().statusCode(400)
                .body("errors[0].field", equalTo("year")).body("errors[0].message", equalTo("Cần nhập một số."));
        given().queryParam("tenant", Demo.CITY).queryParam("year", "1899").get("/api/calendar/holidays").then().statusCode(400)
                .body("errors[0].message", equalTo("Nhập một số từ 1900 đến 2199."));
        given().get("/api/calendar/holidays").then().statusCode(400)
                .body("errors.field", contains("tenant", "year")).body("errors.message", everyItem(equalTo("Mục này bắt buộc.")));
        given().queryParam("tenant", "atlantis").queryParam("days", "1").get("/api/calendar/due").then().statusCode(404)
                .body("type", equalTo("/problems/tenant-not-found"));
    }
}
