package vn.motcua.administration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarSettings;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.tenant.LocalizedText;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The year's calendar of a tenant (lịch làm việc của đơn vị): the days its administrators set over the national
 * calendar and the calendar files (local closures, extra working days, swapped days), and a preview of what they do to a
 * due date. The days apply to the tenant and to the tenants below it; a tenant's own entry for a day wins over its
 * ancestors'. A new dossier's deadline counts them from the next request on, on every replica; a dossier already
 * submitted keeps the due time it was given.
 *
 * <p>Bounds: a day from today to the end of next year (a past day is never changed: the deadlines computed on it stay
 * true); one entry per day (take it back first to change it); a closure only of a working day, an extra working day only
 * of a day off; a swap of a working day with a day off at most {@value #MAX_SWAP_GAP} days apart; no run of more than
 * {@value #MAX_RUN} days without a working day; at most {@value #MAX_PER_YEAR} entries a year; a reason of at most
 * {@value #MAX_REASON} characters.
 */
@ApplicationScoped
public class CalendarAdmin {

    static final int MAX_RUN = 30;
    static final int MAX_PER_YEAR = 60;
    static final int MAX_SWAP_GAP = 60;
    static final int MAX_REASON = 200;
    static final BigDecimal MAX_PREVIEW_DAYS = BigDecimal.valueOf(60);
    /** The preview's reception time: a morning, inside every session. */
    static final LocalTime PREVIEW_TIME = LocalTime.of(8, 0);

    /** What the form posts: a day, what it becomes, for a swap the day worked instead, and why. */
    public record Input(String date, String kind, String pairedDate, String reason, String reasonEn) {
    }

    /** One entry: this tenant's own (which it may take back), or one of an ancestor's (shown, not changed here). */
    public record Entry(LocalDate date, CalendarDay.Kind kind, LocalDate paired, LocalizedText reason, Tenant setBy, boolean own,
            boolean past) {
    }

    /**
     * "A dossier received on {@code received} with {@code days} working days is due …": with the days set in the console,
     * and without them (the national calendar and the files only).
     */
    public record Preview(LocalDate received, BigDecimal days, OffsetDateTime dueWith, OffsetDateTime dueWithout, List<DayOff> skipped) {
        public boolean differs() {
            return !dueWith.equals(dueWithout);
        }
    }

    /** The page's view of a year. */
    public record YearView(Tenant tenant, int year, List<Entry> entries, List<DayOff> nonWorkingDays, Preview preview, LocalDate today,
            LocalDate lastDay, List<CalendarSettings.Change> history) {
    }

    private final SettingsWork work;
    private final TenantDirectory tenants;
    private final CalendarService calendars;
    private final CalendarSettings settings;

    CalendarAdmin(SettingsWork work, TenantDirectory tenants, CalendarService calendars, CalendarSettings settings) {
        this.work = work;
        this.tenants = tenants;
        this.calendars = calendars;
        this.settings = settings;
    }

    /** The year's entries, days off and a preview ({@code received} and {@code days} as typed; blank: today and 3 days). */
    public Uni<YearView> read(Actor actor, String tenant, String year, String received, String days) {
        return work.authorize(actor, tenant).chain(access -> {
            LocalDate today = work.today();
            List<FieldError> errors = new ArrayList<>();
            int y = year(year, today, errors);
            LocalDate from = SettingsWork.blank(received) ? (y == today.getYear() ? today : LocalDate.of(y, 1, 2)) : date("received", received, errors);
            BigDecimal count = SettingsWork.blank(days) ? BigDecimal.valueOf(3) : workingDays(days, errors);
            if (from != null && (from.getYear() < today.getYear() - 1 || from.getYear() > today.getYear() + 1)) {
                errors.add(FieldError.of("received", FieldIssue.OUT_OF_RANGE, today.getYear() - 1, today.getYear() + 1));
            }
            SettingsWork.failIfAny(errors);
            return Uni.combine().all().unis(tenants.tree(), calendars.of(tenant), calendars.withoutConsoleDays(tenant), settings.snapshot(),
                    work.read(tenant, conn -> settings.history(conn, tenant, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), 30)))
                    .with((tree, with, without, snapshot, history) -> {
                        OffsetDateTime at = OffsetDateTime.of(from, PREVIEW_TIME, VietnameseLunarCalendar.VIETNAM);
                        OffsetDateTime dueWith = with.dueAt(with.clockStart(at), count);
                        OffsetDateTime dueWithout = without.dueAt(without.clockStart(at), count);
                        Preview preview = new Preview(from, count, dueWith, dueWithout, with.daysOffBetween(from, dueWith.toLocalDate()).stream()
                                .filter(d -> d.kind() != DayOff.Kind.WEEKEND).toList());
                        return new YearView(access.tenant(), y, entries(tree, tenant, snapshot, y, today), with.nonWorkingDays(y).stream()
                                .filter(d -> d.kind() != DayOff.Kind.WEEKEND).toList(), preview, today, lastDay(today), history);
                    });
        });
    }

    /** Sets a day (and, for a swap, the day worked instead); a 400 with each field's error otherwise. */
    public Uni<LocalDate> set(Actor actor, String tenant, Input input, String remoteAddr) {
        return work.authorize(actor, tenant).chain(access -> Uni.combine().all().unis(calendars.of(tenant), settings.snapshot()).asTuple())
                .chain(both -> {
                    WorkingCalendar current = both.getItem1();
                    List<CalendarDay> own = both.getItem2().of(tenant);
                    LocalDate today = work.today();
                    List<FieldError> errors = new ArrayList<>();
                    LocalDate date = bounded("date", input.date(), today, errors);
                    String kindTyped = input.kind() == null ? "" : input.kind().strip();
                    boolean swap = kindTyped.equals("swap");
                    CalendarDay.Kind kind = swap ? CalendarDay.Kind.SWAPPED_OFF : CalendarDay.Kind.of(kindTyped);
                    if (kind == null || kind == CalendarDay.Kind.SWAPPED_ON) {
                        errors.add(FieldError.of("kind", FieldIssue.NOT_AN_OPTION, "closed, working, swap"));
                    }
                    LocalDate paired = swap ? bounded("pairedDate", input.pairedDate(), today, errors) : null;
                    String reason = SettingsWork.reason(errors, "reason", input.reason(), MAX_REASON, true);
                    String reasonEn = SettingsWork.reason(errors, "reasonEn", input.reasonEn(), MAX_REASON, false);
                    if (date != null && kind != null) {
                        if (own.stream().anyMatch(d -> d.date().equals(date))) {
                            errors.add(FieldError.of("date", FieldIssue.DAY_ALREADY_SET));
                        } else if (kind.worked() == current.isWorkingDay(date)) {
                            errors.add(FieldError.of("date", kind.worked() ? FieldIssue.ALREADY_WORKING_DAY : FieldIssue.NOT_A_WORKING_DAY));
                        } else if (own.stream().filter(d -> d.date().getYear() == date.getYear()).count() + (swap ? 2 : 1) > MAX_PER_YEAR) {
                            errors.add(FieldError.of("date", FieldIssue.TOO_MANY_DAYS, MAX_PER_YEAR));
                        }
                    }
                    if (swap && paired != null && date != null) {
                        if (paired.equals(date) || Math.abs(paired.toEpochDay() - date.toEpochDay()) > MAX_SWAP_GAP) {
                            errors.add(FieldError.of("pairedDate", FieldIssue.SWAP_APART, MAX_SWAP_GAP));
                        } else if (own.stream().anyMatch(d -> d.date().equals(paired))) {
                            errors.add(FieldError.of("pairedDate", FieldIssue.DAY_ALREADY_SET));
                        } else if (current.isWorkingDay(paired)) {
                            errors.add(FieldError.of("pairedDate", FieldIssue.ALREADY_WORKING_DAY));
                        }
                    }
                    SettingsWork.failIfAny(errors);
                    LocalizedText why = new LocalizedText(reason, reasonEn == null ? reason : reasonEn);
                    List<CalendarDay> change = swap
                            ? List.of(new CalendarDay(date, CalendarDay.Kind.SWAPPED_OFF, paired, why),
                                    new CalendarDay(paired, CalendarDay.Kind.SWAPPED_ON, date, why))
                            : List.of(new CalendarDay(date, kind, null, why));
                    return calendars.withDays(tenant, change).chain(proposed -> {
                        if (!kind.worked() && longestRunOff(proposed, date) > MAX_RUN) {
                            SettingsWork.failIfAny(List.of(FieldError.of("date", FieldIssue.TOO_LONG_CLOSED, MAX_RUN)));
                        }
                        JsonObject detail = new JsonObject().put("date", date.toString()).put("kind", swap ? "swap" : kind.wire())
                                .put("pairedDate", paired == null ? null : paired.toString()).put("reason", reason).put("reasonEn", reasonEn);
                        return work.write(actor, tenant, "settings.calendar-day", date.toString(), detail, remoteAddr, conn -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (CalendarDay d : change) {
                                chain = chain.chain(() -> settings.set(conn, tenant, d, SettingsWork.key(actor), actor.displayName()));
                            }
                            return chain;
                        });
                    }).call(settings::changed).replaceWith(date);
                });
    }

    /** Takes back what the tenant set for a day to come (both days of a swap). */
    public Uni<LocalDate> clear(Actor actor, String tenant, String typedDate, String remoteAddr) {
        return work.authorize(actor, tenant).chain(access -> settings.snapshot()).chain(snapshot -> {
            List<FieldError> errors = new ArrayList<>();
            LocalDate date = bounded("date", typedDate, work.today(), errors);
            CalendarDay entry = date == null ? null : snapshot.of(tenant).stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
            if (date != null && entry == null) {
                errors.add(FieldError.of("date", FieldIssue.NO_DAY_SET));
            }
            if (entry != null && entry.paired() != null && entry.paired().isBefore(work.today())) {
                // Half of the swap has passed: the other half stays, as the deadlines counted on it did.
                errors.add(FieldError.of("date", FieldIssue.DATE_PASSED));
            }
            SettingsWork.failIfAny(errors);
            List<LocalDate> days = entry.paired() == null ? List.of(date) : List.of(date, entry.paired());
            JsonObject detail = new JsonObject().put("date", date.toString()).put("kind", entry.kind().wire())
                    .put("pairedDate", entry.paired() == null ? null : entry.paired().toString()).put("reason", entry.reason().vi());
            return work.write(actor, tenant, "settings.calendar-day-cleared", date.toString(), detail, remoteAddr, conn -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (LocalDate d : days) {
                    chain = chain.chain(() -> settings.clear(conn, tenant, d, SettingsWork.key(actor), actor.displayName()));
                }
                return chain;
            }).call(settings::changed).replaceWith(date);
        });
    }

    private static List<Entry> entries(TenantTree tree, String tenant, CalendarSettings.Snapshot snapshot, int year, LocalDate today) {
        List<Entry> out = new ArrayList<>();
        List<Tenant> chain = new ArrayList<>(tree.ancestors(tenant));
        chain.add(tree.find(tenant).orElseThrow());
        for (Tenant t : chain) {
            for (CalendarDay d : snapshot.of(t.code())) {
                if (d.date().getYear() == year) {
                    out.add(new Entry(d.date(), d.kind(), d.paired(), d.reason(), t, t.code().equals(tenant), d.date().isBefore(today)));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Entry::date));
        return out;
    }

    /** The number of days in a row without a working day around {@code day}, in {@code calendar}. */
    static int longestRunOff(WorkingCalendar calendar, LocalDate day) {
        int run = 0;
        for (LocalDate d = day; run <= MAX_RUN && !calendar.isWorkingDay(d); d = d.minusDays(1)) {
            run++;
        }
        for (LocalDate d = day.plusDays(1); run <= MAX_RUN && !calendar.isWorkingDay(d); d = d.plusDays(1)) {
            run++;
        }
        return run;
    }

    static LocalDate lastDay(LocalDate today) {
        return LocalDate.of(today.getYear() + 1, 12, 31);
    }

    private static int year(String typed, LocalDate today, List<FieldError> errors) {
        if (SettingsWork.blank(typed)) {
            return today.getYear();
        }
        try {
            int y = Integer.parseInt(typed.strip());
            if (y >= today.getYear() - 1 && y <= today.getYear() + 1) {
                return y;
            }
        } catch (NumberFormatException e) {
            // Told below.
        }
        errors.add(FieldError.of("year", FieldIssue.OUT_OF_RANGE, today.getYear() - 1, today.getYear() + 1));
        return today.getYear();
    }

    /** A date typed, from today to the end of next year. */
    private static LocalDate bounded(String field, String typed, LocalDate today, List<FieldError> errors) {
        LocalDate d = date(field, typed, errors);
        if (d != null && d.isBefore(today)) {
            errors.add(FieldError.of(field, FieldIssue.DATE_PASSED));
            return null;
        }
        if (d != null && d.isAfter(lastDay(today))) {
            errors.add(FieldError.of(field, FieldIssue.DATE_TOO_FAR, lastDay(today).toString()));
            return null;
        }
        return d;
    }

    static LocalDate date(String field, String typed, List<FieldError> errors) {
        if (SettingsWork.blank(typed)) {
            errors.add(FieldError.of(field, FieldIssue.REQUIRED));
            return null;
        }
        if (typed.length() > 10) {
            errors.add(FieldError.of(field, FieldIssue.NOT_DATE));
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, FieldIssue.NOT_DATE));
            return null;
        }
    }

    private static BigDecimal workingDays(String typed, List<FieldError> errors) {
        try {
            BigDecimal d = typed.length() > 8 ? null : new BigDecimal(typed.strip().replace(',', '.'));
            if (d != null && d.signum() > 0 && d.compareTo(MAX_PREVIEW_DAYS) <= 0 && d.scale() <= 2) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Told below.
        }
        errors.add(FieldError.of("days", FieldIssue.WORKING_DAYS, MAX_PREVIEW_DAYS.intValue()));
        return BigDecimal.ONE;
    }
}
