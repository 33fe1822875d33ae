package vn.motcua.dossier.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.Row;

import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.ReceiptCode;

/**
 * The {@code dossier} table's columns, written once: every statement that reads, inserts or updates a dossier is
 * built from {@link #COLUMNS}, and every row becomes a {@link Dossier} through {@link #map(Row)}. A new column is one
 * entry here (and its field on {@link Dossier}).
 */
final class DossierRows {

    /**
     * One column: its name, its SQL type (of its array in {@link ColumnArrays}), whether commands change it, the value
     * written from the dossier (as the SQL client takes it) and how a row sets it back ({@code null}: never read,
     * derived from other fields).
     */
    record Column(String name, String type, boolean changes, Function<Dossier, Object> value, BiConsumer<Dossier, Row> read) {
    }

    static final List<Column> COLUMNS = List.of(
            col("id", "uuid", false, d -> d.id, (d, r) -> d.id = r.getUUID("id")),
            col("receipt_code", "text", false, d -> d.receiptCode, (d, r) -> d.receiptCode = r.getString("receipt_code")),
            col("lookup_key", "text", false, d -> d.receiptCode == null ? null : ReceiptCode.lookupKey(d.receiptCode), null),
            col("parent_id", "uuid", false, d -> d.parentId, (d, r) -> d.parentId = r.getUUID("parent_id")),
            col("part_index", "int", false, d -> d.partIndex, (d, r) -> d.partIndex = r.getInteger("part_index")),
            col("part_agency", "text", false, d -> d.partAgency, (d, r) -> d.partAgency = r.getString("part_agency")),
            col("received_by", "text", false, d -> d.receivedBy, (d, r) -> d.receivedBy = r.getString("received_by")),
            col("competent_tenant", "text", false, d -> d.competentTenant,
                    (d, r) -> d.competentTenant = r.getString("competent_tenant")),
            col("tenant_id", "text", true, d -> d.tenantId, (d, r) -> d.tenantId = r.getString("tenant_id")),
            col("tenants", "text[]", true, d -> d.tenants.toArray(String[]::new),
                    (d, r) -> d.tenants = new ArrayList<>(Arrays.asList(r.getArrayOfStrings("tenants")))),
            col("procedure_code", "text", false, d -> d.procedureCode, (d, r) -> d.procedureCode = r.getString("procedure_code")),
            col("procedure_version", "date", false, d -> d.procedureVersion,
                    (d, r) -> d.procedureVersion = r.getLocalDate("procedure_version")),
            col("channel", "text", false, d -> d.channel, (d, r) -> d.channel = r.getString("channel")),
            col("status", "text", true, d -> d.status.wire(), (d, r) -> d.status = DossierStatus.of(r.getString("status"))),
            col("submitted_by", "text", false, d -> d.submittedBy, (d, r) -> d.submittedBy = r.getString("submitted_by")),
            col("submitted_by_name", "text", false, d -> d.submittedByName,
                    (d, r) -> d.submittedByName = r.getString("submitted_by_name")),
            col("applicant_actor", "text", false, d -> d.applicantActor, (d, r) -> d.applicantActor = r.getString("applicant_actor")),
            col("applicant_name", "text", false, d -> d.applicantName, (d, r) -> d.applicantName = r.getString("applicant_name")),
            col("applicant_id", "text", false, d -> d.applicantId, (d, r) -> d.applicantId = r.getString("applicant_id")),
            col("applicant_phone", "text", false, d -> d.applicantPhone, (d, r) -> d.applicantPhone = r.getString("applicant_phone")),
            col("phone_key", "text", false, d -> d.phoneKey, (d, r) -> d.phoneKey = r.getString("phone_key")),
            col("relationship", "text", false, d -> d.relationship, (d, r) -> d.relationship = r.getString("relationship")),
            col("return_channel", "text", false, d -> d.returnChannel, (d, r) -> d.returnChannel = r.getString("return_channel")),
            col("form", "jsonb", true, d -> d.form, (d, r) -> d.form = r.getJsonObject("form")),
            col("fee", "bigint", false, d -> d.fee, (d, r) -> d.fee = r.getLong("fee")),
            col("processing_days", "numeric", false, d -> d.processingDays,
                    (d, r) -> d.processingDays = r.getBigDecimal("processing_days")),
            col("supplement_clock", "text", false, d -> d.supplementClock,
                    (d, r) -> d.supplementClock = r.getString("supplement_clock")),
            col("submitted_at", "timestamptz", false, d -> d.submittedAt, (d, r) -> d.submittedAt = r.getOffsetDateTime("submitted_at")),
            col("clock_start", "timestamptz", true, d -> d.clockStart, (d, r) -> d.clockStart = r.getOffsetDateTime("clock_start")),
            col("due_at", "timestamptz", true, d -> d.dueAt, (d, r) -> d.dueAt = r.getOffsetDateTime("due_at")),
            col("paused_at", "timestamptz", true, d -> d.pausedAt, (d, r) -> d.pausedAt = r.getOffsetDateTime("paused_at")),
            col("minutes_left", "bigint", true, d -> d.minutesLeft, (d, r) -> d.minutesLeft = r.getLong("minutes_left")),
            col("current_step", "int", true, d -> d.currentStep, (d, r) -> d.currentStep = r.getInteger("current_step")),
            // The current step's code and holder, copied so that the work queue reads one table.
            col("step_code", "text", true, d -> d.current().map(s -> s.code).orElse(null), null),
            col("holder_name", "text", true, d -> d.current().map(s -> s.holderName).orElse(null), null),
            col("outcome", "text", true, d -> d.outcome, (d, r) -> d.outcome = r.getString("outcome")),
            col("closed_at", "timestamptz", true, d -> d.closedAt, (d, r) -> d.closedAt = r.getOffsetDateTime("closed_at")),
            col("delay_reason", "text", true, d -> d.delayReason, (d, r) -> d.delayReason = r.getString("delay_reason")),
            col("appointment_at", "timestamptz", true, d -> d.appointmentAt,
                    (d, r) -> d.appointmentAt = r.getOffsetDateTime("appointment_at")),
            col("idempotency_key", "text", false, d -> d.idempotencyKey, (d, r) -> d.idempotencyKey = r.getString("idempotency_key")),
            col("request_hash", "text", false, d -> d.requestHash, (d, r) -> d.requestHash = r.getString("request_hash")),
            col("version", "int", false, d -> d.version, (d, r) -> d.version = r.getInteger("version")),
            col("intake_office", "text", false, d -> d.intakeOffice, (d, r) -> d.intakeOffice = r.getString("intake_office")),
            col("delivery_office", "text", false, d -> d.deliveryOffice, (d, r) -> d.deliveryOffice = r.getString("delivery_office")),
            col("delivery_address", "text", false, d -> d.deliveryAddress,
                    (d, r) -> d.deliveryAddress = r.getString("delivery_address")),
            col("reuse_consent_at", "timestamptz", false, d -> d.reuseConsentAt,
                    (d, r) -> d.reuseConsentAt = r.getOffsetDateTime("reuse_consent_at")),
            col("reuse_consent_by", "text", false, d -> d.reuseConsentBy, (d, r) -> d.reuseConsentBy = r.getString("reuse_consent_by")));

