package vn.motcua.report.usecase;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.pdf.PdfDocuments;
import vn.motcua.report.domain.Figures;
import vn.motcua.report.usecase.Reports.Report;

/**
 * The report as files: CSV (one row per unit and one for the total, machine-readable column names, UTF-8 with a byte
 * order mark so that a spreadsheet shows Vietnamese) and PDF (the printed report in Vietnamese, rendered on a worker
 * thread with the fonts embedded; a failed render is a 503, to be tried again).
 */
@ApplicationScoped
public class ReportFiles {

    private static final Logger LOG = Logger.getLogger(ReportFiles.class);

    /** The CSV's columns, in order. */
    public static final List<String> COLUMNS = List.of("unit", "name", "received", "online", "paper", "digitized", "reused", "with_fee",
            "paid_online", "supplements", "decided", "early", "on_time", "late", "refused", "on_time_rate", "online_share", "digitized_share",
            "reuse_share", "online_payment_share", "mean_working_days", "p90_working_days", "ratings", "mean_rating");

    @CheckedTemplate(basePath = "report", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance printed(ReportSheet sheet);
    }

    /** A report as a file to answer with: its bytes, media type and Content-Disposition. */
    public record File(byte[] bytes, String type, String disposition) {
    }

    /** The report as a CSV file, offered for download. */
    public static File csvFile(Report r) {
        return new File(csv(r).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv; charset=UTF-8",
                "attachment; filename=\"" + name(r) + ".csv\"");
    }

    /** The report as a PDF file, shown in the browser; rendered on a worker. */
    public static Uni<File> pdfFile(Report r) {
        return pdf(r).map(bytes -> new File(bytes, "application/pdf", "inline; filename=\"" + name(r) + ".pdf\""));
    }

    /** The files' name: ASCII only (tenant codes and ISO days). */
    static String name(Report r) {
        return "report-" + r.tenant() + "-" + r.from() + "-" + r.to();
    }

    /** The report as CSV. */
    public static String csv(Report r) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (Reports.Unit u : r.units()) {
            row(out, u.code(), u.name(), u.figures());
        }
        row(out, r.tenant() + "*", r.name(), r.total());
        return out.toString();
    }

    private static void row(StringBuilder out, String unit, String name, Figures f) {
        Object[] values = { unit, name, f.received(), f.online(), f.paper(), f.digitized(), f.reused(), f.withFee(), f.paidOnline(),
                f.supplements(), f.decided(), f.early(), f.onTime(), f.late(), f.refused(), ratio(f.onTimeRate()), ratio(f.onlineShare()),
                ratio(f.digitizedShare()), ratio(f.reuseShare()), ratio(f.onlinePaymentShare()), number(f.meanDays()), number(f.p90Days()),
                f.ratings(), number(f.meanRating()) };
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(String.valueOf(values[i])));
        }
        out.append("\r\n");
    }

    /** A cell quoted when it must be, and never read as a formula by a spreadsheet. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        return v.matches("[^,\"\r\n]*") ? v : '"' + v.replace("\"", "\"\"") + '"';
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The report as PDF, rendered on a worker. */
    public static Uni<byte[]> pdf(Report r) {
        ReportSheet sheet = ReportSheet.of(r);
        return Uni.createFrom().item(() -> PdfDocuments.render(Templates.printed(sheet).setLocale(Locale.forLanguageTag("vi")).render()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
                    LOG.errorf(e, "rendering the report of %s failed", r.tenant());
                    return new ProblemException(ProblemType.UNAVAILABLE).with("retryAfter", 5);
                });
    }
}
