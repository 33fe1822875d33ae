package vn.motcua.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.usecase.DossierRequests;
import vn.motcua.dossier.usecase.SubmitDossier;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.support.Demo;
import vn.motcua.tenant.DeskSession;
import vn.motcua.tenant.TenantDirectory;

/**
 * The tenant administrator's settings against the real PostgreSQL: bounds refused field by field, another tenant's
 * rows refused by the policy and by row-level security, and the settings made effective in the engine (a closure moves
 * the due date of a new submission and not of one already made; a procedure's own fee applies from its date), each
 * change in the audit log with what it was before and after. The tests work on Phường Tràng Tiền (Hoàn Kiếm), which no other test's
 * due dates depend on, and take back the calendar days they set.
 */
@QuarkusTest
class TenantSettingsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * A ward no other test submits to: settings that are in force cannot be withdrawn (a version in effect stays), so
     * they would change other tests' due dates and fees at a ward they share.
     */
    static final String WARD = "hoan-kiem-trang-tien";
    static final String MARITAL = "1.004873";
    static final String DEATH = "1.000656";

    /** The district's administrator: the ward's settings are theirs (tenant and below). */
    static final Actor ADMIN = new Actor(Actor.Realm.STAFF, "settings-admin", "quantri.test", "Quản trị thử", Set.of(Permission.Roles.TENANT_ADMIN),
            Set.of("hoan-kiem"), Set.of());

    @Inject
    DeskHoursAdmin hours;

    @Inject
    CalendarAdmin calendar;

    @Inject
    ProcedureAdmin procedures;

    @Inject
    ProcedureSettings procedureSettings;

    @Inject
    CalendarService calendars;

    @Inject
    SubmitDossier submit;

    @Inject
    TenantDirectory tenants;

    @Inject
    ScopedTransactions transactions;

    @Inject
    ObjectMapper json;

    static LocalDate today() {
        return LocalDate.now(VietnameseLunarCalendar.VIETNAM);
    }

    static Set<String> fields(Throwable e) {
        assertTrue(e instanceof ProblemException, () -> "a problem: " + e);
        ProblemException p = (ProblemException) e;
        assertEquals(ProblemType.VALIDATION_FAILED, p.type(), p::getMessage);
        return p.fieldErrors().stream().map(f -> f.field() + ":" + f.issue()).collect(java.util.stream.Collectors.toSet());
    }

    static Actor citizen() {
        return new Actor(Actor.Realm.CITIZENS, "settings-" + UUID.randomUUID().toString().substring(0, 8), "c", "Công dân",
                Set.of(Permission.Roles.CITIZEN), Set.of(), Set.of());
    }

    Dossier submitOnline(String procedure, Map<String, Object> form) {
        DossierRequests.Submission s = json.convertValue(Map.of("procedure", procedure, "tenant", WARD, "channel", "online-full",
                "applicant", Map.of("fullName", "Trần Thị Bình", "citizenId", "001190004321", "phone", "0912 345 678"), "form", form),
                DossierRequests.Submission.class);
        return submit.submit(citizen(), s, UUID.randomUUID().toString(), "127.0.0.1").await().atMost(WAIT).dossier().dossier();
    }

    static Map<String, Object> maritalForm() {
        return Map.of("applicant", Map.of("fullName", "Trần Thị Bình", "citizenId", "001190004321", "birthDate", "1990-05-06", "sex", "nu"),
                "residence", "5 Kim Mã, Ba Đình, Hà Nội", "maritalStatus", "chua-ket-hon", "purpose", "vay-von", "contactPhone", "0912 345 678");
    }

    static Map<String, Object> deathForm() {
        return Map.of("deceased", Map.of("fullName", "Nguyễn Văn Cả", "citizenId", "001045001234", "birthDate", "1945-03-02", "sex", "nam"),
                "deathDate", "2026-11-20", "deathPlace", "Bệnh viện Bạch Mai", "lastResidence", "12 Kim Mã, Ba Đình, Hà Nội",
                "applicantRelationship", "con", "contactPhone", "0912 345 678");
    }

    OffsetDateTime dueOf(String receiptCode) {
        return transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery("select due_at from dossier where receipt_code = $1")
                .execute(Tuple.of(receiptCode)).map(rows -> rows.iterator().next().getOffsetDateTime("due_at"))).await().atMost(WAIT);
    }

    List<Row> audit(String action, String target) {
        return transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery(
                "select action, target, actor_subject, detail from audit_event where tenant_id = $1 and action = $2 and target = $3 order by id")
                .execute(Tuple.of(WARD, action, target)).map(rows -> {
                    List<Row> out = new java.util.ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                })).await().atMost(WAIT);
    }

    @Test
    void boundsAreRefusedFieldByField() {
        Map<Procedure.Channel, String> fees = new EnumMap<>(Procedure.Channel.class);
        fees.put(Procedure.Channel.ONLINE_FULL, "2000");
        fees.put(Procedure.Channel.COUNTER, "nhiều");
        Set<String> refused = fields(assertThrows(ProblemException.class, () -> procedures.add(ADMIN, WARD, MARITAL,
                new ProcedureAdmin.Input(today().minusDays(1).toString(), fees, "4", "maybe", " "), "127.0.0.1").await().atMost(WAIT)));
        assertEquals(Set.of("effectiveFrom:DATE_PASSED", "fee-online-full:ABOVE_CATALOG_FEE", "fee-counter:NOT_WHOLE_NUMBER",
                "processingDays:ABOVE_CATALOG_DAYS", "receivedAnywhere:NOT_AN_OPTION", "reason:REQUIRED"), refused);
        assertEquals(Set.of("processingDays:HALF_DAYS", "effectiveFrom:DATE_TOO_FAR"), fields(assertThrows(ProblemException.class,
                () -> procedures.add(ADMIN, WARD, MARITAL, new ProcedureAdmin.Input(today().plusYears(3).toString(), Map.of(), "0.3", "catalog", "Thử"),
                        "127.0.0.1").await().atMost(WAIT))));

        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, "07:30-11:30, 11:00-12:00");
        week.put(DayOfWeek.TUESDAY, "7h30 đến 11h");
        week.put(DayOfWeek.WEDNESDAY, "04:00-11:00");
        assertEquals(Set.of("MONDAY:DESK_SESSIONS", "TUESDAY:DESK_SESSIONS", "WEDNESDAY:DESK_SESSIONS"), fields(assertThrows(ProblemException.class,
                () -> hours.set(ADMIN, WARD, new DeskHoursAdmin.Input(week, null), "127.0.0.1").await().atMost(WAIT))));
        assertEquals(Set.of("MONDAY:DESK_CLOSED_ALL_WEEK"), fields(assertThrows(ProblemException.class,
                () -> hours.set(ADMIN, WARD, new DeskHoursAdmin.Input(Map.of(), null), "127.0.0.1").await().atMost(WAIT))));

        LocalDate sunday = today().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate weekday = sunday.plusDays(2);
        assertEquals(Set.of("date:DATE_PASSED", "kind:NOT_AN_OPTION", "reason:REQUIRED"), fields(assertThrows(ProblemException.class,
                () -> calendar.set(ADMIN, WARD, new CalendarAdmin.Input(today().minusDays(1).toString(), "holiday", null, "", null), "127.0.0.1")
                        .await().atMost(WAIT))));
        assertEquals(Set.of("date:NOT_A_WORKING_DAY"), fields(assertThrows(ProblemException.class,
                () -> calendar.set(ADMIN, WARD, new CalendarAdmin.Input(sunday.toString(), "closed", null, "Nghỉ", null), "127.0.0.1").await().atMost(WAIT))));
        assertEquals(Set.of("date:ALREADY_WORKING_DAY"), fields(assertThrows(ProblemException.class,
                () -> calendar.set(ADMIN, WARD, new CalendarAdmin.Input(weekday.toString(), "working", null, "Làm", null), "127.0.0.1").await().atMost(WAIT))));
        assertEquals(Set.of("pairedDate:ALREADY_WORKING_DAY"), fields(assertThrows(ProblemException.class,
                () -> calendar.set(ADMIN, WARD, new CalendarAdmin.Input(weekday.toString(), "swap", weekday.plusDays(1).toString(), "Đổi", null),
                        "127.0.0.1").await().atMost(WAIT))));
        assertEquals(Set.of("date:NOT_DATE", "reason:TOO_LONG"), fields(assertThrows(ProblemException.class,
                () -> calendar.set(ADMIN, WARD, new CalendarAdmin.Input("31/12/2026", "closed", null, "x".repeat(201), null), "127.0.0.1")
                        .await().atMost(WAIT))));
        assertEquals(Set.of("date:NO_DAY_SET"), fields(assertThrows(ProblemException.class,
                () -> calendar.clear(ADMIN, WARD, weekday.toString(), "127.0.0.1").await().atMost(WAIT))));
    }

    @Test
    void anAdministratorWritesOnlyTheTenantsTheyAdminister() {
        // The policy: another district's ward is out of reach, and a desk officer may not change settings.
        ProblemException other = assertThrows(ProblemException.class, () -> calendar.set(ADMIN, Demo.OTHER_WARD,
                new CalendarAdmin.Input(today().plusDays(30).toString(), "closed", null, "Lũ", null), "127.0.0.1").await().atMost(WAIT));
        assertEquals(ProblemType.TENANT_FORBIDDEN, other.type());
        Actor receiver = new Actor(Actor.Realm.STAFF, "settings-receiver", "canbo.test", "Cán bộ", Set.of(Permission.Roles.RECEIVER), Set.of(WARD),
                Set.of());
        assertEquals(ProblemType.ACTION_FORBIDDEN, assertThrows(ProblemException.class, () -> procedures.list(receiver, WARD).await().atMost(WAIT))
                .type());

        // Row-level security, a second wall: a transaction scoped to one tenant cannot write another's rows, in any of
        // the three tables, and no transaction may change or delete a row once written.
        for (String insert : List.of(
                "insert into tenant_calendar_day (tenant_id, day, kind, reason_vi, set_by) values ($1, current_date + 40, 'closed', 'x', 'staff:x')",
                "insert into tenant_desk_hours (tenant_id, week, set_by) values ($1, '{}'::jsonb, 'staff:x')",
                "insert into procedure_override (tenant_id, procedure_code, effective_from, reason, set_by) values ($1, '1.004873', current_date + 40, 'x', 'staff:x')")) {
            Throwable refused = assertThrows(Throwable.class, () -> transactions.onConnection(TenantScope.of(WARD),
                    conn -> conn.preparedQuery(insert).execute(Tuple.of(Demo.OTHER_WARD))).await().atMost(WAIT), insert);
            assertTrue(String.valueOf(refused.getMessage()).contains("row-level security"), refused::toString);
        }
        for (String change : List.of("update tenant_calendar_day set reason_vi = 'y'", "delete from procedure_override",
                "delete from tenant_desk_hours")) {
            Throwable refused = assertThrows(Throwable.class, () -> transactions.onConnection(TenantScope.of(WARD),
                    conn -> conn.query(change).execute()).await().atMost(WAIT), change);
            assertTrue(String.valueOf(refused.getMessage()).contains("permission denied"), refused::toString);
        }
    }

    @Test
    void aClosureMovesTheDueDateOfANewSubmissionAndNotOfOneAlreadyMade() {
        Dossier before = submitOnline(DEATH, deathForm());
        // The day the clock of a submission made now starts: closing it moves the next submission's start a day on.
        LocalDate start = calendars.of(WARD).await().atMost(WAIT).clockStart(OffsetDateTime.now()).atZoneSameInstant(VietnameseLunarCalendar.VIETNAM)
                .toLocalDate();
        LocalDate closed = calendar.set(ADMIN, WARD, new CalendarAdmin.Input(start.toString(), "closed", null, "Nghỉ để bầu cử (thử)", "Election (test)"),
                "127.0.0.1").await().atMost(WAIT);
        try {
            assertEquals(start, closed);
            assertFalse(calendars.of(WARD).await().atMost(WAIT).isWorkingDay(start), "the calendar of the next request has it");
            Dossier after = submitOnline(DEATH, deathForm());
            // Its clock starts on the next working day, whatever the hour now (how much later its due time is depends on it).
            assertTrue(after.dueAt.isAfter(before.dueAt), () -> before.dueAt + " then " + after.dueAt);
            assertTrue(after.clockStart.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate().isAfter(start), after.clockStart::toString);
            assertTrue(after.dueAt.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate().isAfter(start), after.dueAt::toString);
            assertEquals(before.dueAt.toInstant(), dueOf(before.receiptCode).toInstant(), "the dossier already submitted keeps its due time");

            // The settings page's preview shows the same thing, with the closure and without it.
            CalendarAdmin.YearView view = calendar.read(ADMIN, WARD, String.valueOf(start.getYear()), start.toString(), "1").await().atMost(WAIT);
            assertTrue(view.preview().differs(), view.preview()::toString);
            assertTrue(view.entries().stream().anyMatch(e -> e.date().equals(start) && e.own()));
            // A day already set is set once: take it back first.
            assertEquals(Set.of("date:DAY_ALREADY_SET"), fields(assertThrows(ProblemException.class, () -> calendar.set(ADMIN, WARD,
                    new CalendarAdmin.Input(start.toString(), "closed", null, "Lại", null), "127.0.0.1").await().atMost(WAIT))));
        } finally {
            calendar.clear(ADMIN, WARD, start.toString(), "127.0.0.1").await().atMost(WAIT);
        }
        assertTrue(calendars.of(WARD).await().atMost(WAIT).isWorkingDay(start), "taken back");
        List<Row> set = audit("settings.calendar-day", start.toString());
        assertFalse(set.isEmpty(), "the closure is in the audit log");
        assertEquals("settings-admin", set.get(set.size() - 1).getString("actor_subject"));
        assertEquals("closed", set.get(set.size() - 1).getJsonObject("detail").getString("kind"));
        assertFalse(audit("settings.calendar-day-cleared", start.toString()).isEmpty(), "its taking back too");
    }

    @Test
    void aProceduresOwnFeeAppliesFromItsDateAndAVersionInForceIsNeverChanged() {
        LocalDate today = today();
        Map<Procedure.Channel, String> fees = new EnumMap<>(Procedure.Channel.class);
        fees.put(Procedure.Channel.ONLINE_FULL, "500");
        LocalDate from = procedures.add(ADMIN, WARD, MARITAL, new ProcedureAdmin.Input(today.toString(), fees, "2", "catalog", "Giảm phí trực tuyến"),
                "127.0.0.1").await().atMost(WAIT);
        assertEquals(today, from);
        Map<Procedure.Channel, String> later = new EnumMap<>(Procedure.Channel.class);
        later.put(Procedure.Channel.ONLINE_FULL, "1000");
        LocalDate next = today.plusDays(10);
        procedures.add(ADMIN, WARD, MARITAL, new ProcedureAdmin.Input(next.toString(), later, "", "catalog", "Tăng lại"), "127.0.0.1").await().atMost(WAIT);

        Dossier d = submitOnline(MARITAL, maritalForm());
        assertEquals(500, d.fee, "today's version of the office: its own fee");
        assertEquals(0, new BigDecimal("2").compareTo(d.processingDays), "and its own time");
        ProcedureSettings.Snapshot snapshot = procedureSettings.snapshot().await().atMost(WAIT);
        ProcedureAdmin.Detail detail = procedures.read(ADMIN, WARD, MARITAL).await().atMost(WAIT);
        var ward = tenants.require(WARD).await().atMost(WAIT);
        assertEquals(1000, snapshot.terms(MARITAL, detail.version(), ward, next).fee(Procedure.Channel.ONLINE_FULL), "the next version from its day");
        assertEquals(0, new BigDecimal("3").compareTo(snapshot.terms(MARITAL, detail.version(), ward, next).processingDays()),
                "a blank time in a version is the catalog's");
        assertEquals(3000, snapshot.terms(MARITAL, detail.version(), ward, next).fee(Procedure.Channel.COUNTER), "a channel not set keeps the catalog's");

        // Today's version is in force: it cannot be replaced, nor withdrawn, here or in the database.
        assertEquals(Set.of("effectiveFrom:VERSION_IN_EFFECT"), fields(assertThrows(ProblemException.class, () -> procedures.add(ADMIN, WARD, MARITAL,
                new ProcedureAdmin.Input(today.toString(), Map.of(), "", "catalog", "Sửa"), "127.0.0.1").await().atMost(WAIT))));
        assertEquals(Set.of("effectiveFrom:VERSION_IN_EFFECT"), fields(assertThrows(ProblemException.class,
                () -> procedures.withdraw(ADMIN, WARD, MARITAL, today.toString(), "127.0.0.1").await().atMost(WAIT))));
        Throwable trigger = assertThrows(Throwable.class, () -> transactions.onConnection(TenantScope.of(WARD), conn -> conn.preparedQuery(
                "insert into procedure_override (tenant_id, procedure_code, effective_from, reason, set_by) values ($1, $2, $3, 'x', 'staff:x')")
                .execute(Tuple.of(WARD, MARITAL, today))).await().atMost(WAIT));
        assertTrue(String.valueOf(trigger.getMessage()).contains("in effect"), trigger::toString);

        // The one to come may be withdrawn; the dossier already submitted keeps its fee whatever follows.
        procedures.withdraw(ADMIN, WARD, MARITAL, next.toString(), "127.0.0.1").await().atMost(WAIT);
        assertEquals(500, procedureSettings.snapshot().await().atMost(WAIT).terms(MARITAL, detail.version(), ward, next).fee(Procedure.Channel.ONLINE_FULL));
        assertEquals(List.of(today), procedures.read(ADMIN, WARD, MARITAL).await().atMost(WAIT).versions().stream()
                .map(ProcedureSettings.Override::effectiveFrom).toList());
        List<Row> added = audit("settings.procedure", MARITAL + "@" + today);
        assertEquals(1, added.size());
        assertEquals(500L, added.get(0).getJsonObject("detail").getJsonObject("fees").getLong("online-full"));
        assertEquals(1, audit("settings.procedure-withdrawn", MARITAL + "@" + next).size());
    }

    @Test
    void deskHoursSetInTheConsoleAreTheTenantsEverywhereUntilReset() {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, "07:00-11:30, 13:30-17:00");
        }
        week.put(DayOfWeek.SATURDAY, "7:30–11:30");
        var before = tenants.require(WARD).await().atMost(WAIT).deskHours();
        DeskHoursAdmin.View set = hours.set(ADMIN, WARD, new DeskHoursAdmin.Input(week, "Mở sáng thứ Bảy"), "127.0.0.1").await().atMost(WAIT);
        try {
            assertTrue(set.own());
            // At once on this replica: the write reloads the tree after its commit, and no reload begun before the
            // commit can be served or cached after it (TenantDirectoryRaceTest replays those races).
            var now = tenants.require(WARD).await().atMost(WAIT).deskHours();
            assertEquals(List.of(new DeskSession(java.time.LocalTime.of(7, 30), java.time.LocalTime.of(11, 30))), now.on(DayOfWeek.SATURDAY));
            assertEquals(List.of(), now.on(DayOfWeek.SUNDAY));
            // And the public API, read as a browser would, at once too.
            io.restassured.RestAssured.given().get("/api/tenants/" + WARD).then().statusCode(200)
                    .body("deskHours.SATURDAY", org.hamcrest.Matchers.equalTo(List.of("07:30-11:30")));
            List<Row> logged = audit("settings.desk-hours", WARD);
            assertEquals("07:30-11:30", logged.get(logged.size() - 1).getJsonObject("detail").getJsonObject("after").getJsonArray("SATURDAY").getString(0));
        } finally {
            hours.reset(ADMIN, WARD, "127.0.0.1").await().atMost(WAIT);
        }
        assertEquals(before, tenants.require(WARD).await().atMost(WAIT).deskHours(), "back to the files' hours");
        assertNotEquals(List.of(), audit("settings.desk-hours-reset", WARD));
    }
}
