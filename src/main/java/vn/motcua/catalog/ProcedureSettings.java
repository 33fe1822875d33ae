package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.cache.SharedValue;
import vn.motcua.platform.cache.SharedValues;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.tenant.Tenant;

/**
 * A tenant's own terms for a procedure (fee per channel, processing time, received anywhere in the province), set by its
 * administrators in the console within what the catalog allows, versioned with the date each takes effect from: the
 * table {@code procedure_override}, append-only. A version already in force is never replaced (the database refuses
 * it too); a version to come may be replaced or withdrawn by a newer row for the same date.
 *
 * <p>The terms a submission gets ({@link Snapshot#terms}) are the catalog's version at the competent office, with the
 * office's version in force that day over it, and always within the catalog's bounds at the time of submission: a fee
 * never above the catalog's for that channel, a processing time never above the catalog's at that office (should the
 * catalog lower them later, the lower figure applies), and "received anywhere" only added to what the province listed,
 * never taken away. Every replica holds all versions in one shared value ({@link SharedValue}), invalidated after a
 * change and refreshed after {@link #MAX_AGE} at most.
 */
@ApplicationScoped
public class ProcedureSettings {

    /** How long a replica serves the versions it holds before it reads them again, if no change told it sooner. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** Decree 118/2025/NĐ-CP: reception anywhere in the province exists from this day. */
    public static final LocalDate RECEIVED_ANYWHERE_FROM = LocalDate.of(2025, 7, 1);

    /**
     * One version of a tenant's terms for a procedure; a {@code null} (or a channel absent from {@code fees}) keeps
     * the catalog's.
     */
    public record Override(LocalDate effectiveFrom, Map<Procedure.Channel, Long> fees, BigDecimal processingDays, Boolean receivedAnywhere,
            boolean withdrawn, String reason, OffsetDateTime at, String by) {

        public Override {
            fees = fees == null ? Map.of() : Collections.unmodifiableMap(fees.isEmpty() ? Map.of() : new EnumMap<>(fees));
        }

        /** Whether it changes nothing (back to the catalog's terms). */
        public boolean keepsCatalog() {
            return fees.isEmpty() && processingDays == null && receivedAnywhere == null;
        }
    }

    /**
     * What a dossier is submitted under at an office.
     *
     * @param fees         the fee of each channel the version offers, in đồng
     * @param overrideFrom the date the office's version in force took effect, or {@code null} when the catalog's apply
     */
    public record Terms(Map<Procedure.Channel, Long> fees, BigDecimal processingDays, boolean receivedAnywhere, LocalDate overrideFrom) {

        public long fee(Procedure.Channel channel) {
            return fees.getOrDefault(channel, 0L);
        }
    }

    /** Every tenant's versions, by tenant and procedure, in date order (replaced and withdrawn ones left out). */
    public record Snapshot(Map<String, Map<String, List<Override>>> byTenant) {
        public static final Snapshot EMPTY = new Snapshot(Map.of());

        /** The versions of {@code tenant} for {@code procedure}, oldest first. */
        public List<Override> versions(String tenant, String procedure) {
            return byTenant.getOrDefault(tenant, Map.of()).getOrDefault(procedure, List.of());
        }

        /** The version of {@code tenant} for {@code procedure} in force on {@code date}. */
        public Optional<Override> inForce(String tenant, String procedure, LocalDate date) {
            Override found = null;
            for (Override o : versions(tenant, procedure)) {
                if (!o.effectiveFrom().isAfter(date)) {
                    found = o;
                }
            }
            return Optional.ofNullable(found);
        }

        /** The terms of catalog version {@code v} of {@code procedure} at {@code office} on {@code date}. */
        public Terms terms(String procedure, Procedure.Version v, Tenant office, LocalDate date) {
            return ProcedureSettings.terms(v, office, inForce(office.code(), procedure, date).orElse(null), date);
        }
    }

    /** The terms of catalog version {@code v} at {@code office} under its version {@code o} (none: {@code null}). */
    public static Terms terms(Procedure.Version v, Tenant office, Override o, LocalDate date) {
        Map<Procedure.Channel, Long> fees = new EnumMap<>(Procedure.Channel.class);
        for (Procedure.Channel c : v.channels()) {
            long catalog = catalogFee(v, c);
            Long own = o == null ? null : o.fees().get(c);
            fees.put(c, own == null ? catalog : Math.min(own, catalog));
        }
        BigDecimal catalogDays = v.processingDaysAt(office);
        BigDecimal days = o == null || o.processingDays() == null ? catalogDays : o.processingDays().min(catalogDays);
        boolean anywhere = v.receivedAnywhere()
                || (o != null && Boolean.TRUE.equals(o.receivedAnywhere()) && !date.isBefore(RECEIVED_ANYWHERE_FROM));
        return new Terms(Collections.unmodifiableMap(fees), days, anywhere, o == null || o.keepsCatalog() ? null : o.effectiveFrom());
    }

