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

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final Locale VI = Languages.VI;

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

    /** Working days as the forms write them: "3", "2,5". */
    static String days(BigDecimal days) {
        return days.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String brief(OffsetDateTime at) {
        return at == null ? "" : SHORT.format(at.withOffsetSameInstant(VIETNAM));
    }

    static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
