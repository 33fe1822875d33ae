package vn.motcua.administration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.NearlyLateSettings;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The tenant's nearly-late threshold (ngưỡng cảnh báo sắp đến hạn), set by its administrators: how many working hours
 * before a step's due time it shows in the desk's "nearly late" queue and is alerted to its holder and the tenant's
 * leaders, in the console and by e-mail. Typed in whole working hours, from {@value #MIN_HOURS} to {@value #MAX_HOURS}
 * (ten working days); without a setting, one working day of the tenant's calendar.
 */
@ApplicationScoped
public class NearlyLateAdmin {

    public static final int MIN_HOURS = NearlyLateSettings.MIN_MINUTES / 60;
    public static final int MAX_HOURS = NearlyLateSettings.MAX_MINUTES / 60;
    static final int MAX_REASON = 300;

    /**
     * The page's view.
     *
     * @param hours the working hours in force when the tenant set them; empty: one working day (the default)
     */
    public record View(Tenant tenant, Optional<Integer> hours, List<NearlyLateSettings.Change> history) {
    }

    private final SettingsWork work;
    private final TenantDirectory tenants;
    private final NearlyLateSettings settings;

    NearlyLateAdmin(SettingsWork work, TenantDirectory tenants, NearlyLateSettings settings) {
        this.work = work;
        this.tenants = tenants;
        this.settings = settings;
    }

    public Uni<View> read(Actor actor, String tenant) {
        return work.authorize(actor, tenant).chain(access -> work.read(tenant, conn -> settings.history(conn, tenant, 20))
                .chain(history -> tenants.require(tenant).map(t -> new View(t,
                        history.isEmpty() || history.get(0).minutes() == null ? Optional.empty() : Optional.of(history.get(0).minutes() / 60),
                        history))));
    }

    /** Sets the threshold from the hours typed; a 400 beside the field otherwise. */
    public Uni<View> set(Actor actor, String tenant, String hours, String reason, String remoteAddr) {
        return work.authorize(actor, tenant).chain(access -> {
            List<FieldError> errors = new ArrayList<>();
            int typed = hours(errors, hours);
            String why = SettingsWork.reason(errors, "reason", reason, MAX_REASON, false);
            SettingsWork.failIfAny(errors);
            JsonObject detail = new JsonObject().put("workingHours", typed).put("reason", why);
            return write(actor, tenant, "settings.nearly-late", detail, remoteAddr, typed * 60, why);
        });
    }

    /** Back to one working day. */
    public Uni<View> reset(Actor actor, String tenant, String remoteAddr) {
        return work.authorize(actor, tenant)
                .chain(access -> write(actor, tenant, "settings.nearly-late-reset", new JsonObject(), remoteAddr, null, null));
    }

    private Uni<View> write(Actor actor, String tenant, String action, JsonObject detail, String remoteAddr, Integer minutes, String reason) {
        return work.write(actor, tenant, action, tenant, detail, remoteAddr,
                conn -> settings.set(conn, tenant, minutes, reason, SettingsWork.key(actor), actor.displayName()))
                .call(settings::changed).chain(() -> read(actor, tenant));
    }

    /** The whole working hours typed, within the bounds; 0 with the field's error otherwise. */
    static int hours(List<FieldError> errors, String typed) {
        if (SettingsWork.blank(typed)) {
            errors.add(FieldError.of("hours", FieldIssue.REQUIRED));
            return 0;
        }
        String t = typed.strip();
        if (t.length() > 6 || !t.matches("\\d+")) {
            errors.add(FieldError.of("hours", FieldIssue.NOT_WHOLE_NUMBER));
            return 0;
        }
        int h = Integer.parseInt(t);
        if (h < MIN_HOURS || h > MAX_HOURS) {
            errors.add(FieldError.of("hours", FieldIssue.OUT_OF_RANGE, MIN_HOURS, MAX_HOURS));
            return 0;
        }
        return h;
    }
}
