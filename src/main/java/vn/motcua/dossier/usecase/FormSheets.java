package vn.motcua.dossier.usecase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.FormMessages;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.dossier.store.DossierRepository;
import vn.motcua.dossier.store.TrackingBookRows;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantTree;

/**
 * What each printed form shows (nội dung biểu mẫu), every text ready to print, built from the dossier's recorded facts
 * alone: its row, its steps and its history. Pure: {@link OfficialForms} reads, then calls one of these, then lays the
 * result out in the form's template. A form whose event the history does not hold (a refusal of a dossier never
 * refused) is refused here with {@link ProblemType#FORM_NOT_ISSUED}, before anything is logged or rendered.
 */
final class FormSheets {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Languages.VI;

    private FormSheets() {
    }

    // What every form shares.

    /**
     * The header: the governing body (upper case) and, on the desk's forms, the desk; the place and the date the form
     * is dated.
     */
    public record Header(String agency, String unit, String place, Time date) {
    }

    /** The public look-up page's address, and its QR code. */
    public record Lookup(String url) {

        /**
         * The QR code of the address, a PNG in a {@code data:} URI: drawn (and read back) when the form is rendered,
         * on the worker thread, never on the event loop.
         */
        public String qr() {
            return vn.motcua.platform.pdf.QrCodes.pngDataUri(url, 8);
        }
    }

    /** An instant as the forms write it (giờ, phút, ngày, tháng, năm), in Vietnam's time, and its whole text. */
    public record Time(String hour, String minute, String day, String month, String year, String text, String brief) {

        static Time of(OffsetDateTime at) {
            if (at == null) {
                return null;
            }
            OffsetDateTime t = at.withOffsetSameInstant(VIETNAM);
            String h = two(t.getHour());
            String m = two(t.getMinute());
            String d = two(t.getDayOfMonth());
            String mo = two(t.getMonthValue());
            String y = Integer.toString(t.getYear());
            return new Time(h, m, d, mo, y, words().form_time(h, m, d, mo, y), SHORT.format(t));
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }
    }

    /** Whose dossier, for what: the lines the dossier's forms open with. */
    public record Subject(String receiptCode, String applicantName, String phone, String procedureName, String procedureCode,
            Time receivedAt) {
    }

    // Form 01.

    /** A document received: its number in the procedure's list, its name, its kind's words, how many, files attached. */
    public record Document(int number, String name, String kind, int count, int files) {
    }

    /**
     * The receipt and appointment slip.
     *
     * @param book        the dossier's entry in its desk's tracking book, or {@code null} (a part of an interconnected one)
     * @param receiver    who received it: the officer, the post office, or the online system
     */
    public record Slip(Subject subject, String office, List<Document> documents, String processingDays, Time dueAt, String returnPlace,
            String receiver, TrackingBookRows.Entry book) {
    }

    // Forms 02 to 05.

    /**
     * The request to supplement: what to hand in (the request's checklist, else the lines of its reason), the reason
     * when a checklist was given, whether the clock stops or restarts, whom to ask, who guided.
     */
    public record SupplementRequest(Subject subject, List<String> items, String reason, boolean restart, Time requestedAt,
            String office, String officePhone, String signer) {
    }

    /** The refusal to receive: on what legal basis, why, when, by whom. */
    public record Refusal(Subject subject, String office, String basis, String reason, Time refusedAt, String receiver) {
    }

    /** The apology with a request to extend: the due time missed, why, and the new appointment. */
    public record Apology(Subject subject, String office, Time dueAt, String reason, Time appointmentAt, String drawnBy) {
    }

    /** The notice that processing stops: when, why, and where the dossier and the answer are returned. */
    public record StopNotice(Subject subject, String office, Time decidedAt, String reason, String returnPlace, String drawnBy) {
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

    static FormMessages words() {
        return Languages.bundle(FormMessages.class, VI);
    }

