package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import vn.motcua.identity.Permission;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.Problems;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.TenantDirectory;

/** The public procedure catalog: find a procedure, read what it needs. */
@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "procedures", description = "The catalog of administrative procedures")
public class CatalogResource {

    /**
     * A procedure in a list. {@code processingDays} is the time at the given tenant, else the general one;
     * {@code receivedAnywhere}: any one-stop desk of the province receives it, whatever the applicant's residence.
     */
    public record Summary(String code, LocalizedText name, String field, List<String> levels, List<Procedure.Channel> channels,
            BigDecimal processingDays, List<Procedure.Fee> fees, LocalDate effectiveFrom, boolean interconnected,
            boolean receivedAnywhere) {
    }

    /** One procedure's version in force, all of it. */
    public record Detail(String code, BigDecimal processingDaysAtTenant, List<LocalDate> versions, Procedure.Version version) {
    }

    private final CatalogService catalog;
    private final TenantDirectory tenants;

    CatalogResource(CatalogService catalog, TenantDirectory tenants) {
        this.catalog = catalog;
        this.tenants = tenants;
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Operation(summary = "Search procedures by words (case and diacritics ignored), field and offering tenant")
    public Uni<List<Summary>> search(@QueryParam("tenant") String tenant, @QueryParam("field") String field,
            @Parameter(description = "Words of the name, e.g. 'dang ky khai sinh'") @QueryParam("q") String q,
            @Parameter(description = "In force on this date (default today)") @QueryParam("at") String at) {
        LocalDate date = date(at);
        return (tenant == null || tenant.isBlank() ? Uni.createFrom().<vn.motcua.tenant.Tenant>nullItem() : tenants.require(tenant))
                .chain(t -> catalog.search(tenant, field, q, date).map(hits -> hits.stream().map(h -> new Summary(
                        h.procedure().code(), h.version().name(), h.version().field(), h.version().levels(), h.version().channels(),
                        t == null ? h.version().processingDays() : h.version().processingDaysAt(t), h.version().fees(),
                        h.version().effectiveFrom(), h.version().interconnected(), h.version().receivedAnywhere())).toList()));
    }

    @Extension(name = Permission.OPENAPI_EXTENSION, value = "public")
    @GET
    @Path("/{code}")
    @Operation(summary = "A procedure's version in force, with documents, form, fees, steps and processing time")
    public Uni<Detail> procedure(@PathParam("code") String code, @QueryParam("tenant") String tenant, @QueryParam("at") String at) {
        LocalDate date = date(at);
        Procedure p = catalog.require(code);
        Procedure.Version v = catalog.versionAt(code, date);
        List<LocalDate> versions = p.versions().stream().map(Procedure.Version::effectiveFrom).toList();
        if (tenant == null || tenant.isBlank()) {
            return Uni.createFrom().item(new Detail(code, null, versions, v));
        }
        return tenants.require(tenant).map(t -> new Detail(code, v.processingDaysAt(t), versions, v));
    }

    private static LocalDate date(String at) {
        if (at == null || at.isBlank()) {
            return LocalDate.now(java.time.ZoneOffset.ofHours(7));
        }
        try {
            return LocalDate.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("at", FieldIssue.NOT_DATE);
        }
    }
}
