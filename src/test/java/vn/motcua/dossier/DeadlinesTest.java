package vn.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.CalendarFiles;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierAction;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.Workflows;

/**
 * The clock of a dossier on the national calendar, with times chosen by hand: steps' shares, a supplement that
 * pauses or restarts it, repeated supplements over weeks and holidays, lateness, the apology.
 */
class DeadlinesTest {

    static final WorkingCalendar CAL = new WorkingCalendar(CalendarFiles.load(Path.of("tenants/calendars")).national(), List.of());
    static final DossierCommands.By OFFICER = new DossierCommands.By("staff:officer", "Officer");

    static OffsetDateTime vn(String local) {
        return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(7));
    }

    static final List<BigDecimal> SHARES = Workflows.SHARES;

    @Test
    void eachStepGetsItsShareOfTheWorkingTime() {
        // 2 days = 960 working minutes from Monday 9 March 2026, 7:00: receive 96, process 480, approve 288, return 96.
        Deadlines.Plan plan = Deadlines.plan(CAL, vn("2026-03-09T07:00"), new BigDecimal("2"), SHARES);
        assertEquals(vn("2026-03-09T07:00"), plan.clockStart());
        assertEquals(vn("2026-03-09T08:36"), plan.stepDues().get(0));
        assertEquals(vn("2026-03-10T08:36"), plan.stepDues().get(1)); // 576 minutes: a day and 96 minutes
        assertEquals(vn("2026-03-10T15:24"), plan.stepDues().get(2)); // 864 minutes
        assertEquals(vn("2026-03-10T17:00"), plan.stepDues().get(3));
        assertEquals(plan.dueAt(), plan.stepDues().get(3));
    }

    @Test
    void aPausedClockResumesWithTheWorkingTimeThatWasLeft() {
        Dossier d = dossier(vn("2026-03-09T07:00"), "2", "pause");
        // Asked on Monday 10:00 (due Tuesday 17:00): 13 working hours left.
        apply(d, DossierAction.REQUEST_SUPPLEMENT, vn("2026-03-09T10:00"));
        assertEquals(13 * 60, d.minutesLeft);
        // The citizen answers the next Monday at 14:00: three hours that day, eight on Tuesday, two on Wednesday.
        apply(d, DossierAction.SUPPLEMENT, vn("2026-03-16T14:00"));
        assertEquals(vn("2026-03-18T09:00"), d.dueAt);
        assertEquals(DossierStatus.IN_PROGRESS, d.status);
        assertEquals(null, d.pausedAt);
    }

    @Test
    void aPauseWithinTheWorkingDayNeverBringsTheDueTimeForward() {
        // Submitted and due at odd seconds; stopped and answered seconds later, as a quick desk and citizen would.
        Dossier d = dossier(vn("2026-03-09T07:20:50"), "0.5", "pause");
        OffsetDateTime due = d.dueAt;
        apply(d, DossierAction.REQUEST_SUPPLEMENT, vn("2026-03-09T07:21:05"));
        apply(d, DossierAction.SUPPLEMENT, vn("2026-03-09T07:21:10"));
        assertFalse(d.dueAt.isBefore(due), d.dueAt + " before " + due);
        assertTrue(!d.dueAt.isAfter(due.plusMinutes(2)), "at most the minutes begun: " + d.dueAt);
    }

    @Test
    void anAnswerAfterTheCutOffResumesTheNextWorkingMorning() {
        Dossier d = dossier(vn("2026-03-09T07:00"), "1", "pause");
        apply(d, DossierAction.REQUEST_SUPPLEMENT, vn("2026-03-09T13:30")); // 3.5 hours left
        apply(d, DossierAction.SUPPLEMENT, vn("2026-03-13T16:30"));         // Friday after the cut-off
        assertEquals(vn("2026-03-16T10:30"), d.dueAt);                      // Monday 7:00 + 3.5 h
    }

    @Test
    void aRestartedClockCountsTheWholeTimeAgainFromTheAnswer() {
        Dossier d = dossier(vn("2026-03-09T07:00"), "3", "restart");
        apply(d, DossierAction.REQUEST_SUPPLEMENT, vn("2026-03-11T16:00")); // nearly done
        apply(d, DossierAction.SUPPLEMENT, vn("2026-03-16T08:00"));
        assertEquals(CAL.dueAt(vn("2026-03-16T08:00"), new BigDecimal("3")), d.dueAt);
        assertEquals(d.dueAt, d.steps.get(d.steps.size() - 1).dueAt);
    }

    @Test
    void repeatedSupplementsAcrossTetNeverMakeAnOnTimeDossierLate() {
        Dossier d = dossier(vn("2026-02-02T07:00"), "5", "pause");
        OffsetDateTime now = vn("2026-02-02T09:00");
        List<Long> left = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            apply(d, DossierAction.REQUEST_SUPPLEMENT, now);
            left.add(d.minutesLeft);
            assertEquals(Deadlines.Timeliness.ON_TIME, Deadlines.timeliness(d.dueAt, null, now.plusDays(30), true),
                    "paused: never late while the citizen has it");
            now = now.plusDays(9).withHour(10); // the citizen takes nine days, across Tết (16–20 February 2026)
            apply(d, DossierAction.SUPPLEMENT, now);
            now = now.plusHours(1);
            assertFalse(now.isAfter(d.dueAt), "round " + round + ": due " + d.dueAt + " at " + now);
        }
        // Each round used at most the working hour between the answer and the next request (none when the
        // answer came on a weekend), never the days the citizen held it.
        for (int i = 1; i < left.size(); i++) {
            assertTrue(left.get(i - 1) - left.get(i) <= 60, left.toString());
            assertTrue(left.get(i) <= left.get(i - 1), left.toString());
        }
    }

    @Test
    void aDossierLateBeforeTheSupplementStaysLate() {
        Dossier d = dossier(vn("2026-03-09T07:00"), "0.5", "pause");
        apply(d, DossierAction.REQUEST_SUPPLEMENT, vn("2026-03-10T09:00"));
        assertTrue(d.minutesLeft < 0);
        OffsetDateTime due = d.dueAt;
        apply(d, DossierAction.SUPPLEMENT, vn("2026-03-12T09:00"));
        assertEquals(due, d.dueAt);
        assertEquals(Deadlines.Timeliness.LATE, Deadlines.timeliness(d.dueAt, null, vn("2026-03-12T09:00"), false));
    }

    @Test
    void earlyOnTimeAndLateAtTheReturn() {
        OffsetDateTime due = vn("2026-03-10T17:00");
        assertEquals(Deadlines.Timeliness.EARLY, Deadlines.timeliness(due, vn("2026-03-09T16:00"), due, false));
        assertEquals(Deadlines.Timeliness.ON_TIME, Deadlines.timeliness(due, vn("2026-03-10T16:59"), due, false));
        assertEquals(Deadlines.Timeliness.LATE, Deadlines.timeliness(due, vn("2026-03-10T17:01"), due, false));
    }

    @Test
    void anApologyIsForALateDossierWithAReasonAndANewAppointment() {
        Dossier d = dossier(vn("2026-03-09T07:00"), "0.5", "pause");
        OffsetDateTime late = vn("2026-03-10T09:00");
        assertThrows(ProblemException.class, () -> DossierCommands.apply(d, DossierAction.APOLOGIZE,
                new DossierCommands.Input("Chờ xác minh", null, null, null, null, vn("2026-03-09T09:00"), null), OFFICER, late, CAL, false));
        DossierCommands.Effects e = DossierCommands.apply(d, DossierAction.APOLOGIZE,
                new DossierCommands.Input("Chờ kết quả xác minh của công an", null, null, null, null, vn("2026-03-12T09:00"), null),
                OFFICER, late, CAL, false);
        assertEquals(List.of("apology"), e.notices());
        assertEquals("Chờ kết quả xác minh của công an", d.delayReason);
        assertEquals(vn("2026-03-12T09:00"), d.appointmentAt);
        Dossier onTime = dossier(vn("2026-03-09T07:00"), "2", "pause");
        assertThrows(ProblemException.class, () -> DossierCommands.apply(onTime, DossierAction.APOLOGIZE,
                new DossierCommands.Input("x", null, null, null, null, vn("2026-03-12T09:00"), null), OFFICER, vn("2026-03-09T09:00"), CAL, false));
    }

    static void apply(Dossier d, DossierAction action, OffsetDateTime now) {
        DossierCommands.apply(d, action, new DossierCommands.Input("lý do", null, null, null, null, null, null), OFFICER, now, CAL, false);
    }

    /** A dossier received and assigned at {@code start}, its process step current. */
    static Dossier dossier(OffsetDateTime start, String days, String clock) {
        Dossier d = new Dossier();
        d.processingDays = new BigDecimal(days);
        d.supplementClock = clock;
        d.laySteps(Workflows.FOUR_STEPS, SHARES, Deadlines.plan(CAL, start, d.processingDays, SHARES), start);
        d.steps.get(0).startedAt = start;
        d.steps.get(0).endedAt = start;
        d.steps.get(1).startedAt = start;
        d.steps.get(1).holderActor = "staff:p";
        d.currentStep = 2;
        d.status = DossierStatus.IN_PROGRESS;
        return d;
    }
}