    /** What a query selects from {@code dossier d}: every column {@link #map(Row)} reads. */
    static final String SELECT = COLUMNS.stream().filter(c -> c.read() != null).map(c -> "d." + c.name())
            .collect(Collectors.joining(", "));

    private static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));

    /** The columns as {@link ColumnArrays} sends them. */
    private static final List<ColumnArrays.Column> ARRAYS = COLUMNS.stream().map(c -> new ColumnArrays.Column(c.name(), c.type()))
            .toList();

    /** A new submission's arrays: its place in the group, the agency and day that number it, then {@link #ARRAYS}. */
    private static final List<ColumnArrays.Column> SUBMISSION_ARRAYS = Stream.concat(
            ColumnArrays.columns("i int", "agency text", "day date").stream(), ARRAYS.stream()).toList();

    /**
     * The receipt code's SQL: {@code {agency}-{yyMMdd}-{NNNN}} (four digits at least), the same format as
     * {@link ReceiptCode}'s Javadoc, from an agency code, a day and the counter's number.
     */
    static String receiptCode(String agency, String day, String number) {
        return agency + " || '-' || to_char(" + day + ", 'YYMMDD') || '-' || case when " + number + " < 10000 then lpad("
                + number + "::text, 4, '0') else " + number + "::text end";
    }

    /** {@link ReceiptCode#lookupKey} in SQL: upper case, letters and digits only. */
    static String lookupKey(String code) {
        return "upper(regexp_replace(" + code + ", '[^0-9A-Za-z]', '', 'g'))";
    }

    /**
     * New submissions, numbered and inserted in one statement, from the arrays of {@link #submissions}. Each
     * agency's counter row of the day gives the group consecutive numbers in arrival order ({@code i}); the rows are
     * taken in (tenant, day) order, so two groups never wait on each other in a cycle. The counter row stays locked
     * until the transaction ends, so two replicas never get the same number, and a rollback gives the numbers back.
     */
    static final String INSERT_SUBMITTED = """
            with b as (
                select x.i, x.agency, x.day, %s from %s
            ), n as (
                insert into receipt_counter as c (tenant_id, day, last_value)
                select received_by, day, count(*) from b group by received_by, day order by received_by, day
                on conflict (tenant_id, day) do update set last_value = c.last_value + excluded.last_value
                returning tenant_id, day, last_value
            ), numbered as (
                select b.*, n.last_value - count(*) over agency_day + row_number() over (agency_day order by b.i) as seq
                  from b join n on n.tenant_id = b.received_by and n.day = b.day
                window agency_day as (partition by b.received_by, b.day)
            ), code as (
                select numbered.*, %s as v from numbered
            )
            insert into dossier (%s)
            select %s from code
            returning id, receipt_code""".formatted(ColumnArrays.select(ARRAYS), ColumnArrays.from(SUBMISSION_ARRAYS, 1),
            receiptCode("agency", "day", "seq"), NAMES,
            COLUMNS.stream().map(c -> switch (c.name()) {
                case "receipt_code" -> "v";
                case "lookup_key" -> lookupKey("v");
                default -> c.name();
            }).collect(Collectors.joining(", ")));

    /** Dossiers whose receipt code is known (the parts of an interconnected one), from the arrays of {@link #rows}. */
    static final String INSERT = "insert into dossier (" + NAMES + ") select " + ColumnArrays.select(ARRAYS) + " from "
            + ColumnArrays.from(ARRAYS, 1);

    private static final List<Column> CHANGED = COLUMNS.stream().filter(Column::changes).toList();

    /** Writes back what commands change, guarded by the version: {@code $1} the id, the last parameter the version read. */
    static final String UPDATE = "update dossier set " + java.util.stream.IntStream.range(0, CHANGED.size())
            .mapToObj(i -> CHANGED.get(i).name() + " = $" + (i + 2)).collect(Collectors.joining(", "))
            + ", version = version + 1 where id = $1 and version = $" + (CHANGED.size() + 2);

    private DossierRows() {
    }

    private static Column col(String name, String type, boolean changes, Function<Dossier, Object> value,
            BiConsumer<Dossier, Row> read) {
        return new Column(name, type, changes, value, read);
    }

    /** The values of {@link #UPDATE}, in order. */
    static List<Object> updateValues(Dossier d) {
        List<Object> out = new ArrayList<>();
        out.add(d.id);
        CHANGED.forEach(c -> out.add(c.value().apply(d)));
        out.add(d.version);
        return out;
    }

    /**
     * The columns that are {@code not null} in the table and that the dossier itself must fill (the receipt code and
     * its look-up key may come from the numbering statement).
     */
    private static final Set<String> REQUIRED = Set.of("id", "received_by", "competent_tenant", "tenant_id", "tenants",
            "procedure_code", "procedure_version", "channel", "status", "submitted_by", "applicant_name", "return_channel", "form",
            "processing_days", "supplement_clock", "submitted_at", "clock_start", "due_at");

    /** {@link #INSERT}'s parameters: the dossiers' values, one array per column. */
    static Tuple rows(List<Dossier> dossiers) {
        return ColumnArrays.values(ARRAYS, dossiers.stream().map(DossierRows::values).toList());
    }

    /** {@link #INSERT_SUBMITTED}'s parameters: each new submission with its place in the group, agency and day. */
    static Tuple submissions(List<SubmissionWriter.Pending> group) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            SubmissionWriter.Pending p = group.get(i);
            Object[] values = values(p.dossier());
            Object[] row = new Object[values.length + 3];
            row[0] = i;
            row[1] = p.agencyCode();
            row[2] = p.day();
            System.arraycopy(values, 0, row, 3, values.length);
            rows.add(row);
        }
        return ColumnArrays.values(SUBMISSION_ARRAYS, rows);
    }

    /**
     * The dossier's values in {@link #COLUMNS}' order. A dossier missing a required value fails here, naming the
     * column, before any statement is sent.
     */
    private static Object[] values(Dossier d) {
        Object[] out = new Object[COLUMNS.size()];
        for (int i = 0; i < out.length; i++) {
            Column c = COLUMNS.get(i);
            Object value = c.value().apply(d);
            if (value == null && REQUIRED.contains(c.name())) {
                throw new NullPointerException("dossier " + d.id + ": " + c.name() + " is required");
            }
            out[i] = value;
        }
        return out;
    }

    /** The dossier a row of {@link #SELECT} holds, without its steps. */
    static Dossier map(Row r) {
        Dossier d = new Dossier();
        COLUMNS.stream().filter(c -> c.read() != null).forEach(c -> c.read().accept(d, r));
        return d;
    }

    /** A row of {@code dossier_step}. */
    static Dossier.Step mapStep(Row r) {
        Dossier.Step s = new Dossier.Step();
        s.seq = r.getInteger("seq");
        s.code = r.getString("code");
        s.role = r.getString("role");
        s.share = r.getBigDecimal("share");
        s.tenantId = r.getString("tenant_id");
        s.holderActor = r.getString("holder_actor");
        s.holderName = r.getString("holder_name");
        s.dueAt = r.getOffsetDateTime("due_at");
        s.startedAt = r.getOffsetDateTime("started_at");
        s.endedAt = r.getOffsetDateTime("ended_at");
        s.minutesLeft = r.getLong("minutes_left");
        return s;
    }
}
