package vn.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.calendar.CalendarFiles;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * The state machine as a table, without HTTP or Quarkus: every {@link DossierStatus} × every {@link DossierAction},
 * for a plain dossier, an interconnected parent (it has parts) and one of its parts, gives the state written in the
 * tables below or a refusal. The tables are written by hand from the rules, so any change to the state machine fails
 * here first and must be made in the table too, on purpose. Then the effects that matter: the step advanced, the
 * clock stopped and resumed or restarted on a supplement, the notices.
 *
 * <p>The dossier is late in the table (so that an apology is allowed) and every action gets every input it may
 * need, so a refusal there is the state machine's (409 {@code illegal-transition}); the refusals of bad input
 * (400 {@code validation-failed}) are tested after.
 */
class DossierStateTableTest {

    static final WorkingCalendar CAL = new WorkingCalendar(CalendarFiles.load(Path.of("tenants/calendars")).national(), List.of());
    static final DossierCommands.By OFFICER = new DossierCommands.By("staff:officer", "Officer");

    /** Monday 9 March 2026, 07:00 at UTC+7: received; 2 working days, so due Tuesday 10 March 17:00. */
    static final OffsetDateTime START = vn("2026-03-09T07:00");
    /** Thursday 12 March, 09:00: late. */
    static final OffsetDateTime LATE = vn("2026-03-12T09:00");
    static final List<BigDecimal> SHARES = Workflows.SHARES;

    /** Every input an action may read: a reason, no assignee (the officer takes it), another tenant, a channel, an appointment. */
    static final DossierCommands.Input ALL = new DossierCommands.Input("Lý do", null, null, "ward-c", "counter",
            vn("2026-03-20T09:00"), null);

    // Cells: the state after the action, or "--" for a refusal (409 illegal-transition) that leaves the dossier as it was.
    //   SUB submitted   REC received   INP in-progress   SUP supplement-requested   FWD forwarded   AWA awaiting-approval
    //   APP approved    REJ rejected   RFD refused       RDY result-ready           RET returned

    static final String PLAIN = """
                                  receive refuse assign request-supplement forward propose approve reject mark-result-ready return apologize supplement
            submitted             REC     RFD    --     --                 --      --      --      --     --                --     --        --
            received              --      --     INP    SUP                FWD     --      --      --     --                --     REC       --
            in-progress           --      --     INP    SUP                FWD     AWA     --      --     --                --     INP       --
            supplement-requested  --      --     --     --                 --      --      --      --     --                --     SUP       INP
            forwarded             REC     --     --     --                 --      --      --      --     --                --     FWD       --
            awaiting-approval     --      --     --     SUP                --      --      APP     REJ    --                --     AWA       --
            approved              --      --     --     --                 --      --      --      --     RDY               --     APP       --
            rejected              --      --     --     --                 --      --      --      --     RDY               --     REJ       --
            refused               --      --     --     --                 --      --      --      --     --                --     --        --
            result-ready          --      --     --     --                 --      --      --      --     --                RET    RDY       --
            returned              --      --     --     --                 --      --      --      --     --                --     --        --
            """;

    /**
     * An interconnected ("3 in 1") parent follows its parts: it is received (and then in progress while the parts
     * are worked), refused, forwarded only once received, returned, apologized for and supplemented, nothing else.
     */
    static final String PARENT = """
                                  receive refuse assign request-supplement forward propose approve reject mark-result-ready return apologize supplement
            submitted             INP     RFD    --     --                 --      --      --      --     --                --     --        --
            received              --      --     --     --                 FWD     --      --      --     --                --     REC       --
            in-progress           --      --     --     --                 --      --      --      --     --                --     INP       --
            supplement-requested  --      --     --     --                 --      --      --      --     --                --     SUP       INP
            forwarded             INP     --     --     --                 --      --      --      --     --                --     FWD       --
            awaiting-approval     --      --     --     --                 --      --      --      --     --                --     AWA       --
            approved              --      --     --     --                 --      --      --      --     --                --     APP       --
            rejected              --      --     --     --                 --      --      --      --     --                --     REJ       --
            refused               --      --     --     --                 --      --      --      --     --                --     --        --
            result-ready          --      --     --     --                 --      --      --      --     --                RET    RDY       --
            returned              --      --     --     --                 --      --      --      --     --                --     --        --
            """;

