package vn.motcua.dossier.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.tenant.Tenant;

/**
 * The parts of an interconnected dossier (hồ sơ liên thông): one per agency of the procedure, under the parent's
 * receipt code, and how the parent follows them. Pure, like {@link DossierCommands}: the use case loads, calls these
 * and writes back in the same transaction.
 */
public final class Parts {

    /** One part to create: what the catalog says of it, the version of its procedure and the tenant that works it. */
    public record Spec(Procedure.Part part, Procedure.Version version, Tenant at) {
    }

    private Parts() {
    }

    /**
     * Creates the parts. Each goes to its tenant, and must be done by the time the parent's return step starts; its
     * steps (the receiving one left out: the parent's desk received it) share that window. The parent stays visible
     * to every part's tenant, and the parts see each other, so that each agency can follow the whole.
     */
    public static List<Dossier> create(Dossier parent, List<Spec> specs, WorkingCalendar calendar, OffsetDateTime now) {
        List<Dossier> parts = new ArrayList<>();
        OffsetDateTime start = calendar.clockStart(now);
        Dossier.Step last = parent.steps.get(parent.steps.size() - 1);
        OffsetDateTime windowEnd = parent.steps.size() > 1 ? parent.steps.get(parent.steps.size() - 2).dueAt : last.dueAt;
        long window = Math.max(60, calendar.workingMinutesBetween(start, windowEnd));
        int index = 0;
        for (Spec spec : specs) {
            index++;
            Procedure.Version pv = spec.version();
            List<Procedure.Step> steps = pv.steps().stream().filter(s -> !"receiver".equals(s.role())).toList();
            if (steps.isEmpty()) {
                steps = pv.steps();
            }
            BigDecimal total = steps.stream().map(Procedure.Step::share).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<BigDecimal> shares = steps.stream().map(s -> s.share().divide(total, 6, RoundingMode.HALF_UP)).toList();
            Deadlines.Plan plan = Deadlines.planFrom(calendar, start, window, shares);
            Dossier c = new Dossier();
            c.id = UUID.randomUUID();
            c.receiptCode = ReceiptCode.part(parent.receiptCode, index);
            c.parentId = parent.id;
            c.partIndex = index;
            c.partAgency = spec.part().agency();
            c.receivedBy = parent.receivedBy;
            c.competentTenant = spec.at().code();
            c.tenantId = spec.at().code();
            c.tenants.add(spec.at().code());
            if (!c.tenants.contains(parent.receivedBy)) {
                c.tenants.add(parent.receivedBy);
            }
            if (!parent.tenants.contains(spec.at().code())) {
                parent.tenants.add(spec.at().code());
            }
            c.procedureCode = spec.part().procedure();
            c.procedureVersion = pv.effectiveFrom();
            c.channel = parent.channel;
            c.status = DossierStatus.RECEIVED;
            c.submittedBy = parent.submittedBy;
            c.submittedByName = parent.submittedByName;
            c.applicantActor = parent.applicantActor;
            c.applicantName = parent.applicantName;
            c.applicantId = parent.applicantId;
            c.applicantPhone = parent.applicantPhone;
            c.relationship = parent.relationship;
            c.returnChannel = parent.returnChannel;
            c.form = parent.form;
            c.fee = 0;
            c.processingDays = BigDecimal.valueOf(window).divide(BigDecimal.valueOf(calendar.minutes(BigDecimal.ONE)), 2, RoundingMode.HALF_UP);
            c.supplementClock = pv.supplement().wire();
            c.submittedAt = now;
            c.laySteps(steps, shares.stream().map(x -> x.setScale(3, RoundingMode.HALF_UP)).toList(), plan, now);
            parts.add(c);
        }
        for (Dossier c : parts) {
            for (String t : parent.tenants) {
                if (!c.tenants.contains(t)) {
                    c.tenants.add(t);
                }
            }
        }
        return parts;
    }

    /**
     * The parent follows its parts: result ready when every part's result is, waiting for a supplement when any part
     * is, in progress otherwise. Empty when the parent does not change.
     */
    public static Optional<DossierCommands.Effects> derive(Dossier p, List<Dossier> parts, OffsetDateTime now) {
        DossierStatus before = p.status;
        if (before.closed() || before == DossierStatus.RESULT_READY) {
            return Optional.empty();
        }
        boolean allDone = parts.stream().allMatch(c -> c.status == DossierStatus.RESULT_READY || c.status == DossierStatus.RETURNED);
        if (allDone) {
            Dossier.Step ret = p.steps.get(p.steps.size() - 1);
            for (Dossier.Step s : p.steps) {
                if (s != ret && s.open()) {
                    s.endedAt = now;
                    if (s.startedAt == null) {
                        s.startedAt = now;
                    }
                }
            }
            ret.startedAt = now;
            p.currentStep = ret.seq;
            p.status = DossierStatus.RESULT_READY;
            boolean allApproved = parts.stream().allMatch(c -> "approved".equals(c.outcome));
            boolean noneApproved = parts.stream().noneMatch(c -> "approved".equals(c.outcome));
            p.outcome = allApproved ? "approved" : noneApproved ? "rejected" : "partly-approved";
        } else if (parts.stream().anyMatch(c -> c.status == DossierStatus.SUPPLEMENT_REQUESTED)) {
            p.status = DossierStatus.SUPPLEMENT_REQUESTED;
        } else {
            p.status = DossierStatus.IN_PROGRESS;
        }
        if (p.status == before) {
            return Optional.empty();
        }
        return Optional.of(new DossierCommands.Effects(before, "parts-" + p.status.wire(), null, null,
                p.status == DossierStatus.RESULT_READY ? List.of("result-ready") : List.of()));
    }

    /** The parent's result went back to the applicant: an open part is returned with it. Empty when it was closed. */
    public static Optional<DossierCommands.Effects> returnWithParent(Dossier c, OffsetDateTime now) {
        if (c.status.closed()) {
            return Optional.empty();
        }
        DossierStatus before = c.status;
        c.status = DossierStatus.RETURNED;
        c.closedAt = now;
        c.currentStep = null;
        return Optional.of(new DossierCommands.Effects(before, "returned-with-parent", null, null, List.of()));
    }
}