    static Header header(TenantTree tree, String tenant, boolean desk, OffsetDateTime at) {
        String office = officeName(tree, tenant);
        return new Header(nfc(words().form_agency(office)).toUpperCase(VI), desk ? words().form_desk() : null, office, Time.of(at));
    }

    static String officeName(TenantTree tree, String tenant) {
        return nfc(tree.find(tenant).map(t -> t.name().vi()).orElse(tenant));
    }

    static Subject subject(Dossier d, Procedure.Version version) {
        return new Subject(d.receiptCode, nfc(d.applicantName), d.applicantPhone, nfc(version.name().vi()), d.procedureCode, Time.of(d.submittedAt));
    }

    /** The desk that received the dossier (its agency code is in the receipt code). */
    static String desk(Dossier d) {
        return d.receivedBy == null ? d.tenantId : d.receivedBy;
    }

    // Form 01.

    static Slip slip(DossierRead read, TenantTree tree, Procedure.Version version, Optional<TrackingBookRows.Entry> book) {
        Dossier d = read.dossier();
        Tenant office = tree.find(desk(d)).orElseThrow();
        OffsetDateTime due = d.appointmentAt != null ? d.appointmentAt : d.dueAt;
        return new Slip(subject(d, version), officeName(tree, office.code()), documents(version, read.attachments()),
                d.processingDays == null ? null : days(d.processingDays), Time.of(due), nfc(returnPlace(d, office)),
                nfc(receiver(d, tree)), book.orElse(null));
    }

    /**
     * The documents received: each the dossier has files for, and each required one (handed in on paper at the desk,
     * or due with the dossier), in the procedure's order.
     */
    static List<Document> documents(Procedure.Version version, List<AttachmentRecord> attachments) {
        Map<Integer, Long> files = attachments.stream().collect(Collectors.groupingBy(AttachmentRecord::document, Collectors.counting()));
        FormMessages words = words();
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < version.documents().size(); i++) {
            Procedure.RequiredDocument doc = version.documents().get(i);
            int n = files.getOrDefault(i + 1, 0L).intValue();
            if (doc.optional() && n == 0) {
                continue;
            }
            String kind = switch (doc.kind()) {
                case "copy" -> words.form_kind_copy();
                case "certified-copy" -> words.form_kind_certified_copy();
                default -> words.form_kind_original();
            };
            out.add(new Document(out.size() + 1, nfc(doc.name().vi()), kind, doc.count(), n));
        }
        return out;
    }

    static String returnPlace(Dossier d, Tenant office) {
        FormMessages words = words();
        if ("post".equals(d.returnChannel)) {
            return words.form_return_post(d.deliveryAddress == null ? "" : d.deliveryAddress);
        }
        if ("online".equals(d.returnChannel)) {
            return words.form_return_online();
        }
        String at = words.form_return_counter(office.name().vi());
        return office.address() == null || office.address().isBlank() ? at : at + ", " + office.address();
    }

    static String receiver(Dossier d, TenantTree tree) {
        if (d.channel != null && d.channel.startsWith("online")) {
            return words().form_receiver_online();
        }
        if ("postal".equals(d.channel) && d.intakeOffice != null) {
            String post = tree.postalOffice(d.intakeOffice).map(p -> p.name().vi()).orElse(d.intakeOffice);
            return d.submittedByName == null ? post : d.submittedByName + " (" + post + ")";
        }
        return d.submittedByName == null ? "" : d.submittedByName;
    }

    // Forms 02 to 05: each from its event in the history.

    /** The latest history entry of {@code action}; 409 {@code form-not-issued} when the dossier has none. */
    static DossierRepository.Event event(DossierRead read, String action, OfficialForm form) {
        DossierRepository.Event found = null;
        for (DossierRepository.Event e : read.history()) {
            if (action.equals(e.action())) {
                found = e;
            }
        }
        if (found == null) {
            throw new ProblemException(ProblemType.FORM_NOT_ISSUED, read.dossier().receiptCode, form.slug())
                    .with("form", form.slug()).with("state", read.dossier().status.wire());
        }
        return found;
    }