    /** A part is worked like a plain dossier, but its receiving and returning are its parent's: no refuse, no return. */
    static final String PART = """
                                  receive refuse assign request-supplement forward propose approve reject mark-result-ready return apologize supplement
            submitted             REC     --     --     --                 --      --      --      --     --                --     --        --
            received              --      --     INP    SUP                FWD     --      --      --     --                --     REC       --
            in-progress           --      --     INP    SUP                FWD     AWA     --      --     --                --     INP       --
            supplement-requested  --      --     --     --                 --      --      --      --     --                --     SUP       INP
            forwarded             REC     --     --     --                 --      --      --      --     --                --     FWD       --
            awaiting-approval     --      --     --     SUP                --      --      APP     REJ    --                --     AWA       --
            approved              --      --     --     --                 --      --      --      --     RDY               --     APP       --
            rejected              --      --     --     --                 --      --      --      --     RDY               --     REJ       --
            refused               --      --     --     --                 --      --      --      --     --                --     --        --
            result-ready          --      --     --     --                 --      --      --      --     --                --     RDY       --
            returned              --      --     --     --                 --      --      --      --     --                --     --        --
            """;

    static final Map<String, DossierStatus> CELLS = Map.ofEntries(Map.entry("SUB", DossierStatus.SUBMITTED),
            Map.entry("REC", DossierStatus.RECEIVED), Map.entry("INP", DossierStatus.IN_PROGRESS),
            Map.entry("SUP", DossierStatus.SUPPLEMENT_REQUESTED), Map.entry("FWD", DossierStatus.FORWARDED),
            Map.entry("AWA", DossierStatus.AWAITING_APPROVAL), Map.entry("APP", DossierStatus.APPROVED),
            Map.entry("REJ", DossierStatus.REJECTED), Map.entry("RFD", DossierStatus.REFUSED),
            Map.entry("RDY", DossierStatus.RESULT_READY), Map.entry("RET", DossierStatus.RETURNED));

    /** What each action that goes through puts in the outbox. */
    static final Map<DossierAction, List<String>> NOTICES = new EnumMap<>(Map.ofEntries(
            Map.entry(DossierAction.RECEIVE, List.of("received")), Map.entry(DossierAction.REFUSE, List.of("refused")),
            Map.entry(DossierAction.ASSIGN, List.of()), Map.entry(DossierAction.REQUEST_SUPPLEMENT, List.of("supplement-requested")),
            Map.entry(DossierAction.FORWARD, List.of("forwarded")), Map.entry(DossierAction.PROPOSE, List.of()),
            Map.entry(DossierAction.APPROVE, List.of()), Map.entry(DossierAction.REJECT, List.of()),
            Map.entry(DossierAction.MARK_RESULT_READY, List.of("result-ready")), Map.entry(DossierAction.RETURN, List.of("returned")),
            Map.entry(DossierAction.APOLOGIZE, List.of("apology")), Map.entry(DossierAction.SUPPLEMENT, List.of("supplemented"))));

    enum Kind {
        PLAIN(DossierStateTableTest.PLAIN, false, false),
        PARENT(DossierStateTableTest.PARENT, true, false),
        PART(DossierStateTableTest.PART, false, true);

        final String table;
        final boolean hasParts;
        final boolean isPart;

