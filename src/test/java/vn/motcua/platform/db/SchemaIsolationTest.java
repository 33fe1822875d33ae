package vn.motcua.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Every table of the schema, read from PostgreSQL's catalog rather than from a list kept by hand: a table added by a
 * future migration without row-level security fails here unless it is declared shared reference data, with the
 * reason why it holds no tenant's or citizen's data.
 */
@QuarkusTest
class SchemaIsolationTest {

    /** Tables every tenant may read: the tree, the offices and the infrastructure. Nothing personal, nothing owned. */
    static final Map<String, String> SHARED = Map.of(
            "tenant_level", "the levels of the public tenant tree",
            "tenant", "the public tenant tree (names, addresses, desk hours)",
            "postal_office", "the public list of post offices",
            "tenant_sync", "the digest of the tree last written",
            "report_refresh", "how far the report's refresh has read the history (one row, a number)",
            "jgroups", "cluster membership of the service's replicas",
            "flyway_schema_history", "the migrations applied");

    /** Tables whose rows, once written, are history: the service may add and read them, never change or remove. */
    static final List<String> APPEND_ONLY = List.of("audit_event", "dossier_event", "dossier_rating", "document_exemption");

    @Inject
    Pool pool;

    @Test
    void everyTableThatIsNotSharedReferenceDataHasForcedRowLevelSecurityAndAPolicy() throws Throwable {
        List<Row> tables = rows("""
                select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                       (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p')
                 order by 1""");
        assertTrue(tables.size() >= 12, "the catalog lists the schema's tables: " + tables.size());
        Map<String, String> unprotected = new TreeMap<>();
        for (Row t : tables) {
            String name = t.getString("name");
            if (SHARED.containsKey(name)) {
                continue;
            }
            if (!t.getBoolean("rls") || !t.getBoolean("forced") || t.getLong("policies") == 0) {
                unprotected.put(name, "rls=" + t.getBoolean("rls") + " forced=" + t.getBoolean("forced") + " policies=" + t.getLong("policies"));
            }
        }
        assertEquals(Map.of(), unprotected, "tables holding tenant data without row-level security");
        List<String> names = tables.stream().map(r -> r.getString("name")).toList();
        List<String> stale = SHARED.keySet().stream().filter(s -> !names.contains(s) && !s.equals("flyway_schema_history")).toList();
        assertEquals(List.of(), stale, "shared tables that no longer exist");
    }

    @Test
    void sharedTablesCarryNoColumnThatWouldMakeThemTenantOrPersonalData() throws Throwable {
        List<Row> columns = rows("""
                select c.relname as name, a.attname as col
                  from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
                   and a.attname in ('tenant_id', 'tenants', 'dossier_id', 'submitted_by', 'applicant_actor', 'actor_subject')
                 order by 1, 2""");
        List<String> leaks = new ArrayList<>();
        for (Row r : columns) {
            if (SHARED.containsKey(r.getString("name"))) {
                leaks.add(r.getString("name") + "." + r.getString("col"));
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(columns.size() >= 8, "tenant-owned columns found: " + columns.size());
    }

    /**
     * Tables that are not tenant data but a person's own scratch, deleted at their request and pruned (a citizen's
     * drafts and the papers staged in them: keeping what they abandoned would be keeping personal data without a
     * purpose). Row-level security still limits each row to its owner ({@link #ownersScratchIsItsOwnersAlone}), which
     * {@code DraftsTest} and {@code DraftPapersTest} check with rows.
     */
    static final java.util.Set<String> OWNERS_SCRATCH = java.util.Set.of("dossier_draft", "draft_attachment");

    @Test
    void theServiceMayNeverRewriteHistoryNorDeleteTenantData() throws Throwable {
        List<String> granted = new ArrayList<>();
        for (String table : APPEND_ONLY) {
            for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE")) {
                if (bool("select has_table_privilege(current_user, '" + table + "', '" + privilege + "')")) {
                    granted.add(table + ":" + privilege);
                }
            }
        }
        for (Row t : rows("""
                select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity""")) {
            String table = t.getString("name");
            if (OWNERS_SCRATCH.contains(table)) {
                continue;
            }
            if (bool("select has_table_privilege(current_user, '" + table + "', 'DELETE')")
                    || bool("select has_table_privilege(current_user, '" + table + "', 'TRUNCATE')")) {
                granted.add(table + ":DELETE/TRUNCATE");
            }
        }
        assertEquals(List.of(), granted, "privileges the service role must not hold");
        // And a trigger refuses changes to history from anyone, the owner included.
        for (String table : APPEND_ONLY) {
            assertTrue(bool("select exists (select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                    + " where c.relname = '" + table + "' and not t.tgisinternal)"), table + " has no append-only trigger");
        }
        assertTrue(bool("select has_table_privilege(current_user, 'audit_event', 'INSERT')"), "it may append");
    }

    /**
     * Each table of {@link #OWNERS_SCRATCH} (the one exception to "the service never deletes") is its owner's alone:
     * every policy on it, for reading and for writing, compares the row's owner with the acting person.
     */
    @Test
    void ownersScratchIsItsOwnersAlone() throws Throwable {
        List<String> loose = new ArrayList<>();
        for (String table : OWNERS_SCRATCH) {
            List<Row> policies = rows("select policyname, coalesce(qual, '') as qual, coalesce(with_check, '') as check"
                    + " from pg_policies where schemaname = 'public' and tablename = '" + table + "'");
            if (policies.isEmpty()) {
                loose.add(table + ": no policy");
            }
            for (Row p : policies) {
                for (String expr : List.of(p.getString("qual"), p.getString("check"))) {
                    if (!expr.replaceAll("\\s+", " ").contains("owner = ( SELECT app_actor()")) {
                        loose.add(table + "." + p.getString("policyname") + ": " + expr);
                    }
                }
            }
        }
        assertEquals(List.of(), loose, "owners' scratch not limited to its owner");
    }

    /**
     * A policy that calls a scope function bare re-runs it, parsing the setting again, for every row it checks; through
     * a sub-select PostgreSQL runs it once per statement. The difference took a ward's queue from 53 ms to 0.1 ms
     * (migration V6), so a policy written the slow way fails here.
     */
    @Test
    void policiesReadTheScopeOncePerStatement() throws Throwable {
        Pattern call = Pattern.compile("(SELECT\\s+)?(app_tenants|app_actor|app_offices)\\(\\)");
        List<String> perRow = new ArrayList<>();
        int calls = 0;
        for (Row p : rows("select tablename || '.' || policyname as name, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr"
                + " from pg_policies where schemaname = 'public'")) {
            Matcher m = call.matcher(p.getString("expr"));
            while (m.find()) {
                calls++;
                if (m.group(1) == null) {
                    perRow.add(p.getString("name") + ": " + m.group(2));
                }
            }
        }
        assertTrue(calls >= 8, "policies reading the scope found: " + calls);
        assertEquals(List.of(), perRow, "policies calling a scope function once per row");
    }

    private List<Row> rows(String sql) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.query(sql).execute().map(rs -> {
            List<Row> out = new ArrayList<>();
            rs.forEach(out::add);
            return out;
        }));
    }

    private boolean bool(String sql) throws Throwable {
        return rows(sql).get(0).getBoolean(0);
    }
}
