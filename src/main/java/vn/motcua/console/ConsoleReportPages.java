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
            List<Charts.Gauge> gauges, String csv, String pdf) {
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance reports(String tenant, String from, String to, Dashboard board);
    }

    private final Reports reports;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleReportPages(Reports reports, PageContext page, SecurityIdentity identity) {
        this.reports = reports;
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
        return reports.report(Actor.from(identity), tenant, f, t).map(r -> ok(Templates.reports(tenant, f, t, board(r)), Response.Status.OK))
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

    private Dashboard board(Reports.Report r) {
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
                "/console/" + r.tenant() + "/reports/csv" + query, "/console/" + r.tenant() + "/reports/pdf" + query);
    }

    private static Response answer(ReportFiles.File f) {
        return InlineFiles.of(f.bytes(), f.type(), f.disposition());
    }

    private static Response ok(TemplateInstance page, Response.Status status) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }
}
