package vn.motcua.dossier.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;

/**
 * The state machine applied to a loaded dossier: checks that the action is allowed in its state, moves its steps
 * (who held each, when it started and ended) and its clock, and says what to write to the history and the outbox.
 * Pure: the service loads, calls one of these, and writes back in the same transaction.
 */
public final class DossierCommands {

    /** Who acts, as written into the history and the steps. */
    public record By(String actorKey, String name) {
    }

    /** The parameters an action may take; each action reads the ones it needs. */
    public record Input(String reason, String assignee, String assigneeName, String to, String channel,
            OffsetDateTime appointment, JsonObject form) {

        public static Input none() {
            return new Input(null, null, null, null, null, null, null);
        }
    }

    /** What a command produced besides the changed dossier. */
    public record Effects(DossierStatus from, String action, String reason, JsonObject detail, List<String> notices) {
    }

    private DossierCommands() {
    }

    /** The officers' actions open in the dossier's state (a part's receiving and returning are its parent's). */
    public static List<DossierAction> allowed(Dossier d, boolean hasParts) {
        return DossierAction.allowedIn(d.status).stream().filter(a -> {
            if (hasParts) {
                return a == DossierAction.RECEIVE || a == DossierAction.REFUSE || a == DossierAction.RETURN
                        || a == DossierAction.APOLOGIZE || a == DossierAction.FORWARD && d.status == DossierStatus.RECEIVED;
            }
            if (d.isPart()) {
                return a != DossierAction.RETURN && a != DossierAction.REFUSE;
            }
            return true;
        }).toList();
    }

