package vn.motcua.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.vertx.VertxContextSupport;
import vn.motcua.report.usecase.RefreshReports;

/**
 * The report's fixture (see {@link ReportsTest} for its timelines and the figures computed by hand): written once per
 * database by the schema's owner with its timestamps, then read through the refresh.
 */
public final class ReportFixture {

    public static final String DISTRICT = "long-bien";
    public static final String BO_DE = "long-bien-bo-de";
    public static final String NGOC_THUY = "long-bien-ngoc-thuy";
    public static final String GIA_THUY = "long-bien-gia-thuy";
    public static final String FROM = "2026-01-01";
    public static final String TO = "2026-02-28";
    static final String CITIZEN = "citizens:report-fixture";

    private ReportFixture() {
    }

    /** Writes the fixture unless it is there, and refreshes the report rows up to now. */
    public static void ensure(RefreshReports refresh) throws Throwable {
        ensure(refresh, "A", java.util.List.of(BO_DE, NGOC_THUY, DISTRICT), ReportFixture::write);
    }

    /** What writes a fixture's rows, on the owner's connection. */
    interface Writer {
        void write(Connection c) throws SQLException;
    }

    /**
     * Writes a fixture unless its dossier {@code marker} is there, in the scope of {@code tenants}, then refreshes the
     * report rows up to now.
     */
    static void ensure(RefreshReports refresh, String marker, java.util.List<String> tenants, Writer writer) throws Throwable {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select set_config('app.tenants', '" + String.join(",", tenants) + "', true), "
                        + "set_config('app.actor', '" + CITIZEN + "', true)");
                var rs = s.executeQuery("select 1 from dossier where receipt_code = 'RPT-FIXTURE-" + marker + "'");
                if (!rs.next()) {
                    writer.write(c);
                }
            }
            c.commit();
        }
        // Read the history up to now: the job of this replica may hold the watermark a moment.
        for (int i = 0; i < 200; i++) {
            Integer n = VertxContextSupport.subscribeAndAwait(() -> refresh.runOnce(5000, Duration.ZERO));
            if (n == 0) {
                return;
            }
            if (n < 0) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the refresh did not catch up");
    }

    /**
     * The two-level fixture (province › commune, since July 2025), for the roll-up commune → province; figures by hand
     * in {@code TwoLevelReportTest}. Times inside one morning session, so that the working minutes do not depend on the
     * sessions' start.
     */
    public static void ensureTwoLevel(RefreshReports refresh) throws Throwable {
        ensure(refresh, "H1", java.util.List.of("hue", "hue-thuan-hoa", "hue-phu-xuan", "hue-kim-long"), c -> {
            dossier(c, "H1", null, "hue-thuan-hoa", "online-full", 0, "2026-03-02T08:00", "2026-03-04T17:00", "2026-03-02T10:00", "approved", false);
            event(c, "H1", "submit", null, "submitted", "2026-03-02T08:00");
            event(c, "H1", "return", "result-ready", "returned", "2026-03-02T10:00");
            dossier(c, "H2", null, "hue-thuan-hoa", "counter", 0, "2026-03-03T08:00", "2026-03-03T09:00", "2026-03-03T11:00", "approved", false);
            event(c, "H2", "submit", null, "submitted", "2026-03-03T08:00");
            event(c, "H2", "receive", "submitted", "received", "2026-03-03T08:05");
            event(c, "H2", "return", "result-ready", "returned", "2026-03-03T11:00");
            dossier(c, "H3", null, "hue-phu-xuan", "online-partial", 0, "2026-03-04T08:00", "2026-03-04T17:00", "2026-03-04T09:00", "approved", false);
            event(c, "H3", "submit", null, "submitted", "2026-03-04T08:00");
            event(c, "H3", "return", "result-ready", "returned", "2026-03-04T09:00");
            dossier(c, "H4", null, "hue-phu-xuan", "counter", 0, "2026-03-05T08:00", "2026-03-10T17:00", "2026-03-05T08:30", "refused", false);
            event(c, "H4", "submit", null, "submitted", "2026-03-05T08:00");
            event(c, "H4", "refuse", "submitted", "refused", "2026-03-05T08:30");
        });
    }

    static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + ":00+07:00");
    }

    private static void write(Connection c) throws SQLException {
        dossier(c, "A", null, BO_DE, "online-full", 50_000, "2026-01-05T08:00", "2026-01-08T17:00", "2026-01-07T10:00", "approved", true);
        event(c, "A", "submit", null, "submitted", "2026-01-05T08:00");
        event(c, "A", "receive", "submitted", "received", "2026-01-05T08:30");
        step(c, "A", 1, "receive", BO_DE, "Lê Văn Nhận", "2026-01-05T17:00", "2026-01-05T08:30");
        event(c, "A", "return", "result-ready", "returned", "2026-01-07T10:00");
        rating(c, "A", 4, "2026-01-07T11:00");

        payment(c, "A", "A1", "gateway", 50_000, "paid", "2026-01-05T08:10");

        dossier(c, "B", null, BO_DE, "counter", 20_000, "2026-01-05T09:00", "2026-01-08T17:00", "2026-01-08T16:00", "approved", false);
        event(c, "B", "submit", null, "submitted", "2026-01-05T09:00");
        event(c, "B", "receive", "submitted", "received", "2026-01-05T09:10");
        event(c, "B", "return", "result-ready", "returned", "2026-01-08T16:00");
        rating(c, "B", 2, "2026-01-08T16:30");
        payment(c, "B", "B1", "cash", 20_000, "paid", "2026-01-05T09:05");

        dossier(c, "C", null, BO_DE, "online-partial", 0, "2026-02-10T08:00", "2026-02-27T17:00", "2026-02-26T10:00", "approved", false);
        event(c, "C", "submit", null, "submitted", "2026-02-10T08:00");
        event(c, "C", "receive", "submitted", "received", "2026-02-10T08:05");
        event(c, "C", "request-supplement", "in-progress", "supplement-requested", "2026-02-12T09:00");
        event(c, "C", "supplement", "supplement-requested", "in-progress", "2026-02-25T09:00");
        event(c, "C", "return", "result-ready", "returned", "2026-02-26T10:00");

        dossier(c, "D", null, BO_DE, "online-full", 100_000, "2026-01-12T08:00", "2026-01-23T17:00", "2026-01-20T10:00", "approved", false);
        event(c, "D", "submit", null, "submitted", "2026-01-12T08:00");
        event(c, "D", "request-supplement", "in-progress", "supplement-requested", "2026-01-13T08:00");
        event(c, "D", "supplement", "supplement-requested", "in-progress", "2026-01-14T08:00");
        event(c, "D", "request-supplement", "in-progress", "supplement-requested", "2026-01-15T08:00");
        event(c, "D", "supplement", "supplement-requested", "in-progress", "2026-01-16T08:00");
        event(c, "D", "return", "result-ready", "returned", "2026-01-20T10:00");
        // Submitted wholly online, but the gateway refused the card: paid at the desk instead, not online.
        payment(c, "D", "D1", "gateway", 100_000, "failed", "2026-01-12T08:05");
        payment(c, "D", "D2", "cash", 100_000, "paid", "2026-01-12T09:00");

        dossier(c, "E", null, BO_DE, "online-full", 0, "2026-01-19T08:00", "2026-01-21T17:00", "2026-01-22T08:00", "approved", false);
        event(c, "E", "submit", null, "submitted", "2026-01-19T08:00");
        step(c, "E", 2, "process", BO_DE, "Lê Văn Trễ", "2026-01-20T17:00", "2026-01-21T09:00");
        event(c, "E", "return", "result-ready", "returned", "2026-01-22T08:00");

        dossier(c, "F", null, BO_DE, "counter", 0, "2026-01-26T09:00", "2026-01-29T17:00", "2026-01-26T10:00", "refused", false);
        event(c, "F", "submit", null, "submitted", "2026-01-26T09:00");
        event(c, "F", "refuse", "submitted", "refused", "2026-01-26T10:00");

        dossier(c, "G", null, NGOC_THUY, "online-full", 0, "2026-02-02T08:00", "2026-02-06T17:00", "2026-02-05T16:00", "approved", false);
        event(c, "G", "submit", null, "submitted", "2026-02-02T08:00");
        dossier(c, "G1", "G", NGOC_THUY, "online-full", 0, "2026-02-02T08:00", "2026-02-05T17:00", "2026-02-05T12:00", "approved", false);
        event(c, "G1", "part-created", null, "received", "2026-02-02T08:00");
        step(c, "G1", 1, "process", NGOC_THUY, "Nguyễn Văn Hộ", "2026-02-03T17:00", "2026-02-04T10:00");
        dossier(c, "G2", "G", NGOC_THUY, "online-full", 0, "2026-02-02T08:00", "2026-02-05T17:00", "2026-02-05T14:00", "approved", false);
        event(c, "G2", "part-created", null, "received", "2026-02-02T08:00");
        event(c, "G2", "forward", "received", "forwarded", "2026-02-02T09:00");
        step(c, "G2", 1, "process", DISTRICT, "Trần Thị Tịch", "2026-02-05T17:00", "2026-02-05T14:00");
        event(c, "G", "return", "result-ready", "returned", "2026-02-05T16:00");
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("report-fixture-" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static void dossier(Connection c, String name, String parent, String tenant, String channel, long fee, String start, String due,
            String closed, String outcome, boolean consent) throws SQLException {
        // The forwarded part is held by the district now; every holder keeps seeing it.
        boolean forwarded = "G2".equals(name);
        String holder = forwarded ? DISTRICT : tenant;
        String[] tenants = forwarded ? new String[] { tenant, DISTRICT } : new String[] { tenant };
        try (PreparedStatement p = c.prepareStatement("""
                insert into dossier (id, receipt_code, lookup_key, parent_id, part_index, received_by, tenant_id, tenants, competent_tenant,
                    procedure_code, procedure_version, channel, status, submitted_by, applicant_actor, applicant_name, return_channel, form,
                    fee, processing_days, supplement_clock, submitted_at, clock_start, due_at, closed_at, outcome, reuse_consent_at, reuse_consent_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, '1.000656', '2025-07-01', ?, ?, ?, ?, 'Nguyễn Thị Mẫu', 'counter', '{}'::jsonb,
                    ?, 3, 'pause', ?, ?, ?, ?, ?, ?, ?)""")) {
            OffsetDateTime s = at(start);
            p.setObject(1, id(name));
            p.setString(2, "RPT-FIXTURE-" + name);
            p.setString(3, "RPTFIXTURE" + name);
            p.setObject(4, parent == null ? null : id(parent));
            p.setObject(5, parent == null ? null : Integer.valueOf(name.substring(1)));
            p.setString(6, tenant);
            p.setString(7, holder);
            p.setArray(8, c.createArrayOf("text", tenants));
            p.setString(9, holder);
            p.setString(10, channel);
            p.setString(11, "refused".equals(outcome) ? "refused" : "returned");
            p.setString(12, CITIZEN);
            p.setString(13, CITIZEN);
            p.setLong(14, fee);
            p.setObject(15, s);
            p.setObject(16, s);
            p.setObject(17, at(due));
            p.setObject(18, at(closed));
            p.setString(19, outcome);
            p.setObject(20, consent ? s : null);
            p.setString(21, consent ? CITIZEN : null);
            p.executeUpdate();
        }
    }

    /** A payment of dossier {@code name}'s fee (V16), in the state it ended in. */
    private static void payment(Connection c, String name, String ref, String method, long amount, String state, String when)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                insert into payment (id, tenant_id, dossier_id, receipt_code, txn_ref, method, channel, amount, state, e_receipt_no, paid_at,
                                     created_by, created_at, updated_at)
                select ?, tenant_id, id, receipt_code, ?, ?, channel, ?, ?, ?::text, ?::timestamptz, 'staff:fixture', ?, ? from dossier where id = ?""")) {
            OffsetDateTime at = at(when);
            boolean paid = "paid".equals(state);
            p.setObject(1, id("payment-" + ref));
            p.setString(2, "RPTFIXTURE" + ref);
            p.setString(3, method);
            p.setLong(4, amount);
            p.setString(5, state);
            p.setString(6, paid ? "BL2026-FIX" + ref : null);
            p.setObject(7, paid ? at : null);
            p.setObject(8, at);
            p.setObject(9, at);
            p.setObject(10, id(name));
            assertEquals(1, p.executeUpdate());
        }
    }

    private static void event(Connection c, String name, String action, String from, String to, String when) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into dossier_event (dossier_id, tenant_id, occurred_at, actor, action, from_status, "
                + "to_status) select id, tenant_id, ?, 'staff:fixture', ?, ?, ? from dossier where id = ?")) {
            p.setObject(1, at(when));
            p.setString(2, action);
            p.setString(3, from);
            p.setString(4, to);
            p.setObject(5, id(name));
            assertEquals(1, p.executeUpdate());
        }
    }

    private static void step(Connection c, String name, int seq, String code, String tenant, String holder, String due, String ended)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into dossier_step (dossier_id, seq, code, role, share, tenant_id, holder_name, "
                + "due_at, started_at, ended_at) values (?, ?, ?, 'processor', 0.5, ?, ?, ?, ?, ?)")) {
            p.setObject(1, id(name));
            p.setInt(2, seq);
            p.setString(3, code);
            p.setString(4, tenant);
            p.setString(5, holder);
            p.setObject(6, at(due));
            p.setObject(7, at(due).minusDays(1));
            p.setObject(8, at(ended));
            p.executeUpdate();
        }
    }

    private static void rating(Connection c, String name, int score, String when) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into dossier_rating (dossier_id, tenant_id, score, rated_by, rated_at) "
                + "select id, tenant_id, ?, ?, ? from dossier where id = ?")) {
            p.setInt(1, score);
            p.setString(2, CITIZEN);
            p.setObject(3, at(when));
            p.setObject(4, id(name));
            assertEquals(1, p.executeUpdate());
        }
        event(c, name, "rate", "returned", "returned", when);
    }

}
