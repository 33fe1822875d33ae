package vn.motcua.administration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.identity.Actor;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemException.FieldError;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.Tenant;

/**
 * A tenant's own terms for the procedures it handles (phí, lệ phí, thời hạn giải quyết, tiếp nhận không phụ thuộc địa
 * giới hành chính), within what the catalog allows, versioned with the date each takes effect from: a new submission
 * gets the terms in force on its day, a dossier already submitted keeps those it was submitted under.
 *
 * <p>Bounds (the catalog is the province's published procedure; an office may do better, never worse):
 * <ul>
 * <li>a fee per channel the procedure offers, a whole number of đồng from 0 to the catalog's fee for that channel (an
 * office may lower or waive it, as Ho Chi Minh City halved online fees; never raise it);</li>
 * <li>a processing time in working days, in halves, from {@value #MIN_DAYS} to the catalog's time at this office (the
 * legal maximum; an office may promise less);</li>
 * <li>"received anywhere in the province" may be added (the office accepts this procedure from any desk of the
 * province), from 1 July 2025 (Decree 118/2025/NĐ-CP); a procedure the province listed stays listed;</li>
 * <li>a version takes effect from today at the earliest and within {@value #MAX_YEARS_AHEAD} years; one already in force
 * is never changed (a later one is added), one to come may be replaced or withdrawn;</li>
 * <li>a reason, of at most {@value #MAX_REASON} characters.</li>
 * </ul>
 * The bounds are those of the catalog's version in force on the version's first day; should the catalog lower its
 * figures later, the lower figure applies ({@link ProcedureSettings#terms}).
 */
@ApplicationScoped
public class ProcedureAdmin {

    static final BigDecimal MIN_DAYS = new BigDecimal("0.5");
    static final int MAX_YEARS_AHEAD = 2;
    static final int MAX_REASON = 300;
    static final long MAX_FEE = 1_000_000_000L;

    /** What the form posts: the date, a fee per channel (blank: the catalog's), the time, "anywhere" and why. */
    public record Input(String effectiveFrom, Map<Procedure.Channel, String> fees, String processingDays, String receivedAnywhere,
            String reason) {
    }

    /** One procedure in the list: the catalog's terms at this office, and its own in force today and to come. */
    public record Row(String code, Procedure.Version version, ProcedureSettings.Terms catalog, ProcedureSettings.Terms inForce,
            List<ProcedureSettings.Override> toCome) {
    }

    /** One procedure's page. */
    public record Detail(Tenant tenant, String code, Procedure.Version version, ProcedureSettings.Terms catalog,
            ProcedureSettings.Terms inForce, List<ProcedureSettings.Override> versions, List<ProcedureSettings.Override> history,
            LocalDate today, LocalDate lastDay) {
    }

    private final SettingsWork work;
    private final CatalogService catalog;
    private final ProcedureSettings settings;

