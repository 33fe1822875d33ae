package vn.motcua.dossier.usecase;

import static vn.motcua.dossier.usecase.FormSheets.words;
import static vn.motcua.dossier.usecase.FormSheets.officeName;
import static vn.motcua.dossier.usecase.FormSheets.subject;
import static vn.motcua.dossier.usecase.FormSheets.desk;
import static vn.motcua.dossier.usecase.FormSheets.brief;
import static vn.motcua.dossier.usecase.FormSheets.nfc;
import static vn.motcua.dossier.usecase.FormSheets.DAY;
import static vn.motcua.dossier.usecase.FormSheets.days;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.FormMessages;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.store.TrackingBookRows;
import vn.motcua.tenant.TenantTree;
import vn.motcua.dossier.usecase.FormSheets.Time;
import vn.motcua.dossier.usecase.FormSheets.Subject;

/**
 * What the registers of Circular 03/2025's appendix show: the process control slip (form 06), from the step timeline,
 * and a desk's tracking book for a period (form 07); the parts every form shares are {@link FormSheets}'. Pure, like it.
 */
final class FormRegisters {

    private FormRegisters() {
    }

    // Form 06.

    /**
     * One step of the process control slip.
     *
     * @param result  early, on time or late (by how much), or where it stands when not finished
     */
    public record ControlRow(String office, String step, String giver, String taker, Time started, Time due, Time ended, String result,
            boolean late) {
    }

    /** The process control slip: who works the dossier, with whom, and each step's hand-over. */
    public record ControlSlip(Subject subject, String competent, String coordinating, List<ControlRow> rows) {
    }

    // Form 07.

    /** A line of the tracking book; {@code volume} is set on the first line of each year's book. */
    public record BookLine(Integer volume, String number, String receiptCode, String procedure, String applicant, String phone,
            String competent, String received, String due, String handedOver, String result, String returned, String note) {
    }

    /** A desk's tracking book for a period. */
    public record Book(String office, String from, String to, List<BookLine> lines, Time printedAt) {
    }

    // Form 06.

    /**
     * The process control slip, from the step timeline: for each step, the office and who held it, who handed it
     * over (the previous step's holder; the applicant for the first), when it was taken, due and handed on, and
     * whether it was early, on time or late and by how much (in working time, on the holding tenant's calendar).
     */
    static ControlSlip controlSlip(DossierRead read, TenantTree tree, Procedure.Version version, WorkingCalendar calendar) {
        Dossier d = read.dossier();
        FormMessages words = words();
        OffsetDateTime now = read.at();
        List<ControlRow> rows = new ArrayList<>();
        String giver = nfc(d.applicantName);
        for (Dossier.Step s : d.steps.stream().sorted(java.util.Comparator.comparingInt(x -> x.seq)).toList()) {
            boolean current = d.currentStep != null && d.currentStep == s.seq && d.closedAt == null;
            String result;
            boolean late = false;
            if (s.endedAt != null) {
                Deadlines.Timeliness t = Deadlines.timeliness(s.dueAt, s.endedAt, now, false);
                late = t == Deadlines.Timeliness.LATE;
                result = switch (t) {
                    case EARLY -> words.control_early();
                    case ON_TIME -> words.control_on_time();
                    case LATE -> words.control_late(lateBy(calendar, s.dueAt, s.endedAt));
                };
            } else if (current && d.paused()) {
                result = words.control_paused();
            } else if (current) {
                late = now.isAfter(s.dueAt);
                result = late ? words.control_current_late(lateBy(calendar, s.dueAt, now)) : words.control_current();
            } else {
                result = words.control_waiting();
            }
            String taker = s.holderName == null ? null : nfc(s.holderName);
            rows.add(new ControlRow(officeName(tree, s.tenantId), words.control_step(Integer.toString(s.seq),
                    nfc(DossierRead.stepName(version, s.code).vi())), s.startedAt == null ? null : giver, taker, Time.of(s.startedAt),
                    Time.of(s.dueAt), Time.of(s.endedAt), result, late));
            if (taker != null) {
                giver = taker;
            }
        }
        String competent = d.competentTenant == null ? d.tenantId : d.competentTenant;
        Set<String> others = new LinkedHashSet<>();
        d.tenants.stream().filter(t -> !t.equals(competent) && !t.equals(desk(d))).forEach(others::add);
        read.parts().forEach(p -> others.add(p.competentTenant == null ? p.tenantId : p.competentTenant));
        others.remove(competent);
        String coordinating = others.isEmpty() ? null : others.stream().map(t -> officeName(tree, t)).collect(Collectors.joining("; "));
        return new ControlSlip(subject(d, version), officeName(tree, competent), coordinating, rows);
    }

    /** "2 giờ 30 phút làm việc", "1,5 ngày làm việc": how late, in the working time the law counts. */
    static String lateBy(WorkingCalendar calendar, OffsetDateTime due, OffsetDateTime when) {
        long minutes = calendar.workingMinutesBetween(due, when);
        long perDay = calendar.minutes(BigDecimal.ONE);
        if (minutes >= perDay) {
            return words().form_late_days(days(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(perDay), 1, RoundingMode.HALF_UP)));
        }
        return words().form_late_hours(Long.toString(minutes / 60), Long.toString(minutes % 60));
    }

    // Form 07.

    /**
     * The book's lines, in the order of their numbers (the desk's receipt counter's), each year's book opening with its
     * volume; the notes say what the dates alone do not: refused, late, returned by post.
     */
    static Book book(String office, LocalDate from, LocalDate to, List<TrackingBookRows.Line> lines, TenantTree tree,
            java.util.function.Function<TrackingBookRows.Line, String> procedureName, OffsetDateTime now) {
        FormMessages words = words();
        List<TrackingBookRows.Line> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing((TrackingBookRows.Line l) -> l.entry() == null ? Integer.MAX_VALUE : l.entry().book())
                .thenComparing(l -> l.entry() == null ? Long.MAX_VALUE : l.entry().number())
                .thenComparing(TrackingBookRows.Line::submittedAt));
        List<BookLine> out = new ArrayList<>();
        Integer volume = null;
        for (TrackingBookRows.Line l : sorted) {
            Integer book = l.entry() == null ? null : l.entry().book();
            Integer opens = book != null && !book.equals(volume) ? book : null;
            volume = book;
            OffsetDateTime due = l.appointmentAt() != null ? l.appointmentAt() : l.dueAt();
            boolean refused = l.status() == DossierStatus.REFUSED;
            boolean returned = l.status() == DossierStatus.RETURNED;
            List<String> notes = new ArrayList<>();
            if (refused) {
                notes.add(words.book_note_refused());
            } else if (Deadlines.timeliness(l.dueAt(), returned ? l.closedAt() : null, now, l.status() == DossierStatus.SUPPLEMENT_REQUESTED)
                    == Deadlines.Timeliness.LATE) {
                notes.add(words.book_note_late());
            }
            if (returned && "post".equals(l.returnChannel())) {
                notes.add(words.book_note_post());
            }
            out.add(new BookLine(opens, l.entry() == null ? "" : Long.toString(l.entry().number()), l.receiptCode(),
                    nfc(procedureName.apply(l)), nfc(l.applicantName()), l.applicantPhone(),
                    l.competentTenant() == null ? "" : officeName(tree, l.competentTenant()), brief(l.submittedAt()),
                    refused ? "" : brief(due), brief(l.handedOverAt()), brief(l.resultAt()), returned ? brief(l.closedAt()) : "",
                    String.join("; ", notes)));
        }
        return new Book(office, DAY.format(from), DAY.format(to), out, Time.of(now));
    }
}
