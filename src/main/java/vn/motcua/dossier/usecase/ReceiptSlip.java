package vn.motcua.dossier.usecase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierMessages;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.store.AttachmentRecord;
import vn.motcua.identity.Actor;
import vn.motcua.platform.i18n.Languages;
import vn.motcua.platform.pdf.PdfDocuments;
import vn.motcua.platform.pdf.QrCodes;
import vn.motcua.platform.web.WebConfig;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả), form 01 of the appendix of Circular
 * 03/2025/TT-VPCP, as a PDF: the receiving office, the receipt code, whom it was received from, the procedure, the
 * documents received, when it was received and when the result is due, where the result is returned, who received it,
 * and a QR code of the public look-up page ({@code /tra-cuu?code=…}). Always in Vietnamese, the form's language.
 *
 * <p>Whoever may read the dossier may have its slip ({@link ReadDossier}: its applicant, or staff of a tenant that
 * holds it or one above; 404 for anyone else), and a staff member's read is logged as a read of the applicant's data.
 * The slip is laid out from a typed Qute template ({@code templates/dossier/receiptSlip.html}, every value escaped)
 * and rendered on a worker thread ({@link PdfDocuments}: bounded, fonts embedded).
 */
@ApplicationScoped
public class ReceiptSlip {

    /** Where the public look-up page is, under the site's address. */
    public static final String LOOKUP_PATH = "/tra-cuu";

    /** The site's address when {@code MOTCUA_PUBLIC_URL} is not set (the demo). */
    static final String DEFAULT_BASE = "http://localhost:8080";

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    /** The slip's layout, checked at build time against {@code templates/dossier/receiptSlip.html}. */
    @CheckedTemplate(basePath = "dossier")
    static class Templates {
        static native TemplateInstance receiptSlip(Slip slip);
    }

    /** The slip as a file: its name (ASCII, safe in a header) and bytes. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    /**
     * What the slip shows, every text ready to print.
     *
     * @param agency       the receiving office's governing body, upper case (ỦY BAN NHÂN DÂN PHƯỜNG …)
     * @param office       the receiving tenant's name
     * @param phone        the applicant's phone, or {@code null}
     * @param returnPlace  where the result is returned
     * @param receiver     who received it: the officer, the post office, or the online system
     */
    public record Slip(String agency, String office, String receiptCode, Time receivedAt, String applicantName, String phone,
            String procedureCode, String procedureName, List<Document> documents, String processingDays, Time dueAt,
            String returnPlace, String receiver, String lookupUrl, String qr) {
    }

    /** A document received: its number in the procedure's list, its name, its kind's words, how many, files attached. */
    public record Document(int number, String name, String kind, int count, int files) {
    }

    /** An instant as the form writes it (giờ, phút, ngày, tháng, năm), in Vietnam's time. */
    public record Time(String hour, String minute, String day, String month, String year) {

        static Time of(OffsetDateTime at) {
            OffsetDateTime t = at.withOffsetSameInstant(VIETNAM);
            return new Time(two(t.getHour()), two(t.getMinute()), two(t.getDayOfMonth()), two(t.getMonthValue()),
                    Integer.toString(t.getYear()));
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }
    }

    private final ReadDossier dossiers;
    private final PersonalDataReads reads;
    private final CatalogService catalog;
    private final TenantDirectory tenants;
    private final WebConfig web;

    ReceiptSlip(ReadDossier dossiers, PersonalDataReads reads, CatalogService catalog, TenantDirectory tenants, WebConfig web) {
        this.dossiers = dossiers;
        this.reads = reads;
        this.catalog = catalog;
        this.tenants = tenants;
        this.web = web;
    }

