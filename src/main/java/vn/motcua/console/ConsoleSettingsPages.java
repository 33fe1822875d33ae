package vn.motcua.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
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
import vn.motcua.administration.CalendarAdmin;
import vn.motcua.administration.DeskHoursAdmin;
import vn.motcua.administration.NearlyLateAdmin;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The console's settings pages (cấu hình của đơn vị), for a tenant's administrators: the index, the desk's hours and the
 * year's calendar with a preview of a due date (the procedures' own fees and times are {@link ConsoleProcedureSettingsPages}). Forms over the use cases of
 * {@code administration}, which authorize, validate, write and audit; these methods only parse and render. A refused
 * form is shown again with what was typed and each error beside its field (400); a saved one redirects (a reload does
 * not post again). Every route works without JavaScript.
 */
@Path("/console/{tenant}/settings")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleSettingsPages {

    static final String PERMISSION = "tenant.settings";

    /** A weekday's field of the hours form. */
    @TemplateData
    public record DayField(String name, String label, String value) {
    }

    /** A change in a history table. */
    @TemplateData
    public record Change(String at, String by, String what, String reason) {
    }

    /** A calendar entry's row. */
    @TemplateData
    public record DayRow(String date, String iso, String what, String reason, String setBy, boolean removable) {
    }

    /** A non-working day of the year. */
    @TemplateData
    public record OffRow(String date, String reason) {
    }

    /** The preview: "received on … with … working days: due …" with and without the console's days. */
    @TemplateData
    public record PreviewView(String received, String receivedIso, String days, String dueWith, String dueWithout, boolean differs,
            List<OffRow> skipped) {
    }

    /** What was typed in the calendar form. */
    @TemplateData
    public record DayTyped(String date, String kind, String pairedDate, String reason, String reasonEn) {
        static final DayTyped EMPTY = new DayTyped("", "closed", "", "", "");
    }

    /** A radio button's choice. */
    @TemplateData
    public record Choice(String value, String label, boolean checked) {
    }

    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance settingsIndex(Tenant tenant);

        static native TemplateInstance settingsHours(Tenant tenant, boolean own, List<DayField> days, String reason, List<Change> history,
                String notice);

        static native TemplateInstance settingsNearlyLate(Tenant tenant, Integer own, String hours, String hint, String reason,
                List<Change> history, String notice);

        static native TemplateInstance settingsCalendar(Tenant tenant, int year, Integer previousYear, Integer nextYear, PreviewView preview,
                List<DayRow> entries, List<OffRow> daysOff, DayTyped typed, List<Choice> kinds, String today, String lastDay, List<Change> history, String notice);
    }

    private final DeskHoursAdmin hours;
    private final CalendarAdmin calendar;
    private final NearlyLateAdmin nearlyLate;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleSettingsPages(DeskHoursAdmin hours, CalendarAdmin calendar, NearlyLateAdmin nearlyLate, TenantDirectory tenants, PageContext page,
            SecurityIdentity identity) {
        this.nearlyLate = nearlyLate;
        this.hours = hours;
        this.calendar = calendar;
        this.tenants = tenants;
        this.page = page;
        this.identity = identity;
    }

    private SettingsMessages m() {
        return page.messages(SettingsMessages.class);
    }

    // ------------------------------------------------------------------ index

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> index(@PathParam("tenant") String tenant) {
        // The desk hours' read authorizes (the same permission) and names the tenant.
        return hours.read(Actor.from(identity), tenant).map(v -> ok(Templates.settingsIndex(v.tenant()), Response.Status.OK));
    }

    // ------------------------------------------------------------------ desk hours

    @GET
    @Path("/hours")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> hours(@PathParam("tenant") String tenant, @QueryParam("saved") String saved) {
        return renderHours(tenant, null, null, saved != null ? m().settings_saved() : null, Response.Status.OK);
    }

    @POST
    @Path("/hours")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> setHours(@PathParam("tenant") String tenant, @RestForm("MONDAY") String mon, @RestForm("TUESDAY") String tue,
            @RestForm("WEDNESDAY") String wed, @RestForm("THURSDAY") String thu, @RestForm("FRIDAY") String fri,
            @RestForm("SATURDAY") String sat, @RestForm("SUNDAY") String sun, @RestForm String reason, HttpServerRequest request) {
        Map<DayOfWeek, String> typed = new EnumMap<>(DayOfWeek.class);
        String[] values = { mon, tue, wed, thu, fri, sat, sun };
        for (DayOfWeek d : DayOfWeek.values()) {
            typed.put(d, values[d.ordinal()] == null ? "" : values[d.ordinal()]);
        }
        return hours.set(Actor.from(identity), tenant, new DeskHoursAdmin.Input(typed, reason), ClientAddress.of(request))
                .map(v -> Redirects.seeOther("/console/" + tenant + "/settings/hours?saved=1"))
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    for (DayOfWeek d : DayOfWeek.values()) {
                        labels.put(d.name(), weekday(d));
                    }
                    labels.put("reason", m().settings_reason());
                    page.refused((ProblemException) e, DayOfWeek.MONDAY.name(), labels);
                    return renderHours(tenant, typed, reason, null, status(e));
                });
    }

    @POST
    @Path("/hours/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> resetHours(@PathParam("tenant") String tenant, HttpServerRequest request) {
        return hours.reset(Actor.from(identity), tenant, ClientAddress.of(request))
                .map(v -> Redirects.seeOther("/console/" + tenant + "/settings/hours?saved=1"));
    }

    private Uni<Response> renderHours(String tenant, Map<DayOfWeek, String> typed, String reason, String notice, Response.Status status) {
        return hours.read(Actor.from(identity), tenant).map(v -> {
            List<DayField> days = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                days.add(new DayField(d.name(), weekday(d), typed != null ? typed.get(d) : v.typed().get(d)));
            }
            List<Change> history = v.history().stream().map(c -> new Change(time(c.at()), c.by(),
                    c.hours() == null ? m().settings_hours_back_to_files() : String.join("; ", vn.motcua.tenant.DeskHoursSettings.view(c.hours())
                            .entrySet().stream().map(e -> weekday(DayOfWeek.valueOf(e.getKey())) + " " + String.join(", ", e.getValue())).toList()),
                    c.reason() == null ? "" : c.reason())).toList();
            return ok(Templates.settingsHours(v.tenant(), v.own(), days, reason == null ? "" : reason, history, notice), status);
        });
    }

    // ------------------------------------------------------------------ nearly-late threshold

    @GET
    @Path("/nearly-late")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> nearlyLate(@PathParam("tenant") String tenant, @QueryParam("saved") String saved) {
        return renderNearlyLate(tenant, null, null, saved != null ? m().settings_saved() : null, Response.Status.OK);
    }

    @POST
    @Path("/nearly-late")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> setNearlyLate(@PathParam("tenant") String tenant, @RestForm String hours, @RestForm String reason,
            HttpServerRequest request) {
        return nearlyLate.set(Actor.from(identity), tenant, hours, reason, ClientAddress.of(request))
                .map(v -> Redirects.seeOther("/console/" + tenant + "/settings/nearly-late?saved=1"))
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "hours", Map.of("hours", m().settings_nearly_late_hours(), "reason", m().settings_reason()));
                    return renderNearlyLate(tenant, orEmpty(hours), orEmpty(reason), null, status(e));
                });
    }

    @POST
    @Path("/nearly-late/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> resetNearlyLate(@PathParam("tenant") String tenant, HttpServerRequest request) {
        return nearlyLate.reset(Actor.from(identity), tenant, ClientAddress.of(request))
                .map(v -> Redirects.seeOther("/console/" + tenant + "/settings/nearly-late?saved=1"));
    }

    /** The threshold's page: what is in force, the form ({@code typed} when refused) and the changes. */
    private Uni<Response> renderNearlyLate(String tenant, String typed, String reason, String notice, Response.Status status) {
        return nearlyLate.read(Actor.from(identity), tenant).map(v -> {
            List<Change> history = v.history().stream().map(c -> new Change(time(c.at()), c.by(),
                    c.minutes() == null ? m().settings_nearly_late_reset() : m().settings_nearly_late_set(c.minutes() / 60),
                    c.reason() == null ? "" : c.reason())).toList();
            String shown = typed != null ? typed : v.hours().map(String::valueOf).orElse("8");
            return ok(Templates.settingsNearlyLate(v.tenant(), v.hours().orElse(null), shown,
                    m().settings_nearly_late_hint(NearlyLateAdmin.MIN_HOURS, NearlyLateAdmin.MAX_HOURS), reason == null ? "" : reason, history,
                    notice), status);
        });
    }

    // ------------------------------------------------------------------ calendar

    @GET
    @Path("/calendar")
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> calendar(@PathParam("tenant") String tenant, @QueryParam("year") String year, @QueryParam("received") String received,
            @QueryParam("days") String days, @QueryParam("saved") String saved) {
        return renderCalendar(tenant, year, received, days, DayTyped.EMPTY, saved != null ? m().settings_saved() : null, Response.Status.OK)
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    // A preview asked wrongly: the page of this year, with the error beside the preview's field.
                    page.refused((ProblemException) e, "received", Map.of("received", m().settings_preview_received(),
                            "days", m().settings_preview_days(), "year", m().settings_calendar_year()));
                    return renderCalendar(tenant, null, null, null, DayTyped.EMPTY, null, Response.Status.OK)
                            .map(r -> Response.fromResponse(r).status(Response.Status.BAD_REQUEST).build());
                });
    }

    @POST
    @Path("/calendar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> setDay(@PathParam("tenant") String tenant, @RestForm String date, @RestForm String kind, @RestForm String pairedDate,
            @RestForm String reason, @RestForm String reasonEn, HttpServerRequest request) {
        DayTyped typed = new DayTyped(orEmpty(date), kind == null ? "closed" : kind, orEmpty(pairedDate), orEmpty(reason), orEmpty(reasonEn));
        return calendar.set(Actor.from(identity), tenant, new CalendarAdmin.Input(date, kind, pairedDate, reason, reasonEn), ClientAddress.of(request))
                .map(d -> Redirects.seeOther("/console/" + tenant + "/settings/calendar?year=" + d.getYear() + "&received=" + d.minusDays(1)
                        + "&saved=1#preview"))
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "date", Map.of("date", m().settings_day_date(), "kind", m().settings_day_kind(),
                            "pairedDate", m().settings_day_paired(), "reason", m().settings_reason(), "reasonEn", m().settings_reason_en()));
                    return renderCalendar(tenant, yearOf(date), null, null, typed, null, status(e));
                });
    }

    @POST
    @Path("/calendar/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = PERMISSION)
    public Uni<Response> clearDay(@PathParam("tenant") String tenant, @RestForm String date, HttpServerRequest request) {
        return calendar.clear(Actor.from(identity), tenant, date, ClientAddress.of(request))
                .map(d -> Redirects.seeOther("/console/" + tenant + "/settings/calendar?year=" + d.getYear() + "&saved=1"))
                .onFailure(ConsoleSettingsPages::refusedForm).recoverWithUni(e -> {
                    page.refused((ProblemException) e, "date", Map.of("date", m().settings_day_date()));
                    return renderCalendar(tenant, yearOf(date), null, null, DayTyped.EMPTY, null, status(e));
                });
    }

    private Uni<Response> renderCalendar(String tenant, String year, String received, String days, DayTyped typed, String notice,
            Response.Status status) {
        Locale locale = page.locale();
        return calendar.read(Actor.from(identity), tenant, year, received, days).map(v -> {
            CalendarAdmin.Preview p = v.preview();
            PreviewView preview = new PreviewView(date(p.received()), p.received().toString(), p.days().stripTrailingZeros().toPlainString(),
                    time(p.dueWith()), time(p.dueWithout()), p.differs(),
                    p.skipped().stream().map(d -> new OffRow(date(d.date()), d.reason().in(locale))).toList());
            List<DayRow> entries = v.entries().stream().map(e -> new DayRow(date(e.date()), e.date().toString(), kind(e.kind(), e.paired()),
                    e.reason().in(locale), e.own() ? m().settings_day_own() : e.setBy().name().in(locale), e.own() && !e.past())).toList();
            List<OffRow> off = v.nonWorkingDays().stream().map(d -> new OffRow(date(d.date()), d.reason().in(locale))).toList();
            List<Change> history = v.history().stream().map(c -> new Change(time(c.at()), c.by(),
                    date(c.date()) + ": " + (c.kind() == null ? m().settings_day_cleared() : kind(c.kind(), c.paired())),
                    c.reason() == null ? "" : c.reason())).toList();
            int thisYear = v.today().getYear();
            return ok(Templates.settingsCalendar(v.tenant(), v.year(), v.year() > thisYear - 1 ? v.year() - 1 : null,
                    v.year() < thisYear + 1 ? v.year() + 1 : null, preview, entries, off, typed,
                    List.of(new Choice("closed", m().settings_kind_closed(), !typed.kind().equals("working") && !typed.kind().equals("swap")),
                            new Choice("working", m().settings_kind_working(), typed.kind().equals("working")),
                            new Choice("swap", m().settings_kind_swap(), typed.kind().equals("swap"))), v.today().toString(), v.lastDay().toString(),
                    history, notice), status);
        });
    }

    private String kind(CalendarDay.Kind kind, LocalDate paired) {
        return switch (kind) {
            case CLOSED -> m().settings_kind_closed();
            case WORKING -> m().settings_kind_working();
            case SWAPPED_OFF -> m().settings_kind_swapped_off(date(paired));
            case SWAPPED_ON -> m().settings_kind_swapped_on(date(paired));
        };
    }

    // ------------------------------------------------------------------ shared

    /** A refusal of what was typed (not of who typed it): the form is shown again rather than an error page. */
    static boolean refusedForm(Throwable e) {
        return e instanceof ProblemException p && p.type() == ProblemType.VALIDATION_FAILED;
    }

    static Response.Status status(Throwable e) {
        return Response.Status.fromStatusCode(((ProblemException) e).type().status());
    }

    static Response ok(TemplateInstance page, Response.Status status) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The year of a typed date, when the calendar page shows it (last year to next); else {@code null}: this year. */
    private static String yearOf(String date) {
        if (date == null || date.length() < 4 || !date.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        int year = Integer.parseInt(date.substring(0, 4));
        int now = LocalDate.now(VietnameseLunarCalendar.VIETNAM).getYear();
        return Math.abs(year - now) <= 1 ? String.valueOf(year) : null;
    }

    private String weekday(DayOfWeek d) {
        String name = d.getDisplayName(TextStyle.FULL, page.locale());
        return name.substring(0, 1).toUpperCase(page.locale()) + name.substring(1);
    }

    private String date(LocalDate d) {
        return date(d, page.locale());
    }

    private String time(OffsetDateTime t) {
        return time(t, page.locale());
    }

    /** A day as the settings pages show it: its weekday, then dd/MM/yyyy. */
    static String date(LocalDate d, Locale locale) {
        if (d == null) {
            return "";
        }
        String day = d.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        return day + ", " + d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** A moment in Vietnam's time: its day, then HH:mm. */
    static String time(OffsetDateTime t, Locale locale) {
        if (t == null) {
            return "";
        }
        OffsetDateTime vn = t.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
        return date(vn.toLocalDate(), locale) + " " + vn.format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