        Kind(String table, boolean hasParts, boolean isPart) {
            this.table = table;
            this.hasParts = hasParts;
            this.isPart = isPart;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyStateTimesEveryActionGivesTheStateInTheTable(Kind kind) {
        Map<DossierStatus, Map<DossierAction, DossierStatus>> table = parse(kind.table);
        List<String> wrong = new ArrayList<>();
        for (DossierStatus status : DossierStatus.values()) {
            for (DossierAction action : DossierAction.values()) {
                DossierStatus expected = table.get(status).get(action);
                Dossier d = inState(status, kind);
                String cell = status.wire() + " × " + action.wire() + ": ";
                try {
                    DossierCommands.Effects effects = DossierCommands.apply(d, action, ALL, OFFICER, LATE, CAL, kind.hasParts);
                    if (expected == null) {
                        wrong.add(cell + "refusal expected, went to " + d.status.wire());
                        continue;
                    }
                    if (d.status != expected) {
                        wrong.add(cell + expected.wire() + " expected, went to " + d.status.wire());
                    }
                    if (effects.from() != status || !effects.action().equals(action.wire())
                            || !effects.notices().equals(NOTICES.get(action))) {
                        wrong.add(cell + "effects " + effects.from() + " " + effects.action() + " " + effects.notices());
                    }
                } catch (ProblemException e) {
                    if (expected != null) {
                        wrong.add(cell + expected.wire() + " expected, refused with " + e.type().slug() + " " + e.fieldErrors());
                    } else if (e.type() != ProblemType.ILLEGAL_TRANSITION) {
                        wrong.add(cell + "refused with " + e.type().slug() + ", not illegal-transition");
                    } else if (d.status != status) {
                        wrong.add(cell + "refused, yet the state changed to " + d.status.wire());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), () -> kind + ": " + wrong.size() + " cells differ from the table:\n  " + String.join("\n  ", wrong));
    }

    /** The actions offered to officers (the buttons, and the 409's {@code allowedActions}) are the table's row. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAllowedActionsAreTheTablesRow(Kind kind) {
        Map<DossierStatus, Map<DossierAction, DossierStatus>> table = parse(kind.table);
        for (DossierStatus status : DossierStatus.values()) {
            List<DossierAction> row = Arrays.stream(DossierAction.values())
                    .filter(a -> a != DossierAction.SUPPLEMENT && table.get(status).get(a) != null).toList();
            assertEquals(row, DossierCommands.allowed(inState(status, kind), kind.hasParts), kind + " " + status.wire());
        }
    }

    @Test
    void receivingASubmittedDossierEndsTheReceiveStepAndStartsTheNext() {
        Dossier d = inState(DossierStatus.SUBMITTED, Kind.PLAIN);
        OffsetDateTime now = vn("2026-03-09T08:00");
        DossierCommands.apply(d, DossierAction.RECEIVE, ALL, OFFICER, now, CAL, false);
        assertEquals(now, d.steps.get(0).endedAt);
        assertEquals("staff:officer", d.steps.get(0).holderActor, "the receiver is recorded on the step");
        assertEquals(2, d.currentStep);
        assertEquals(now, d.steps.get(1).startedAt);
        assertEquals("ward-a", d.steps.get(1).tenantId);
    }

    @Test
    void receivingAForwardedDossierKeepsItsStep() {
        Dossier d = inState(DossierStatus.FORWARDED, Kind.PLAIN);
        DossierCommands.apply(d, DossierAction.RECEIVE, ALL, OFFICER, vn("2026-03-09T10:00"), CAL, false);
        assertEquals(2, d.currentStep);
        assertNull(d.steps.get(1).endedAt);
    }

    @Test
    void proposingEndsTheProcessStepAndStartsTheApproval() {
        Dossier d = inState(DossierStatus.IN_PROGRESS, Kind.PLAIN);
        OffsetDateTime now = vn("2026-03-10T09:00");
        DossierCommands.apply(d, DossierAction.PROPOSE, ALL, OFFICER, now, CAL, false);
        assertEquals(now, d.steps.get(1).endedAt);
        assertEquals("staff:p", d.steps.get(1).holderActor, "the specialist who held it stays its holder");
        assertEquals(3, d.currentStep);
        assertEquals(now, d.steps.get(2).startedAt);
    }

    @Test
    void approvingMovesToTheReturnStepWithTheOutcome() {
        Dossier d = inState(DossierStatus.AWAITING_APPROVAL, Kind.PLAIN);
        DossierCommands.apply(d, DossierAction.APPROVE, ALL, OFFICER, vn("2026-03-10T10:00"), CAL, false);
        assertEquals(4, d.currentStep);
        assertEquals("approved", d.outcome);
    }

    @Test
    void forwardingHandsTheCurrentStepToTheOtherTenant() {
        Dossier d = inState(DossierStatus.IN_PROGRESS, Kind.PLAIN);
        DossierCommands.Effects effects = DossierCommands.apply(d, DossierAction.FORWARD, ALL, OFFICER, vn("2026-03-09T10:00"), CAL, false);
        assertEquals("ward-c", d.tenantId);
        assertEquals(List.of("ward-a", "ward-c"), d.tenants, "every tenant that has held it");
        assertEquals("ward-c", d.steps.get(1).tenantId);
        assertNull(d.steps.get(1).holderActor, "nobody holds it there yet");
        assertEquals("ward-a", effects.detail().getString("from"));
    }

    @Test
    void refusingAndReturningCloseTheDossier() {
        Dossier refused = inState(DossierStatus.SUBMITTED, Kind.PLAIN);
        DossierCommands.apply(refused, DossierAction.REFUSE, ALL, OFFICER, vn("2026-03-09T08:00"), CAL, false);
        assertEquals("refused", refused.outcome);
        assertEquals(vn("2026-03-09T08:00"), refused.closedAt);
        assertNull(refused.currentStep);
        assertTrue(refused.status.closed());

        Dossier returned = inState(DossierStatus.RESULT_READY, Kind.PLAIN);
        DossierCommands.Effects effects = DossierCommands.apply(returned, DossierAction.RETURN, ALL, OFFICER, vn("2026-03-10T16:00"), CAL, false);
        assertTrue(returned.steps.stream().noneMatch(Dossier.Step::open), "every step ended");
        assertNull(returned.currentStep);
        assertEquals(vn("2026-03-10T16:00"), returned.closedAt);
        assertEquals("counter", effects.detail().getString("channel"));
        assertEquals("on-time", effects.detail().getString("timeliness"));
    }

    @Test
    void aSupplementRequestStopsTheClockAndTheAnswerResumesItWithTheTimeLeft() {
        Dossier d = inState(DossierStatus.IN_PROGRESS, Kind.PLAIN);
        // Asked on Monday 10:00 (due Tuesday 17:00): 13 working hours left.
        DossierCommands.Effects asked = DossierCommands.apply(d, DossierAction.REQUEST_SUPPLEMENT, ALL, OFFICER,
                vn("2026-03-09T10:00"), CAL, false);
        assertEquals(vn("2026-03-09T10:00"), d.pausedAt);
        assertEquals(13 * 60, d.minutesLeft);
        assertNotNull(d.steps.get(1).minutesLeft, "the open step keeps its own time left");
        assertEquals("pause", asked.detail().getString("clock"));
        assertEquals(13 * 60, asked.detail().getLong("minutesLeft"));

        // The answer, the next Monday at 14:00: three hours that day, eight on Tuesday, two on Wednesday.
        DossierCommands.Effects answered = DossierCommands.apply(d, DossierAction.SUPPLEMENT, DossierCommands.Input.none(), OFFICER,
                vn("2026-03-16T14:00"), CAL, false);
        assertEquals(vn("2026-03-18T09:00"), d.dueAt);
        assertNull(d.pausedAt);
        assertNull(d.minutesLeft);
        assertNull(d.steps.get(1).minutesLeft);
        assertEquals(DossierStatus.IN_PROGRESS, d.status, "back to its current step, still held");
        assertEquals(d.dueAt.toString(), answered.detail().getString("dueAt"));
    }

    @Test
    void aRestartingProcedureGivesTheWholeTimeAgainAfterTheAnswer() {
        Dossier d = inState(DossierStatus.IN_PROGRESS, Kind.PLAIN);
        d.supplementClock = "restart";
        DossierCommands.apply(d, DossierAction.REQUEST_SUPPLEMENT, ALL, OFFICER, vn("2026-03-09T10:00"), CAL, false);
        DossierCommands.apply(d, DossierAction.SUPPLEMENT, DossierCommands.Input.none(), OFFICER, vn("2026-03-16T14:00"), CAL, false);
        // Two whole working days from Monday 16 March 14:00: 3 h that day, 8 h Tuesday, 5 h Wednesday (4 h 30 + 30 min).
        assertEquals(vn("2026-03-16T14:00"), d.clockStart);
        assertEquals(vn("2026-03-18T14:00"), d.dueAt);
        assertEquals(d.dueAt, d.steps.get(3).dueAt, "the last open step ends with the dossier");
        assertNull(d.pausedAt);
    }

    @Test
    void anAnswerToARequestMadeAtApprovalGoesBackToApproval() {
        Dossier d = inState(DossierStatus.AWAITING_APPROVAL, Kind.PLAIN);
        DossierCommands.apply(d, DossierAction.REQUEST_SUPPLEMENT, ALL, OFFICER, vn("2026-03-10T09:00"), CAL, false);
        DossierCommands.apply(d, DossierAction.SUPPLEMENT, DossierCommands.Input.none(), OFFICER, vn("2026-03-11T09:00"), CAL, false);
        assertEquals(DossierStatus.AWAITING_APPROVAL, d.status);
    }

    /** The refusals of bad input: 400 validation-failed naming the field, the dossier unchanged. */
    @Test
    void badInputIsRefusedWithTheField() {
        DossierCommands.Input noReason = new DossierCommands.Input(" ", null, null, "ward-c", "counter", vn("2026-03-20T09:00"), null);
        for (var c : List.of(new Object[] { DossierStatus.SUBMITTED, DossierAction.REFUSE },
                new Object[] { DossierStatus.IN_PROGRESS, DossierAction.REQUEST_SUPPLEMENT },
                new Object[] { DossierStatus.IN_PROGRESS, DossierAction.FORWARD },
                new Object[] { DossierStatus.AWAITING_APPROVAL, DossierAction.REJECT },
                new Object[] { DossierStatus.IN_PROGRESS, DossierAction.APOLOGIZE })) {
            refused((DossierStatus) c[0], (DossierAction) c[1], noReason, LATE, "reason", FieldIssue.REASON_REQUIRED);
        }
        DossierCommands.Input sameTenant = new DossierCommands.Input("Lý do", null, null, "ward-a", null, null, null);
        refused(DossierStatus.IN_PROGRESS, DossierAction.FORWARD, sameTenant, LATE, "to", FieldIssue.SAME_TENANT);
        refused(DossierStatus.IN_PROGRESS, DossierAction.APOLOGIZE, ALL, vn("2026-03-10T09:00"), "reason", FieldIssue.NOT_LATE);
        DossierCommands.Input fax = new DossierCommands.Input(null, null, null, null, "fax", null, null);
        refused(DossierStatus.RESULT_READY, DossierAction.RETURN, fax, LATE, "channel", FieldIssue.NOT_AN_OPTION);
    }

    @Test
    void onlyAProcessorStepIsProposed() {
        Dossier d = inState(DossierStatus.IN_PROGRESS, Kind.PLAIN);
        d.currentStep = 3; // the approval step, held: a state the table's dossiers never reach, refused all the same
        ProblemException e = assertThrows(ProblemException.class,
                () -> DossierCommands.apply(d, DossierAction.PROPOSE, ALL, OFFICER, LATE, CAL, false));
        assertEquals(ProblemType.ILLEGAL_TRANSITION, e.type());
        assertEquals(DossierStatus.IN_PROGRESS, d.status);
    }

    private static void refused(DossierStatus status, DossierAction action, DossierCommands.Input in, OffsetDateTime now,
            String field, FieldIssue issue) {
        Dossier d = inState(status, Kind.PLAIN);
        ProblemException e = assertThrows(ProblemException.class,
                () -> DossierCommands.apply(d, action, in, OFFICER, now, CAL, false), action.wire());
        assertEquals(ProblemType.VALIDATION_FAILED, e.type(), action.wire());
        assertEquals(field, e.fieldErrors().get(0).field(), action.wire());
        assertEquals(issue, e.fieldErrors().get(0).issue(), action.wire());
        assertEquals(status, d.status, action.wire() + " leaves the state");
    }

    /** The table: its header must name every action and its rows every state, in any order. */
    static Map<DossierStatus, Map<DossierAction, DossierStatus>> parse(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        List<DossierAction> header = Arrays.stream(lines.get(0).trim().split("\\s+")).map(w -> {
            DossierAction a = DossierAction.of(w);
            if (a == null) {
                fail("not an action: " + w);
            }
            return a;
        }).toList();
        assertEquals(DossierAction.values().length, header.stream().distinct().count(), "the header names every action once");
        Map<DossierStatus, Map<DossierAction, DossierStatus>> table = new EnumMap<>(DossierStatus.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            assertEquals(header.size() + 1, cells.length, line);
            Map<DossierAction, DossierStatus> row = new EnumMap<>(DossierAction.class);
            for (int i = 0; i < header.size(); i++) {
                String cell = cells[i + 1];
                if (!cell.equals("--")) {
                    assertTrue(CELLS.containsKey(cell), "not a state: " + cell);
                    row.put(header.get(i), CELLS.get(cell));
                }
            }
            assertNull(table.put(DossierStatus.of(cells[0]), row), "a state listed twice: " + cells[0]);
        }
        assertEquals(DossierStatus.values().length, table.size(), "a row for every state");
        return table;
    }

    /**
     * A dossier of a four-step procedure (receive, process, approve, return) standing in {@code status}: the steps
     * before the current one ended, the current one started, held when it is being worked.
     */
    static Dossier inState(DossierStatus status, Kind kind) {
        Dossier d = new Dossier();
        d.tenantId = "ward-a";
        d.receivedBy = "ward-a";
        d.tenants.add("ward-a");
        d.returnChannel = "counter";
        d.processingDays = new BigDecimal("2");
        d.supplementClock = "pause";
        if (kind.isPart) {
            d.parentId = UUID.fromString("00000000-0000-0000-0000-000000000001");
            d.partIndex = 1;
        }
        d.submittedAt = START;
        d.laySteps(Workflows.FOUR_STEPS, SHARES, Deadlines.plan(CAL, START, d.processingDays, SHARES), START);
        for (Dossier.Step s : d.steps) {
            // Started and placed below, step by step, as the state says.
            s.startedAt = null;
            s.tenantId = null;
        }
        int current = switch (status) {
            case SUBMITTED -> 1;
            case RECEIVED, IN_PROGRESS, SUPPLEMENT_REQUESTED, FORWARDED -> 2;
            case AWAITING_APPROVAL -> 3;
            case APPROVED, REJECTED, RESULT_READY -> 4;
            case REFUSED -> 1;
            case RETURNED -> 5;
        };
        for (Dossier.Step s : d.steps) {
            if (s.seq <= current) {
                s.startedAt = START;
                s.tenantId = "ward-a";
            }
            if (s.seq < current || status == DossierStatus.REFUSED) {
                s.endedAt = START;
                s.holderActor = "staff:earlier";
            }
        }
        d.currentStep = current <= 4 && !status.closed() ? current : null;
        d.status = status;
        switch (status) {
            case IN_PROGRESS -> d.steps.get(1).holderActor = "staff:p";
            case SUPPLEMENT_REQUESTED -> {
                d.steps.get(1).holderActor = "staff:p";
                d.pausedAt = START.plusHours(3);
                d.minutesLeft = 13 * 60L;
                d.steps.get(1).minutesLeft = 60L;
            }
            case FORWARDED -> {
                d.tenantId = "ward-b";
                d.tenants.add("ward-b");
                d.steps.get(1).tenantId = "ward-b";
            }
            case APPROVED, RESULT_READY -> d.outcome = "approved";
            case REJECTED -> d.outcome = "rejected";
            case REFUSED -> {
                d.outcome = "refused";
                d.closedAt = START;
            }
            case RETURNED -> {
                d.outcome = "approved";
                d.closedAt = START;
            }
            default -> {
            }
        }
        return d;
    }

    static OffsetDateTime vn(String local) {
        return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(7));
    }
}
