package vn.motcua.report.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's charts as geometry (biểu đồ), drawn by the page as SVG: no chart library, no script. Pure: numbers
 * in, coordinates out, each chart also given to the reader as a table of the same figures.
 */
public final class Charts {

    /** The drawing width of a bar, in SVG units. */
    public static final int BAR_WIDTH = 480;
    /** The height of a bar's row. */
    public static final int ROW = 34;
    /** The trend's plot area. */
    public static final int TREND_WIDTH = 560;
    public static final int TREND_HEIGHT = 180;

    private Charts() {
    }

    /** One unit's stacked bar: early, on time, late, each as an x and a width; {@code y} the row's top, {@code textY} its label's baseline within the row. */
    public record Bar(String label, int y, int textY, double earlyWidth, double onTimeX, double onTimeWidth, double lateX, double lateWidth,
            long early, long onTime, long late) {
    }

    /** Bars scaled to the unit with the most returned dossiers. */
    public static List<Bar> bars(List<String> labels, List<Figures> figures) {
        long max = figures.stream().mapToLong(Figures::decided).max().orElse(0);
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            Figures f = figures.get(i);
            double scale = max == 0 ? 0 : (double) BAR_WIDTH / max;
            double e = f.early() * scale;
            double o = f.onTime() * scale;
            double l = f.late() * scale;
            int y = i * ROW;
            out.add(new Bar(labels.get(i), y, 17, round(e), round(e), round(o), round(e + o), round(l), f.early(), f.onTime(), f.late()));
        }
        return out;
    }

    /** The height of the bars' drawing. */
    public static int barsHeight(int rows) {
        return Math.max(1, rows) * ROW + 4;
    }

    /** A week's point: its on-time rate, where it is drawn. */
    public record Point(String week, long decided, String rate, double x, double y) {
    }

    /** A week's figures: its Monday, dossiers returned, of which early or on time. */
    public record Week(String week, long decided, long inTime) {
    }

    /** The trend's points, left to right, the rate from 0 % at the bottom to 100 % at the top. */
    public static List<Point> trend(List<Week> weeks) {
        List<Point> out = new ArrayList<>();
        int n = weeks.size();
        for (int i = 0; i < n; i++) {
            Week w = weeks.get(i);
            double rate = w.decided() == 0 ? 1.0 : (double) w.inTime() / w.decided();
            double x = n == 1 ? TREND_WIDTH / 2.0 : 20 + i * (TREND_WIDTH - 40.0) / (n - 1);
            double y = 10 + (1 - rate) * (TREND_HEIGHT - 20);
            out.add(new Point(w.week(), w.decided(), String.format(Locale.ROOT, "%.1f", rate * 100), round(x), round(y)));
        }
        return out;
    }

    /** The polyline's points attribute: "x,y x,y …". */
    public static String polyline(List<Point> points) {
        StringBuilder s = new StringBuilder();
        for (Point p : points) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        return s.toString();
    }

    /** A ring gauge: the share drawn as a dash of a circle's circumference ({@link #RING}). */
    public record Gauge(String label, String percent, double dash, double gap, int x) {
    }

    /** The circumference of a gauge's ring (radius 40). */
    public static final double RING = 2 * Math.PI * 40;

    public static Gauge gauge(String label, double share, int index) {
        double s = Math.max(0, Math.min(1, share));
        return new Gauge(label, String.format(Locale.ROOT, "%.1f", s * 100), round(s * RING), round(RING - s * RING), index * 160);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