    /** The 409 problem of an action that the state does not allow, naming the state and what is allowed. */
    public static ProblemException illegal(Dossier d, DossierAction action, boolean hasParts) {
        List<String> allowed = allowed(d, hasParts).stream().map(DossierAction::wire).toList();
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION, d.status.wire(), action.wire(),
                allowed.isEmpty() ? "—" : String.join(", ", allowed))
                .with("state", d.status.wire()).with("allowedActions", allowed);
    }

    public static Effects apply(Dossier d, DossierAction action, Input in, By by, OffsetDateTime now, WorkingCalendar calendar,
            boolean hasParts) {
        if (action != DossierAction.SUPPLEMENT && !allowed(d, hasParts).contains(action)
                || action == DossierAction.SUPPLEMENT && !action.allowedFrom(d.status)) {
            throw illegal(d, action, hasParts);
        }
        CommandInputs.check(in);
        DossierStatus from = d.status;
        List<String> notices = new ArrayList<>();
        JsonObject detail = null;
        String reason = in.reason() == null || in.reason().isBlank() ? null : TypedText.nfc(in.reason().strip());
        switch (action) {
            case RECEIVE -> {
                if (from == DossierStatus.SUBMITTED) {
                    endCurrent(d, by, now);
                    startNext(d, now);
                }
                d.status = hasParts ? DossierStatus.IN_PROGRESS : DossierStatus.RECEIVED;
                notices.add("received");
            }
            case REFUSE -> {
                require(reason, "reason");
                endCurrent(d, by, now);
                d.status = DossierStatus.REFUSED;
                d.outcome = "refused";
                d.closedAt = now;
                d.currentStep = null;
                notices.add("refused");
            }
            case ASSIGN -> {
                Dossier.Step s = d.current().orElseThrow(() -> illegal(d, action, hasParts));
                boolean self = in.assignee() == null || in.assignee().isBlank();
                s.holderActor = self ? by.actorKey() : "staff:" + in.assignee().strip();
                s.holderName = self ? by.name() : in.assigneeName() == null ? in.assignee().strip() : in.assigneeName().strip();
                d.status = DossierStatus.IN_PROGRESS;
                detail = new JsonObject().put("step", s.code).put("holder", s.holderName);
            }
            case REQUEST_SUPPLEMENT -> {
                require(reason, "reason");
                d.pausedAt = now;
                d.minutesLeft = Deadlines.minutesLeft(calendar, now, d.dueAt);
                for (Dossier.Step s : d.steps) {
                    if (s.open()) {
                        s.minutesLeft = Deadlines.minutesLeft(calendar, now, s.dueAt);
                    }
                }
                d.status = DossierStatus.SUPPLEMENT_REQUESTED;
                detail = new JsonObject().put("clock", d.supplementClock).put("minutesLeft", d.minutesLeft);
                notices.add("supplement-requested");
            }
            case SUPPLEMENT -> {
                resumeClock(d, now, calendar);
                if (in.form() != null) {
                    d.form = in.form();
                }
                d.status = statusForCurrentStep(d);
                detail = new JsonObject().put("clock", d.supplementClock).put("dueAt", d.dueAt.toString());
                notices.add("supplemented");
            }
            case FORWARD -> {
                require(reason, "reason");
                if (in.to() == null || in.to().isBlank()) {
                    throw validation("to", FieldIssue.REQUIRED);
                }
                if (in.to().equals(d.tenantId)) {
                    throw validation("to", FieldIssue.SAME_TENANT);
                }
                detail = new JsonObject().put("from", d.tenantId).put("to", in.to());
                d.tenantId = in.to();
                if (!d.tenants.contains(in.to())) {
                    d.tenants.add(in.to());
                }
                d.current().ifPresent(s -> {
                    s.tenantId = in.to();
                    s.holderActor = null;
                    s.holderName = null;
                });
                d.status = DossierStatus.FORWARDED;
                notices.add("forwarded");
            }
            case PROPOSE -> {
                Dossier.Step s = d.current().orElseThrow(() -> illegal(d, action, hasParts));
                if (!"processor".equals(s.role)) {
                    throw illegal(d, action, hasParts);
                }
                endCurrent(d, by, now);
                Optional<Dossier.Step> next = startNext(d, now);
                String role = next.map(x -> x.role).orElse("receiver");
                d.status = switch (role) {
                    case "approver" -> DossierStatus.AWAITING_APPROVAL;
                    case "processor" -> DossierStatus.IN_PROGRESS;
                    default -> {
                        d.outcome = "approved";
                        yield DossierStatus.APPROVED;
                    }
                };
            }
            case APPROVE, REJECT -> {
                if (action == DossierAction.REJECT) {
                    require(reason, "reason");
                }
                endCurrent(d, by, now);
                startNext(d, now);
                d.status = action == DossierAction.APPROVE ? DossierStatus.APPROVED : DossierStatus.REJECTED;
                d.outcome = action == DossierAction.APPROVE ? "approved" : "rejected";
            }
            case MARK_RESULT_READY -> {
                d.status = DossierStatus.RESULT_READY;
                notices.add("result-ready");
            }
            case RETURN -> {
                String channel = in.channel() == null || in.channel().isBlank() ? d.returnChannel : in.channel().strip();
                if (!List.of("counter", "post", "online").contains(channel)) {
                    throw validation("channel", FieldIssue.NOT_AN_OPTION, "counter, post, online");
                }
                while (d.current().isPresent()) {
                    endCurrent(d, by, now);
                    if (startNext(d, now).isEmpty()) {
                        break;
                    }
                }
                d.currentStep = null;
                d.status = DossierStatus.RETURNED;
                d.closedAt = now;
                detail = new JsonObject().put("channel", channel)
                        .put("timeliness", Deadlines.timeliness(d.dueAt, now, now, false).wire());
                notices.add("returned");
            }
            case APOLOGIZE -> {
                require(reason, "reason");
                if (!now.isAfter(d.dueAt)) {
                    throw validation("reason", FieldIssue.NOT_LATE);
                }
                if (in.appointment() == null) {
                    throw validation("appointment", FieldIssue.REQUIRED);
                }
                if (!in.appointment().isAfter(now)) {
                    throw validation("appointment", FieldIssue.NOT_IN_FUTURE);
                }
                d.delayReason = reason;
                d.appointmentAt = in.appointment();
                detail = new JsonObject().put("appointment", in.appointment().toString()).put("dueAt", d.dueAt.toString());
                notices.add("apology");
            }
        }
        return new Effects(from, action.wire(), reason, detail, notices);
    }

    /**
     * Starts the clock again after a supplement. Paused: each open step and the dossier get the working minutes
     * they had left, counted from the next working moment. Restarted: the whole processing time from zero.
     */
    static void resumeClock(Dossier d, OffsetDateTime now, WorkingCalendar calendar) {
        if ("restart".equals(d.supplementClock)) {
            List<Dossier.Step> open = d.steps.stream().filter(Dossier.Step::open).toList();
            // The open steps share the whole time again, in the proportions of their shares.
            BigDecimal total = open.stream().map(s -> s.share).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BigDecimal> shares = open.stream().map(s -> s.share.divide(total, 6, java.math.RoundingMode.HALF_UP)).toList();
            Deadlines.Plan plan = Deadlines.planFrom(calendar, calendar.clockStart(now), calendar.minutes(d.processingDays), shares);
            for (int i = 0; i < open.size(); i++) {
                open.get(i).dueAt = plan.stepDues().get(i);
                open.get(i).minutesLeft = null;
            }
            d.clockStart = plan.clockStart();
            d.dueAt = plan.dueAt();
        } else {
            for (Dossier.Step s : d.steps) {
                if (s.open() && s.minutesLeft != null) {
                    s.dueAt = Deadlines.resume(calendar, now, s.minutesLeft, s.dueAt);
                    s.minutesLeft = null;
                }
            }
            d.dueAt = Deadlines.resume(calendar, now, d.minutesLeft == null ? 0 : d.minutesLeft, d.dueAt);
        }
        d.pausedAt = null;
        d.minutesLeft = null;
    }

    /** After a supplement, the dossier goes back to where its current step stands. */
    static DossierStatus statusForCurrentStep(Dossier d) {
        Dossier.Step s = d.current().orElse(null);
        if (s == null) {
            return DossierStatus.RECEIVED;
        }
        return switch (s.role) {
            case "approver" -> DossierStatus.AWAITING_APPROVAL;
            case "receiver" -> s.seq == 1 ? DossierStatus.SUBMITTED : DossierStatus.RESULT_READY;
            default -> s.holderActor == null ? DossierStatus.RECEIVED : DossierStatus.IN_PROGRESS;
        };
    }

    static void endCurrent(Dossier d, By by, OffsetDateTime now) {
        d.current().ifPresent(s -> {
            s.endedAt = now;
            if (s.startedAt == null) {
                s.startedAt = now;
            }
            if (s.holderActor == null) {
                s.holderActor = by.actorKey();
                s.holderName = by.name();
            }
        });
    }

    static Optional<Dossier.Step> startNext(Dossier d, OffsetDateTime now) {
        Optional<Dossier.Step> next = d.next();
        next.ifPresentOrElse(s -> {
            s.startedAt = now;
            s.tenantId = d.tenantId;
            d.currentStep = s.seq;
        }, () -> d.currentStep = null);
        return next;
    }

    private static void require(String value, String field) {
        if (value == null) {
            throw validation(field, FieldIssue.REASON_REQUIRED);
        }
        if (value.length() > 2000) {
            throw validation(field, FieldIssue.TOO_LONG, 2000);
        }
    }

    public static ProblemException validation(String field, FieldIssue issue, Object... args) {
        return Problems.invalidField(field, issue, args);
    }

    /** The shares of a procedure's steps, in order. */
    public static List<BigDecimal> shares(List<Procedure.Step> steps) {
        return steps.stream().map(Procedure.Step::share).toList();
    }
}