    /** The slip of dossier {@code receiptCode}, for whoever may read the dossier (404 for anyone else). */
    public Uni<Pdf> pdf(Actor actor, String receiptCode, String remoteAddr) {
        return dossiers.load(actor, receiptCode)
                .call(r -> reads.staffRead(actor, r.dossier(), "dossier.receipt-slip", r.dossier().receiptCode, remoteAddr))
                .chain(r -> tenants.tree().map(tree -> slip(r, tree)))
                .chain(slip -> Uni.createFrom().item(() -> new Pdf(fileName(slip.receiptCode()), render(slip)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** The look-up page's address for a receipt code: what the slip's QR code holds. */
    public String lookupUrl(String receiptCode) {
        String base = web.publicUrl().map(URI::toString).orElse(DEFAULT_BASE);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + LOOKUP_PATH + "?code=" + URLEncoder.encode(receiptCode, StandardCharsets.UTF_8);
    }

    /** The file's name: the receipt code's letters, digits, dots and hyphens only. */
    static String fileName(String receiptCode) {
        return "giay-tiep-nhan-" + receiptCode.replaceAll("[^A-Za-z0-9.-]", "_") + ".pdf";
    }

    /** The slip's XHTML and then its PDF. Blocking: on a worker thread. */
    static byte[] render(Slip slip) {
        String xhtml = Templates.receiptSlip(slip).setLocale(Languages.VI).render();
        return PdfDocuments.render(xhtml);
    }

    private Slip slip(DossierRead read, TenantTree tree) {
        Dossier d = read.dossier();
        DossierMessages words = Languages.bundle(DossierMessages.class, Languages.VI);
        Procedure.Version version = catalog.versionAt(d.procedureCode, d.procedureVersion);
        String receivedBy = d.receivedBy == null ? d.tenantId : d.receivedBy;
        Tenant office = tree.find(receivedBy).orElseThrow();
        String officeName = nfc(office.name().vi());
        OffsetDateTime due = d.appointmentAt != null ? d.appointmentAt : d.dueAt;
        return new Slip(nfc(words.slip_agency(officeName)).toUpperCase(Locale.forLanguageTag("vi")), officeName, d.receiptCode,
                Time.of(d.submittedAt), nfc(d.applicantName), d.applicantPhone, d.procedureCode, nfc(version.name().vi()),
                documents(version, read.attachments(), words), d.processingDays == null ? null : d.processingDays.stripTrailingZeros().toPlainString().replace('.', ','),
                due == null ? null : Time.of(due), nfc(returnPlace(d, office, words)), nfc(receiver(d, tree, words)),
                lookupUrl(d.receiptCode), QrCodes.pngDataUri(lookupUrl(d.receiptCode), 8));
    }

    /**
     * The documents received: each the dossier has files for, and each required one (handed in on paper at the desk,
     * or due with the dossier), in the procedure's order.
     */
    static List<Document> documents(Procedure.Version version, List<AttachmentRecord> attachments, DossierMessages words) {
        Map<Integer, Long> files = attachments.stream().collect(Collectors.groupingBy(AttachmentRecord::document, Collectors.counting()));
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < version.documents().size(); i++) {
            Procedure.RequiredDocument doc = version.documents().get(i);
            int n = files.getOrDefault(i + 1, 0L).intValue();
            if (doc.optional() && n == 0) {
                continue;
            }
            String kind = switch (doc.kind()) {
                case "copy" -> words.slip_kind_copy();
                case "certified-copy" -> words.slip_kind_certified_copy();
                default -> words.slip_kind_original();
            };
            out.add(new Document(out.size() + 1, nfc(doc.name().vi()), kind, doc.count(), n));
        }
        return out;
    }

    private static String returnPlace(Dossier d, Tenant office, DossierMessages words) {
        if ("post".equals(d.returnChannel)) {
            return words.slip_return_post(d.deliveryAddress == null ? "" : d.deliveryAddress);
        }
        if ("online".equals(d.returnChannel)) {
            return words.slip_return_online();
        }
        String at = words.slip_return_counter(office.name().vi());
        return office.address() == null || office.address().isBlank() ? at : at + ", " + office.address();
    }

    private static String receiver(Dossier d, TenantTree tree, DossierMessages words) {
        if (d.channel != null && d.channel.startsWith("online")) {
            return words.slip_receiver_online();
        }
        if ("postal".equals(d.channel) && d.intakeOffice != null) {
            String post = tree.postalOffice(d.intakeOffice).map(p -> p.name().vi()).orElse(d.intakeOffice);
            return d.submittedByName == null ? post : d.submittedByName + " (" + post + ")";
        }
        return d.submittedByName == null ? "" : d.submittedByName;
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
