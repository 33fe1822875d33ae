package vn.motcua.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.usecase.DossierRequests;
import vn.motcua.dossier.usecase.SubmitDossier;
import vn.motcua.dossier.usecase.WorkQueue;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.identity.realm.DemoUser;
import vn.motcua.notification.DeadlineAlerts;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.support.Browser;
import vn.motcua.support.Demo;

/**
 * A tenant's nearly-late threshold, set by its administrator (issue 19 item 6): bounds refused beside the field, the
 * setting used by the desk's "nearly late" queue and by the alerts alike, in the tenant's working time, until reset;
 * every change audited; the console's page refuses a bad value beside the field with what was typed kept. Works on
 * Phường Tràng Tiền (Hoàn Kiếm), as {@code TenantSettingsTest} does, and resets what it set.
 */
@QuarkusTest
class NearlyLateThresholdTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String WARD = TenantSettingsTest.WARD;
    static final Actor ADMIN = TenantSettingsTest.ADMIN;
    static final Actor DESK = new Actor(Actor.Realm.STAFF, "nearly-late-desk", "canbo.test", "Cán bộ thử", Set.of(Permission.Roles.RECEIVER),
            Set.of(WARD), Set.of());

    @Inject
    NearlyLateAdmin admin;

    @Inject
    WorkQueue queue;

    @Inject
    DeadlineAlerts alerts;

    @Inject
    CalendarService calendars;

    @Inject
    SubmitDossier submit;

    @Inject
    ScopedTransactions transactions;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    static Set<String> fields(Throwable e) {
        return TenantSettingsTest.fields(e);
    }

    @Test
    void boundsAreRefusedBesideTheField() {
        for (Map.Entry<String, String> c : Map.of("", "hours:REQUIRED", "tám", "hours:NOT_WHOLE_NUMBER", "0", "hours:OUT_OF_RANGE", "81",
                "hours:OUT_OF_RANGE", "-3", "hours:NOT_WHOLE_NUMBER", "99999999", "hours:NOT_WHOLE_NUMBER").entrySet()) {
            assertEquals(Set.of(c.getValue()), fields(assertThrows(ProblemException.class,
                    () -> admin.set(ADMIN, WARD, c.getKey(), null, "127.0.0.1").await().atMost(WAIT))), c.getKey());
        }
        // A desk officer may not change it; nor an administrator another district's ward.
        ProblemException desk = assertThrows(ProblemException.class, () -> admin.set(DESK, WARD, "16", null, "127.0.0.1").await().atMost(WAIT));
        assertEquals(ProblemType.ACTION_FORBIDDEN, desk.type());
        ProblemException other = assertThrows(ProblemException.class,
                () -> admin.set(ADMIN, Demo.WARD, "16", null, "127.0.0.1").await().atMost(WAIT));
        assertEquals(ProblemType.TENANT_FORBIDDEN, other.type());
    }

    @Test
    void theThresholdDecidesTheNearlyLateQueueAndTheAlertsUntilReset() {
        String code = submitted();
        WorkingCalendar calendar = calendars.of(WARD).await().atMost(WAIT);
        // Due in 20 working hours: beyond the default (one working day), within a threshold of 24.
        OffsetDateTime due = calendar.dueAfterMinutes(OffsetDateTime.now(), 20 * 60);
        transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("update dossier set due_at = $2 where receipt_code = $1")
                .execute(Tuple.of(code, due)).chain(() -> conn.preparedQuery("""
                        update dossier_step s set due_at = $2 from dossier d
                         where d.id = s.dossier_id and s.seq = d.current_step and d.receipt_code = $1""").execute(Tuple.of(code, due))))
                .await().atMost(WAIT);

        alerts.raise().await().atMost(WAIT);
        assertFalse(inSoonQueue(code), "not nearly late by one working day");
        assertEquals(0, alerted(code));

        NearlyLateAdmin.View set = admin.set(ADMIN, WARD, " 24 ", "Phường đông hồ sơ (thử)", "127.0.0.1").await().atMost(WAIT);
        try {
            assertEquals(java.util.Optional.of(24), set.hours());
            assertTrue(inSoonQueue(code), "nearly late within 24 working hours");
            assertTrue(queue.counts(DESK, WARD).await().atMost(WAIT).soon() >= 1);
            // Two scans: one alert, one e-mail queued (to the holder and the ward's leaders, through the relay).
            alerts.raise().await().atMost(WAIT);
            alerts.raise().await().atMost(WAIT);
            assertEquals(1, alerted(code));
            assertEquals(1, count("select count(*) from outbox o join dossier d on d.id = o.dossier_id where d.receipt_code = $1"
                    + " and o.kind = 'nearly-late'", code));
        } finally {
            NearlyLateAdmin.View reset = admin.reset(ADMIN, WARD, "127.0.0.1").await().atMost(WAIT);
            assertTrue(reset.hours().isEmpty());
        }
        assertFalse(inSoonQueue(code), "back to one working day");
        assertTrue(count("select count(*) from audit_event where tenant_id = $1 and action = 'settings.nearly-late'", WARD) > 0);
        assertTrue(count("select count(*) from audit_event where tenant_id = $1 and action = 'settings.nearly-late-reset'", WARD) > 0);
    }

    /** The console's page: a bad value refused beside the field, what was typed kept; a good one saved, then reset. */
    @Test
    void theConsolePageRefusesABadValueBesideTheField() throws Exception {
        Browser browser = new Browser();
        String url = base + "console/" + Demo.WARD + "/settings/nearly-late";
        HttpResponse<String> page = browser.signIn(browser.get(url), Demo.DISTRICT_ADMIN, DemoUser.PASSWORD);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Ngưỡng cảnh báo hồ sơ sắp đến hạn") && page.body().contains("một ngày làm việc"), page.body());
        String origin = base.toString().replaceAll("/$", "");
        HttpResponse<String> refused = browser.post(url, List.of(Map.entry("csrf", csrf(page)), Map.entry("hours", "ba ngày"),
                Map.entry("reason", "")), Map.of("Origin", origin));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<title>Lỗi:"), refused.body());
        assertTrue(refused.body().contains("id=\"hours-error\""), refused.body());
        assertTrue(refused.body().contains("value=\"ba ngày\""), "what was typed is kept");
        HttpResponse<String> saved = browser.post(url, List.of(Map.entry("csrf", csrf(page)), Map.entry("hours", "16"),
                Map.entry("reason", "Thử")), Map.of("Origin", origin));
        try {
            assertEquals(200, saved.statusCode(), saved.body());
            assertTrue(saved.uri().toString().endsWith("?saved=1"), saved.uri().toString());
            assertTrue(saved.body().contains("16 giờ làm việc"), saved.body());
        } finally {
            HttpResponse<String> reset = browser.post(url + "/reset", List.of(Map.entry("csrf", csrf(saved))), Map.of("Origin", origin));
            assertEquals(200, reset.statusCode(), reset.body());
        }
    }

    static String csrf(HttpResponse<String> page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), "a form with its token: " + page.body());
        return m.group(1);
    }

    String submitted() {
        DossierRequests.Submission s = json.convertValue(Map.of("procedure", TenantSettingsTest.DEATH, "tenant", WARD, "channel", "online-full",
                "applicant", Map.of("fullName", "Trần Thị Bình", "citizenId", "001190004321", "phone", "0912 345 678"), "form",
                TenantSettingsTest.deathForm()), DossierRequests.Submission.class);
        return submit.submit(TenantSettingsTest.citizen(), s, UUID.randomUUID().toString(), "127.0.0.1").await().atMost(WAIT).dossier().dossier()
                .receiptCode;
    }

    boolean inSoonQueue(String code) {
        return queue.page(DESK, WARD, new WorkQueue.Query(WorkQueue.Tab.SOON, null, null, null), null, 200).await().atMost(WAIT).entries()
                .stream().anyMatch(e -> e.receiptCode().equals(code));
    }

    long alerted(String code) {
        return count("select count(*) from deadline_alert where receipt_code = $1", code);
    }

    long count(String sql, Object... args) {
        return transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery(sql).execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0))).await().atMost(WAIT);
    }
}
