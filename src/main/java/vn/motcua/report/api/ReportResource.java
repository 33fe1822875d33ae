package vn.motcua.report.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.web.InlineFiles;
import vn.motcua.report.usecase.ReportFiles;
import vn.motcua.report.usecase.Reports;

/**
 * The service index's report of a tenant and the units below it over a period (báo cáo chỉ số phục vụ), as JSON,
 * CSV or PDF. Only parses and renders: {@link Reports} authorizes and reads.
 */
@Path("/api")
@Authenticated
@Tag(name = "reports", description = "The service index's figures per tenant and period (Decision 766/QĐ-TTg)")
public class ReportResource {

    private final SecurityIdentity identity;
    private final Reports reports;

    ReportResource(SecurityIdentity identity, Reports reports) {
        this.identity = identity;
        this.reports = reports;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "report.read")
    @GET
    @Path("/t/{tenant}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The service index's figures of a tenant and those below it over a period",
            description = "from and to are days (YYYY-MM-DD), at most 366 days apart. The total of the tenant's subtree, each unit "
                    + "directly below it with its own subtree, late steps by step and by holder, procedures without a dossier in 12 months. "
                    + "Definitions: docs/reports.md.")
    public Uni<Reports.Report> json(@PathParam("tenant") String tenant,
            @Parameter(description = "The first day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "The last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return reports.report(Actor.from(identity), tenant, from, to);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "report.read")
    @GET
    @Path("/t/{tenant}/reports.csv")
    @Produces("text/csv")
    @Operation(summary = "The same report as CSV: one row per unit, then the total (its unit marked with *)")
    public Uni<Response> csv(@PathParam("tenant") String tenant,
            @Parameter(description = "The first day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "The last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return reports.report(Actor.from(identity), tenant, from, to).map(ReportFiles::csvFile).map(ReportResource::answer);
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "report.read")
    @GET
    @Path("/t/{tenant}/reports.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The same report as a PDF, in Vietnamese, fonts embedded")
    public Uni<Response> pdf(@PathParam("tenant") String tenant,
            @Parameter(description = "The first day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "The last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return reports.report(Actor.from(identity), tenant, from, to).chain(ReportFiles::pdfFile).map(ReportResource::answer);
    }

    /** A file as the answer: never sniffed, never stored (the platform's file answer). */
    static Response answer(ReportFiles.File f) {
        return InlineFiles.of(f.bytes(), f.type(), f.disposition());
    }
}