    /** The catalog's fee of a channel, 0 when it lists none. */
    public static long catalogFee(Procedure.Version v, Procedure.Channel channel) {
        return v.fees().stream().filter(f -> f.channel() == channel).mapToLong(Procedure.Fee::amount).findFirst().orElse(0);
    }

    static final String ALL = """
            select tenant_id, procedure_code, effective_from, fees, processing_days, received_anywhere, withdrawn, reason, set_at,
                   coalesce(set_by_name, set_by) as by
              from procedure_override order by tenant_id, procedure_code, effective_from, id""";

    static final String OF_PROCEDURE = """
            select tenant_id, procedure_code, effective_from, fees, processing_days, received_anywhere, withdrawn, reason, set_at,
                   coalesce(set_by_name, set_by) as by
              from procedure_override where tenant_id = $1 and procedure_code = $2 order by id desc limit $3""";

    static final String INSERT = """
            insert into procedure_override (tenant_id, procedure_code, effective_from, fees, processing_days, received_anywhere, withdrawn,
                                            reason, set_by, set_by_name)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

    private final SharedValue<Snapshot> snapshot;

    ProcedureSettings(SharedValues values, ScopedTransactions transactions) {
        this.snapshot = values.value("procedure-overrides", MAX_AGE,
                () -> transactions.onConnection(TenantScope.none(), conn -> conn.query(ALL).execute().map(ProcedureSettings::snapshot)));
    }

    /** Every tenant's versions in force or to come. */
    public Uni<Snapshot> snapshot() {
        return snapshot.get();
    }

    /** Tells every replica that the versions changed; call once the transaction that changed them committed. */
    public Uni<Void> changed() {
        return snapshot.invalidate();
    }

    /** Adds a version of {@code tenant}'s terms for {@code procedure}, in the caller's transaction. */
    public Uni<Void> add(SqlConnection conn, String tenant, String procedure, Override o, String actorKey, String actorName) {
        JsonObject fees = null;
        if (!o.fees().isEmpty()) {
            fees = new JsonObject();
            for (Map.Entry<Procedure.Channel, Long> e : o.fees().entrySet()) {
                fees.put(e.getKey().wire(), e.getValue());
            }
        }
        return conn.preparedQuery(INSERT).execute(Tuple.tuple(Arrays.asList(tenant, procedure, o.effectiveFrom(), fees, o.processingDays(),
                o.receivedAnywhere(), o.withdrawn(), o.reason(), actorKey, actorName))).replaceWithVoid();
    }

    /** Every row written for {@code tenant} and {@code procedure}, newest first: the page's history. */
    public Uni<List<Override>> history(SqlConnection conn, String tenant, String procedure, int limit) {
        return conn.preparedQuery(OF_PROCEDURE).execute(Tuple.of(tenant, procedure, limit)).map(rows -> {
            List<Override> out = new ArrayList<>();
            rows.forEach(r -> out.add(override(r)));
            return out;
        });
    }

    private static Snapshot snapshot(RowSet<Row> rows) {
        // Rows come by tenant, procedure, date, then in the order written: the last one of a date is that date's version.
        Map<String, Map<String, TreeMap<LocalDate, Override>>> all = new HashMap<>();
        for (Row r : rows) {
            all.computeIfAbsent(r.getString("tenant_id"), t -> new HashMap<>())
                    .computeIfAbsent(r.getString("procedure_code"), p -> new TreeMap<>())
                    .put(r.getLocalDate("effective_from"), override(r));
        }
        Map<String, Map<String, List<Override>>> out = new HashMap<>();
        all.forEach((tenant, procedures) -> {
            Map<String, List<Override>> byCode = new HashMap<>();
            procedures.forEach((code, dates) -> {
                List<Override> live = dates.values().stream().filter(o -> !o.withdrawn()).toList();
                if (!live.isEmpty()) {
                    byCode.put(code, live);
                }
            });
            if (!byCode.isEmpty()) {
                out.put(tenant, Map.copyOf(byCode));
            }
        });
        return out.isEmpty() ? Snapshot.EMPTY : new Snapshot(Map.copyOf(out));
    }

    private static Override override(Row r) {
        Map<Procedure.Channel, Long> fees = new EnumMap<>(Procedure.Channel.class);
        JsonObject f = (JsonObject) r.getValue("fees");
        if (f != null) {
            for (String k : f.fieldNames()) {
                Procedure.Channel c = Procedure.Channel.of(k);
                if (c != null) {
                    fees.put(c, f.getLong(k));
                }
            }
        }
        return new Override(r.getLocalDate("effective_from"), fees, r.getBigDecimal("processing_days"), r.getBoolean("received_anywhere"),
                r.getBoolean("withdrawn"), r.getString("reason"), r.getOffsetDateTime("set_at"), r.getString("by"));
    }
}
