package vn.motcua.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.administration.ProcedureAdmin;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The settings pages of a tenant's procedures (thủ tục của đơn vị): each procedure's own fees, processing time and
 * reception anywhere in the province, versioned with effective dates within the catalog's bounds. Forms over
 * {@link ProcedureAdmin}, which authorizes, validates, writes and audits; as on the other settings pages
 * ({@link ConsoleSettingsPages}), a refused form is shown again with each error beside its field.
 */
@Path("/console/{tenant}/settings/procedures")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleProcedureSettingsPages {

    static final String PERMISSION = ConsoleSettingsPages.PERMISSION;

    /** A procedure's row in the list. */
    @TemplateData
    public record ProcedureRow(String code, String name, String catalogFees, String fees, String catalogDays, String days,
            boolean anywhere, boolean own, String next) {
    }

    /** A channel's fee field. */
    @TemplateData
    public record FeeField(String name, String label, String catalog, String value) {
    }

    /** A version's row. */
    @TemplateData
    public record VersionRow(String from, String iso, String fees, String days, String anywhere, String reason, boolean inForce,
            boolean withdrawable) {
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance settingsProcedures(Tenant tenant, List<ProcedureRow> rows);

        static native TemplateInstance settingsProcedure(Tenant tenant, String code, String name, String catalogFees, String catalogDays,
                boolean catalogAnywhere, String fees, String days, boolean anywhere, List<VersionRow> versions, List<FeeField> feeFields,
                String effectiveFrom, String processingDays, List<ConsoleSettingsPages.Choice> anywhereChoices, String reason, String today, String lastDay,
                List<ConsoleSettingsPages.Change> history, String notice);
    }

    private final ProcedureAdmin procedures;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleProcedureSettingsPages(ProcedureAdmin procedures, TenantDirectory tenants, PageContext page, SecurityIdentity identity) {
        this.procedures = procedures;
        this.tenants = tenants;
        this.page = page;
        this.identity = identity;
    }

    private SettingsMessages m() {
        return page.messages(SettingsMessages.class);
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> procedures(@PathParam("tenant") String tenant) {
        Locale locale = page.locale();
        return procedures.list(Actor.from(identity), tenant).chain(rows -> tenants.require(tenant).map(t -> ConsoleSettingsPages.ok(Templates.settingsProcedures(t,
                rows.stream().map(r -> new ProcedureRow(r.code(), r.version().name().in(locale), fees(r.version(), r.catalog()),
                        fees(r.version(), r.inForce()), days(r.catalog().processingDays()), days(r.inForce().processingDays()),
                        r.inForce().receivedAnywhere(), r.inForce().overrideFrom() != null,
                        r.toCome().isEmpty() ? "" : date(r.toCome().get(0).effectiveFrom()))).toList()), Response.Status.OK)));
    }

    @GET
    @Path("/{code}")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> procedure(@PathParam("tenant") String tenant, @PathParam("code") String code, @QueryParam("saved") String saved) {
        return renderProcedure(tenant, code, null, saved != null ? m().settings_saved() : null, Response.Status.OK);
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> addVersion(@PathParam("tenant") String tenant, @PathParam("code") String code, @RestForm String effectiveFrom,
            @RestForm("fee-online-full") String feeOnlineFull, @RestForm("fee-online-partial") String feeOnlinePartial,
            @RestForm("fee-counter") String feeCounter, @RestForm("fee-postal") String feePostal, @RestForm String processingDays,
            @RestForm String receivedAnywhere, @RestForm String reason, HttpServerRequest request) {
        Map<Procedure.Channel, String> fees = new EnumMap<>(Procedure.Channel.class);
        fees.put(Procedure.Channel.ONLINE_FULL, ConsoleSettingsPages.orEmpty(feeOnlineFull));
        fees.put(Procedure.Channel.ONLINE_PARTIAL, ConsoleSettingsPages.orEmpty(feeOnlinePartial));
        fees.put(Procedure.Channel.COUNTER, ConsoleSettingsPages.orEmpty(feeCounter));
        fees.put(Procedure.Channel.POSTAL, ConsoleSettingsPages.orEmpty(feePostal));
        ProcedureAdmin.Input input = new ProcedureAdmin.Input(effectiveFrom, fees, processingDays, receivedAnywhere, reason);
        return procedures.add(Actor.from(identity), tenant, code, input, ClientAddress.of(request))
                .map(d -> Redirects.seeOther("/console/" + tenant + "/settings/procedures/" + code + "?saved=1"))
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    labels.put("effectiveFrom", m().settings_procedure_from());
                    for (Procedure.Channel c : Procedure.Channel.values()) {
                        labels.put("fee-" + c.wire(), m().settings_fee_of(channel(c)));
                    }
                    labels.put("processingDays", m().settings_procedure_days());
                    labels.put("receivedAnywhere", m().settings_procedure_anywhere());
                    labels.put("reason", m().settings_reason());
                    page.refused((ProblemException) e, "effectiveFrom", labels);
                    return renderProcedure(tenant, code, input, null, ConsoleSettingsPages.status(e));
                });
    }

    @POST
    @Path("/{code}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> withdraw(@PathParam("tenant") String tenant, @PathParam("code") String code, @RestForm String effectiveFrom,
            HttpServerRequest request) {
        return procedures.withdraw(Actor.from(identity), tenant, code, effectiveFrom, ClientAddress.of(request))
                .map(d -> Redirects.seeOther("/console/" + tenant + "/settings/procedures/" + code + "?saved=1"))
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "effectiveFrom", Map.of("effectiveFrom", m().settings_procedure_from()));
                    return renderProcedure(tenant, code, null, null, ConsoleSettingsPages.status(e));
                });
    }

    private Uni<Response> renderProcedure(String tenant, String code, ProcedureAdmin.Input typed, String notice, Response.Status status) {
        Locale locale = page.locale();
        return procedures.read(Actor.from(identity), tenant, code).map(d -> {
            Procedure.Version v = d.version();
            List<FeeField> feeFields = v.channels().stream().map(c -> new FeeField("fee-" + c.wire(), m().settings_fee_of(channel(c)),
                    money(ProcedureSettings.catalogFee(v, c)), typed == null ? "" : typed.fees().getOrDefault(c, ""))).toList();
            List<VersionRow> versions = new ArrayList<>();
            ProcedureSettings.Override inForce = null;
            for (ProcedureSettings.Override o : d.versions()) {
                if (!o.effectiveFrom().isAfter(d.today())) {
                    inForce = o;
                }
            }
            for (ProcedureSettings.Override o : d.versions()) {
                versions.add(new VersionRow(date(o.effectiveFrom()), o.effectiveFrom().toString(), overrideFees(v, o),
                        o.processingDays() == null ? m().settings_as_catalog() : days(o.processingDays()),
                        Boolean.TRUE.equals(o.receivedAnywhere()) ? m().settings_yes() : m().settings_as_catalog(), o.reason(), o == inForce,
                        o.effectiveFrom().isAfter(d.today())));
            }
            List<ConsoleSettingsPages.Change> history = d.history().stream().map(o -> new ConsoleSettingsPages.Change(time(o.at()), o.by(),
                    date(o.effectiveFrom()) + ": " + (o.withdrawn() ? m().settings_version_withdrawn() : overrideFees(v, o) + "; "
                            + (o.processingDays() == null ? m().settings_as_catalog() : days(o.processingDays()))),
                    o.withdrawn() ? "" : o.reason())).toList();
            return ConsoleSettingsPages.ok(Templates.settingsProcedure(d.tenant(), code, v.name().in(locale), fees(v, d.catalog()), days(d.catalog().processingDays()),
                    v.receivedAnywhere(), fees(v, d.inForce()), days(d.inForce().processingDays()), d.inForce().receivedAnywhere(), versions,
                    feeFields, typed == null ? d.today().plusDays(1).toString() : ConsoleSettingsPages.orEmpty(typed.effectiveFrom()),
                    typed == null ? "" : ConsoleSettingsPages.orEmpty(typed.processingDays()),
                    List.of(new ConsoleSettingsPages.Choice("catalog", m().settings_anywhere_catalog(), typed == null || !"yes".equals(typed.receivedAnywhere())),
                            new ConsoleSettingsPages.Choice("yes", m().settings_anywhere_yes(), typed != null && "yes".equals(typed.receivedAnywhere()))),
                    typed == null ? "" : ConsoleSettingsPages.orEmpty(typed.reason()), d.today().toString(), d.lastDay().toString(), history, notice), status);
        });
    }

    private String fees(Procedure.Version v, ProcedureSettings.Terms terms) {
        return String.join("; ", v.channels().stream().map(c -> channel(c) + ": " + money(terms.fee(c))).toList());
    }

    private String overrideFees(Procedure.Version v, ProcedureSettings.Override o) {
        if (o.fees().isEmpty()) {
            return m().settings_as_catalog();
        }
        return String.join("; ", v.channels().stream().filter(o.fees()::containsKey).map(c -> channel(c) + ": " + money(o.fees().get(c))).toList());
    }

    private String channel(Procedure.Channel c) {
        return switch (c) {
            case ONLINE_FULL -> m().settings_channel_online_full();
            case ONLINE_PARTIAL -> m().settings_channel_online_partial();
            case COUNTER -> m().settings_channel_counter();
            case POSTAL -> m().settings_channel_postal();
        };
    }

    private String days(BigDecimal d) {
        return m().settings_working_days(d.stripTrailingZeros().toPlainString());
    }

    private String money(long amount) {
        return amount == 0 ? m().settings_free() : NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " đ";
    }

    private String date(LocalDate d) {
        return ConsoleSettingsPages.date(d, page.locale());
    }

    private String time(OffsetDateTime t) {
        return ConsoleSettingsPages.time(t, page.locale());
    }
}
