package vn.motcua.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.nationalportal.SyncMessages;
import vn.motcua.nationalportal.usecase.SyncRates;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.InlineFiles;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.report.ReportMessages;
import vn.motcua.report.domain.Charts;
import vn.motcua.report.domain.Figures;
import vn.motcua.report.usecase.ReportFiles;
import vn.motcua.report.usecase.ReportSheet;
import vn.motcua.report.usecase.Reports;

/**
 * The leader's dashboard (bảng điều khiển báo cáo): the service index's figures of a tenant and the units below it
 * over a period, at a glance. Server-drawn SVG (bars for early, on time and late per unit, the on-time rate's trend
 * by week, rings for the shares), each chart with its title and description and a table of the same figures; a GET
 * form for the period, and the same report as CSV and PDF. No script, no chart library. {@link Reports} authorizes.
 */
@Path("/console/{tenant}/reports")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleReportPages {

    /** The charts' geometry and the figures' table, for the template. */
    @TemplateData
    public record Dashboard(ReportSheet sheet, List<Charts.Bar> bars, int barsHeight, List<Charts.Point> points, String polyline,
            List<Charts.Gauge> gauges, String csv, String pdf, SyncBoard sync) {
    }

    /** One unit's sync with the national portal, as the table shows it. */
    @TemplateData
    public record SyncRow(String name, long total, long synced, String share, long pending, long dead, String meanLag, String p90Lag) {
    }

    /** The national portal's sync rate of the period ({@link SyncRates}): the units' rows and their total. */
    @TemplateData
    public record SyncBoard(boolean configured, String share, List<SyncRow> rows, SyncRow total) {
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance reports(String tenant, String from, String to, Dashboard board);
    }

    private final Reports reports;
    private final SyncRates syncRates;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleReportPages(Reports reports, SyncRates syncRates, PageContext page, SecurityIdentity identity) {
        this.reports = reports;
        this.syncRates = syncRates;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "report.read")
    public Uni<Response> dashboard(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(VietnameseLunarCalendar.VIETNAM);
        String f = from == null || from.isBlank() ? today.minusWeeks(8).toString() : from;
        String t = to == null || to.isBlank() ? today.toString() : to;
        Actor actor = Actor.from(identity);
        return reports.report(actor, tenant, f, t).chain(r -> syncRates.of(actor, tenant, f, t)
                .map(sync -> ok(Templates.reports(tenant, f, t, board(r, sync)), Response.Status.OK)))
                .onFailure(e -> e instanceof ProblemException p && p.type() == ProblemType.VALIDATION_FAILED).recoverWithItem(e -> {
                    ReportMessages m = page.messages(ReportMessages.class);
                    page.refused((ProblemException) e, "from", Map.of("from", m.from_label(), "to", m.to_label()));
                    return ok(Templates.reports(tenant, f, t, null), Response.Status.BAD_REQUEST);
                });
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "report.read")
    public Uni<Response> csv(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.report(Actor.from(identity), tenant, from, to).map(ReportFiles::csvFile).map(ConsoleReportPages::answer);
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "report.read")
    public Uni<Response> pdf(@PathParam("tenant") String tenant, @QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.report(Actor.from(identity), tenant, from, to).chain(ReportFiles::pdfFile).map(ConsoleReportPages::answer);
    }

    private Dashboard board(Reports.Report r, SyncRates.Rates sync) {
        ReportMessages m = page.messages(ReportMessages.class);
        ReportSheet sheet = ReportSheet.of(r);
        List<Figures> figures = r.units().stream().map(Reports.Unit::figures).toList();
        List<String> labels = r.units().stream().map(Reports.Unit::name).toList();
        List<Charts.Point> points = Charts.trend(r.weeks());
        Figures t = r.total();
        List<Charts.Gauge> gauges = List.of(Charts.gauge(m.on_time_rate(), t.onTimeRate(), 0),
                Charts.gauge(m.online_share(), t.onlineShare(), 1), Charts.gauge(m.digitized_share(), t.digitizedShare(), 2),
                Charts.gauge(m.payment_share(), t.onlinePaymentShare(), 3), Charts.gauge(m.satisfaction(), t.satisfaction(), 4));
        String query = "?from=" + r.from() + "&to=" + r.to();
        return new Dashboard(sheet, Charts.bars(labels, figures), Charts.barsHeight(figures.size()), points, Charts.polyline(points), gauges,
                "/console/" + r.tenant() + "/reports/csv" + query, "/console/" + r.tenant() + "/reports/pdf" + query, sync(sync));
    }

    private SyncBoard sync(SyncRates.Rates s) {
        SyncMessages m = page.messages(SyncMessages.class);
        java.util.Locale locale = page.locale();
        List<SyncRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < s.units().size(); i++) {
            SyncRates.Rate u = s.units().get(i);
            String name = u.name() == null ? u.tenant() : u.name().in(locale);
            // The first unit is the tenant's own rows; the others each hold a whole subtree below it.
            rows.add(syncRow(i == 0 && s.units().size() > 1 ? m.own_rows(name) : name, u, m));
        }
        SyncRow total = syncRow(m.total(), s.total(), m);
        return new SyncBoard(s.configured(), total.share(), rows, total);
    }

    private SyncRow syncRow(String name, SyncRates.Rate u, SyncMessages m) {
        String share = u.share() == null ? m.none() : page.messages(ReportMessages.class).percent(ReportSheet.percent(u.share()));
        return new SyncRow(name, u.total(), u.synced(), share, u.pending(), u.dead(), lag(u.meanLagSeconds(), m), lag(u.p90LagSeconds(), m));
    }

    /** A delay in the unit that reads best: seconds up to two minutes, minutes up to two hours, then hours. */
    static String lag(Double seconds, SyncMessages m) {
        if (seconds == null) {
            return m.none();
        }
        if (seconds < 120) {
            return m.seconds(String.valueOf(Math.round(seconds)));
        }
        if (seconds < 7200) {
            return m.minutes(String.format(java.util.Locale.ROOT, "%.1f", seconds / 60));
        }
        return m.hours(String.format(java.util.Locale.ROOT, "%.1f", seconds / 3600));
    }

    private static Response answer(ReportFiles.File f) {
        return InlineFiles.of(f.bytes(), f.type(), f.disposition());
    }

    private static Response ok(TemplateInstance page, Response.Status status) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }
}
