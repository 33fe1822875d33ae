package vn.motcua.administration;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.tenant.DeskHours;
import vn.motcua.tenant.DeskHoursSettings;
import vn.motcua.tenant.DeskSession;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The desk's opening hours (lịch tiếp nhận và trả kết quả), set by a tenant's administrators over the hours of the tenant
 * files: shown on the portal's procedure and office pages and by the API. Each weekday is typed as its sessions, e.g.
 * {@code 07:30-11:30, 13:30-17:00}; an empty day is closed.
 *
 * <p>Bounds: at most {@value #MAX_SESSIONS} sessions a day, each between {@value #EARLIEST} and {@value #LATEST}, in
 * order and apart; at least one day open.
 */
@ApplicationScoped
public class DeskHoursAdmin {

    static final int MAX_SESSIONS = 3;
    static final String EARLIEST = "05:00";
    static final String LATEST = "22:00";
    static final int MAX_REASON = 300;
    private static final Pattern SESSION = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})");

    /** What a form posts: each weekday's sessions as typed ({@code MONDAY} → {@code "07:30-11:30, 13:30-17:00"}). */
    public record Input(Map<DayOfWeek, String> days, String reason) {
    }

    /**
     * The page's view.
     *
     * @param own     whether the hours in force were set in the console (else they come from the files)
     * @param typed   each weekday's sessions as a form shows them
     */
    public record View(Tenant tenant, boolean own, Map<DayOfWeek, String> typed, List<DeskHoursSettings.Change> history) {
    }

    private final SettingsWork work;
    private final TenantDirectory tenants;
    private final DeskHoursSettings settings;

    DeskHoursAdmin(SettingsWork work, TenantDirectory tenants, DeskHoursSettings settings) {
        this.work = work;
        this.tenants = tenants;
        this.settings = settings;
    }

    public Uni<View> read(Actor actor, String tenant) {
        return work.authorize(actor, tenant).chain(access -> work.read(tenant, conn -> settings.history(conn, tenant, 20))
                .chain(history -> tenants.require(tenant).map(t -> new View(t, !history.isEmpty() && history.get(0).hours() != null,
                        typed(t.deskHours()), history))));
    }

    /** Sets the hours; a 400 with each day's error otherwise. */
    public Uni<View> set(Actor actor, String tenant, Input input, String remoteAddr) {
        return work.authorize(actor, tenant).chain(access -> {
            DeskHours hours = parse(input);
            String reason = SettingsWork.text(input.reason());
            JsonObject detail = new JsonObject().put("before", new JsonObject(new java.util.LinkedHashMap<>(
                    DeskHoursSettings.view(access.tenant().deskHours())))).put("after", new JsonObject(new java.util.LinkedHashMap<>(
                    DeskHoursSettings.view(hours)))).put("reason", reason);
            return work.write(actor, tenant, "settings.desk-hours", tenant, detail, remoteAddr,
                    conn -> settings.set(conn, tenant, hours, reason, SettingsWork.key(actor), actor.displayName()));
        }).call(tenants::invalidate).chain(() -> read(actor, tenant));
    }

    /** Back to the hours of the tenant files. */
    public Uni<View> reset(Actor actor, String tenant, String remoteAddr) {
        return work.authorize(actor, tenant)
                .chain(access -> work.write(actor, tenant, "settings.desk-hours-reset", tenant,
                        new JsonObject().put("before", new JsonObject(new java.util.LinkedHashMap<>(DeskHoursSettings.view(access.tenant().deskHours())))),
                        remoteAddr, conn -> settings.set(conn, tenant, null, null, SettingsWork.key(actor), actor.displayName())))
                .call(tenants::invalidate).chain(() -> read(actor, tenant));
    }

    static Map<DayOfWeek, String> typed(DeskHours hours) {
        Map<DayOfWeek, String> out = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            out.put(d, String.join(", ", hours.on(d).stream().map(DeskSession::toString).toList()));
        }
        return out;
    }

    /** The hours typed, every error collected; field names are the weekdays' ({@code MONDAY} …). */
    static DeskHours parse(Input input) {
        List<FieldError> errors = new ArrayList<>();
        Map<DayOfWeek, List<DeskSession>> week = new EnumMap<>(DayOfWeek.class);
        LocalTime earliest = LocalTime.parse(EARLIEST);
        LocalTime latest = LocalTime.parse(LATEST);
        for (DayOfWeek d : DayOfWeek.values()) {
            String typed = input == null || input.days() == null ? null : input.days().get(d);
            if (SettingsWork.blank(typed)) {
                continue;
            }
            if (typed.length() > 100) {
                errors.add(FieldError.of(d.name(), FieldIssue.TOO_LONG, 100));
                continue;
            }
            String[] parts = typed.split("[,;]");
            List<DeskSession> sessions = new ArrayList<>();
            boolean bad = parts.length > MAX_SESSIONS;
            for (String p : parts) {
                Matcher m = SESSION.matcher(p.strip());
                if (!m.matches()) {
                    bad = true;
                    break;
                }
                try {
                    LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    LocalTime to = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    if (!from.isBefore(to) || from.isBefore(earliest) || to.isAfter(latest)
                            || (!sessions.isEmpty() && !sessions.get(sessions.size() - 1).to().isBefore(from))) {
                        bad = true;
                        break;
                    }
                    sessions.add(new DeskSession(from, to));
                } catch (java.time.DateTimeException | NumberFormatException e) {
                    bad = true;
                    break;
                }
            }
            if (bad) {
                errors.add(FieldError.of(d.name(), FieldIssue.DESK_SESSIONS, MAX_SESSIONS, EARLIEST, LATEST));
            } else {
                week.put(d, List.copyOf(sessions));
            }
        }
        if (errors.isEmpty() && week.isEmpty()) {
            errors.add(FieldError.of(DayOfWeek.MONDAY.name(), FieldIssue.DESK_CLOSED_ALL_WEEK));
        }
        SettingsWork.reason(errors, "reason", input == null ? null : input.reason(), MAX_REASON, false);
        SettingsWork.failIfAny(errors);
        return new DeskHours(week);
    }
}
