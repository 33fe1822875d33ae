package vn.motcua.report.usecase;

import java.util.List;
import java.util.Locale;

import vn.motcua.report.domain.Figures;
import vn.motcua.report.usecase.Reports.Report;

/**
 * A report laid out for people (the PDF, the console's tables): each figure as the text printed, numbers with one
 * decimal and shares as percentages, so the templates only place them.
 */
public record ReportSheet(Report report, String from, String to, Printed printed, List<UnitLine> units) {

    /** The shares (percent), the mean rating and the processing times, printed. */
    public record Printed(String onTimeRate, String onlineShare, String digitizedShare, String reuseShare, String paymentShare,
            String satisfaction, String meanRating, String meanDays, String p90Days) {
    }

    /** One unit's row: its name, whether it is the unit's own desk, and its figures printed. */
    public record UnitLine(String code, String name, boolean own, long received, long early, long onTime, long late, String rate, String online) {
    }

    public static ReportSheet of(Report r) {
        Figures t = r.total();
        Printed p = new Printed(percent(t.onTimeRate()), percent(t.onlineShare()), percent(t.digitizedShare()), percent(t.reuseShare()),
                percent(t.onlinePaymentShare()), percent(t.satisfaction()), t.meanRating() == null ? "–" : String.format(Locale.ROOT, "%.2f", t.meanRating()),
                days(t.meanDays()), days(t.p90Days()));
        List<UnitLine> units = r.units().stream().map(u -> new UnitLine(u.code(), u.name(), u.code().equals(r.tenant()), u.figures().received(),
                u.figures().early(), u.figures().onTime(), u.figures().late(), percent(u.figures().onTimeRate()),
                percent(u.figures().onlineShare()))).toList();
        return new ReportSheet(r, r.from().toString(), r.to().toString(), p, units);
    }

    /** A share as a percentage with one decimal: 0.975 → "97.5". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    /** Working days with one decimal, or "–" with none. */
    public static String days(Double days) {
        return days == null ? "–" : String.format(Locale.ROOT, "%.1f", days);
    }
}