    ProcedureAdmin(SettingsWork work, CatalogService catalog, ProcedureSettings settings) {
        this.work = work;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** The procedures this office handles today, with their terms. */
    public Uni<List<Row>> list(Actor actor, String tenant) {
        return work.authorize(actor, tenant).chain(access -> catalog.search(tenant, null, null, work.today())
                .chain(hits -> settings.snapshot().map(snapshot -> {
                    LocalDate today = work.today();
                    Tenant t = access.tenant();
                    return hits.stream().sorted(java.util.Comparator.comparing(h -> h.procedure().code()))
                            .map(h -> new Row(h.procedure().code(), h.version(), ProcedureSettings.terms(h.version(), t, null, today),
                                    snapshot.terms(h.procedure().code(), h.version(), t, today),
                                    snapshot.versions(tenant, h.procedure().code()).stream().filter(o -> o.effectiveFrom().isAfter(today)).toList()))
                            .toList();
                })));
    }

    public Uni<Detail> read(Actor actor, String tenant, String code) {
        return work.authorize(actor, tenant).chain(access -> {
            LocalDate today = work.today();
            Procedure.Version v = offered(code, access.tenant(), today);
            return settings.snapshot().chain(snapshot -> work.read(tenant, conn -> settings.history(conn, tenant, code, 30))
                    .map(history -> new Detail(access.tenant(), code, v, ProcedureSettings.terms(v, access.tenant(), null, today),
                            snapshot.terms(code, v, access.tenant(), today), snapshot.versions(tenant, code), history, today,
                            today.plusYears(MAX_YEARS_AHEAD))));
        });
    }

    /** Adds a version (or replaces one to come of the same date); a 400 with each field's error otherwise. */
    public Uni<LocalDate> add(Actor actor, String tenant, String code, Input input, String remoteAddr) {
        return work.authorize(actor, tenant).chain(access -> settings.snapshot().chain(snapshot -> {
            LocalDate today = work.today();
            offered(code, access.tenant(), today);
            List<FieldError> errors = new ArrayList<>();
            LocalDate from = CalendarAdmin.date("effectiveFrom", input.effectiveFrom(), errors);
            if (from != null && from.isBefore(today)) {
                errors.add(FieldError.of("effectiveFrom", FieldIssue.DATE_PASSED));
            } else if (from != null && from.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
                errors.add(FieldError.of("effectiveFrom", FieldIssue.DATE_TOO_FAR, today.plusYears(MAX_YEARS_AHEAD).toString()));
            } else if (from != null && !from.isAfter(today)
                    && snapshot.versions(tenant, code).stream().anyMatch(o -> o.effectiveFrom().equals(from))) {
                errors.add(FieldError.of("effectiveFrom", FieldIssue.VERSION_IN_EFFECT));
            }
            // The catalog's version on the first day: its figures are the bounds.
            Procedure.Version v = from == null || errors.stream().anyMatch(e -> e.field().equals("effectiveFrom"))
                    ? catalog.versionAt(code, today) : catalog.versionAt(code, from);
            Map<Procedure.Channel, Long> fees = new EnumMap<>(Procedure.Channel.class);
            for (Procedure.Channel c : v.channels()) {
                String typed = input.fees() == null ? null : input.fees().get(c);
                if (SettingsWork.blank(typed)) {
                    continue;
                }
                long max = ProcedureSettings.catalogFee(v, c);
                String field = "fee-" + c.wire();
                try {
                    String digits = typed.strip().replace(".", "").replace(",", "").replace(" ", "");
                    if (digits.length() > 12) {
                        throw new NumberFormatException();
                    }
                    long fee = Long.parseLong(digits);
                    if (fee < 0 || fee > MAX_FEE) {
                        throw new NumberFormatException();
                    }
                    if (fee > max) {
                        errors.add(FieldError.of(field, FieldIssue.ABOVE_CATALOG_FEE, max));
                    } else {
                        fees.put(c, fee);
                    }
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of(field, FieldIssue.NOT_WHOLE_NUMBER));
                }
            }
            BigDecimal days = null;
            if (!SettingsWork.blank(input.processingDays())) {
                BigDecimal max = v.processingDaysAt(access.tenant());
                try {
                    String typed = input.processingDays().strip().replace(',', '.');
                    BigDecimal d = typed.length() > 8 ? null : new BigDecimal(typed);
                    if (d == null || d.compareTo(MIN_DAYS) < 0 || d.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
                        errors.add(FieldError.of("processingDays", FieldIssue.HALF_DAYS));
                    } else if (d.compareTo(max) > 0) {
                        errors.add(FieldError.of("processingDays", FieldIssue.ABOVE_CATALOG_DAYS, max.stripTrailingZeros().toPlainString()));
                    } else {
                        days = d;
                    }
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of("processingDays", FieldIssue.HALF_DAYS));
                }
            }
            Boolean anywhere = null;
            String typedAnywhere = input.receivedAnywhere() == null ? "" : input.receivedAnywhere().strip();
            if (typedAnywhere.equals("yes")) {
                // Already the province's: nothing to add.
                anywhere = v.receivedAnywhere() ? null : Boolean.TRUE;
            } else if (!typedAnywhere.isEmpty() && !typedAnywhere.equals("catalog")) {
                errors.add(FieldError.of("receivedAnywhere", FieldIssue.NOT_AN_OPTION, "catalog, yes"));
            }
            String reason = SettingsWork.reason(errors, "reason", input.reason(), MAX_REASON, true);
            SettingsWork.failIfAny(errors);
            ProcedureSettings.Override o = new ProcedureSettings.Override(from, fees, days, anywhere, false, reason, null, null);
            JsonObject feeJson = new JsonObject();
            fees.forEach((c, f) -> feeJson.put(c.wire(), f));
            JsonObject detail = new JsonObject().put("procedure", code).put("effectiveFrom", from.toString()).put("fees", feeJson)
                    .put("processingDays", days == null ? null : days.toPlainString()).put("receivedAnywhere", anywhere).put("reason", reason);
            return work.write(actor, tenant, "settings.procedure", code + "@" + from, detail, remoteAddr,
                    conn -> settings.add(conn, tenant, code, o, SettingsWork.key(actor), actor.displayName()))
                    .call(settings::changed).replaceWith(from);
        }));
    }

    /** Withdraws a version that has not taken effect yet. */
    public Uni<LocalDate> withdraw(Actor actor, String tenant, String code, String typedFrom, String remoteAddr) {
        return work.authorize(actor, tenant).chain(access -> settings.snapshot().chain(snapshot -> {
            LocalDate today = work.today();
            offered(code, access.tenant(), today);
            List<FieldError> errors = new ArrayList<>();
            LocalDate from = CalendarAdmin.date("effectiveFrom", typedFrom, errors);
            if (from != null && !from.isAfter(today)) {
                errors.add(FieldError.of("effectiveFrom", FieldIssue.VERSION_IN_EFFECT));
            } else if (from != null && snapshot.versions(tenant, code).stream().noneMatch(o -> o.effectiveFrom().equals(from))) {
                errors.add(FieldError.of("effectiveFrom", FieldIssue.NO_VERSION));
            }
            SettingsWork.failIfAny(errors);
            ProcedureSettings.Override o = new ProcedureSettings.Override(from, Map.of(), null, null, true, "withdrawn", null, null);
            return work.write(actor, tenant, "settings.procedure-withdrawn", code + "@" + from,
                    new JsonObject().put("procedure", code).put("effectiveFrom", from.toString()), remoteAddr,
                    conn -> settings.add(conn, tenant, code, o, SettingsWork.key(actor), actor.displayName()))
                    .call(settings::changed).replaceWith(from);
        }));
    }

    /** The version in force today of a procedure this office handles; a 404 otherwise. */
    private Procedure.Version offered(String code, Tenant tenant, LocalDate today) {
        Procedure.Version v = catalog.find(code).flatMap(p -> p.versionAt(today))
                .orElseThrow(() -> new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, code == null ? "" : code));
        if (!v.offeredAt(tenant)) {
            throw new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, code);
        }
        return v;
    }
}