    static SupplementRequest supplementRequest(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "request-supplement", OfficialForm.SUPPLEMENT_REQUEST);
        List<String> checklist = checklist(e.detail(), version);
        String reason = nfc(e.reason());
        List<String> items = checklist.isEmpty() ? lines(reason) : checklist;
        boolean restart = e.detail() != null ? "restart".equals(e.detail().getString("clock")) : "restart".equals(d.supplementClock);
        String phone = tree.find(e.tenantId()).map(Tenant::phone).filter(p -> p != null && !p.isBlank()).orElse(null);
        return new SupplementRequest(subject(d, version), items, checklist.isEmpty() ? null : reason, restart, Time.of(e.at()),
                officeName(tree, e.tenantId()), phone, nfc(e.actorName()));
    }

    /**
     * The documents a supplement request lists, when its history entry carries them ({@code detail.documents}: the
     * numbers of the procedure's documents, or their names); empty when it carries only its reason.
     */
    static List<String> checklist(JsonObject detail, Procedure.Version version) {
        List<String> out = new ArrayList<>();
        JsonArray documents = detail == null ? null : detail.getJsonArray("documents");
        if (documents == null) {
            return out;
        }
        for (Object item : documents) {
            if (item instanceof Number n && n.intValue() >= 1 && n.intValue() <= version.documents().size()) {
                out.add(nfc(version.documents().get(n.intValue() - 1).name().vi()));
            } else if (item instanceof String s && !s.isBlank()) {
                out.add(nfc(s.strip()));
            } else if (item instanceof JsonObject o && o.getString("name") != null) {
                out.add(nfc(o.getString("name").strip()));
            }
        }
        return out;
    }

    /** A reason typed one item a line (or several on one line, separated by semicolons) as the items of a list. */
    static List<String> lines(String reason) {
        if (reason == null) {
            return List.of();
        }
        return java.util.Arrays.stream(reason.split("\\R|;")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Refusal refusal(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "refuse", OfficialForm.REFUSAL);
        String basis = version.legalBasis() == null || version.legalBasis().isEmpty() ? null
                : nfc(String.join("; ", version.legalBasis()));
        return new Refusal(subject(d, version), officeName(tree, e.tenantId()), basis, nfc(e.reason()), Time.of(e.at()), nfc(e.actorName()));
    }

    static Apology apology(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "apologize", OfficialForm.APOLOGY);
        OffsetDateTime due = instant(e.detail(), "dueAt").orElse(d.dueAt);
        OffsetDateTime appointment = instant(e.detail(), "appointment").orElse(d.appointmentAt);
        return new Apology(subject(d, version), officeName(tree, e.tenantId()), Time.of(due), nfc(e.reason()), Time.of(appointment),
                nfc(e.actorName()));
    }

    /**
     * The notice that processing stops. The state machine has no "stop" of its own: processing of a dossier stops,
     * without the result asked for, when its leader rejects it ({@code reject}), so the notice is made from that entry.
     */
    static StopNotice stopNotice(DossierRead read, TenantTree tree, Procedure.Version version) {
        Dossier d = read.dossier();
        DossierRepository.Event e = event(read, "reject", OfficialForm.STOP_NOTICE);
        Tenant desk = tree.find(desk(d)).orElseThrow();
        return new StopNotice(subject(d, version), officeName(tree, e.tenantId()), Time.of(e.at()), nfc(e.reason()),
                nfc(returnPlace(d, desk)), nfc(e.actorName()));
    }

    private static Optional<OffsetDateTime> instant(JsonObject detail, String key) {
        try {
            return detail == null || detail.getString(key) == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(detail.getString(key)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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

    /** Working days as the forms write them: "3", "2,5". */
    static String days(BigDecimal days) {
        return days.stripTrailingZeros().toPlainString().replace('.', ',');
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

    private static String brief(OffsetDateTime at) {
        return at == null ? "" : SHORT.format(at.withOffsetSameInstant(VIETNAM));
    }

    static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
