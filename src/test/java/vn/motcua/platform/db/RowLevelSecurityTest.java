package vn.motcua.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.audit.AuditService;
import vn.motcua.identity.Actor;

import vn.motcua.support.AppPools;
import vn.motcua.support.Demo;

/**
 * The second wall: PostgreSQL's row-level security, fed by {@link ScopedTransactions}. A query without any tenant
 * filter sees only the transaction's tenants, and the scope never outlives its transaction on a pooled connection.
 */
@QuarkusTest
class RowLevelSecurityTest {

    static final String WARD_A = Demo.WARD;
    static final String WARD_B = Demo.OTHER_WARD;

    @Inject
    ScopedTransactions transactions;

    @Inject
    AuditService audit;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    static final Actor TESTER = new Actor(Actor.Realm.STAFF, "rls-test", "rls.test", "RLS test", Set.of(), Set.of(), Set.of());

    @BeforeEach
    void seedBothWards() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> audit.record(TESTER, WARD_A, "rls.seed", "a", null)
                .chain(() -> audit.record(TESTER, WARD_B, "rls.seed", "b", null)));
    }

    @Test
    void theServiceRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws Throwable {
        assertEquals(List.of("false,false"), strings(pool, "select rolsuper || ',' || rolbypassrls from pg_roles where rolname = current_user"));
        assertEquals(List.of("0"), strings(pool, "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user"));
        assertEquals(List.of("true,true"), strings(pool,
                "select relrowsecurity || ',' || relforcerowsecurity from pg_class where relname = 'audit_event'"));
    }

    @Test
    void aQueryWithNoTenantFilterSeesOnlyTheTransactionsTenants() throws Throwable {
        List<String> seen = VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(TenantScope.of(WARD_A), c -> rows(c, "select tenant_id from audit_event")));
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().allMatch(WARD_A::equals), "only ward A: " + seen);

        List<String> both = VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(TenantScope.of(WARD_A, WARD_B), c -> rows(c, "select distinct tenant_id from audit_event order by 1")));
        assertEquals(List.of(WARD_A, WARD_B), both);

        List<String> none = VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(TenantScope.none(), c -> rows(c, "select tenant_id from audit_event")));
        assertEquals(List.of(), none);
    }

    @Test
    void outsideAScopedTransactionNothingIsVisible() throws Throwable {
        assertEquals(List.of("0"), strings(pool, "select count(*) from audit_event"));
    }

    @Test
    void theScopeNeverLeaksToTheNextBorrowerOfAPooledConnection() throws Throwable {
        // One connection only: whatever the next statement sees, it sees on the same physical connection.
        Pool single = AppPools.open(vertx, 1);
        try {
            String pid = strings(single, "select pg_backend_pid()::text").get(0);
            assertEquals(List.of("1"), VertxContextSupport.subscribeAndAwait(() -> single.withTransaction(c -> c
                    .preparedQuery("select set_config('app.tenants', $1, true)").execute(Tuple.of(WARD_A))
                    .chain(() -> c.query("select count(*) > 0 from audit_event").execute())
                    .map(rs -> List.of(rs.iterator().next().getBoolean(0) ? "1" : "0")))));
            assertEquals(List.of(pid), strings(single, "select pg_backend_pid()::text"), "the same connection");
            assertEquals(List.of(""), strings(single, "select coalesce(current_setting('app.tenants', true), '')"));
            assertEquals(List.of("0"), strings(single, "select count(*) from audit_event"));

            // Nor after a transaction that fails.
            assertThrows(Exception.class, () -> VertxContextSupport.subscribeAndAwait(() -> single.withTransaction(c -> c
                    .preparedQuery("select set_config('app.tenants', $1, true)").execute(Tuple.of(WARD_A))
                    .chain(() -> c.query("select 1 / 0").execute()))));
            assertEquals(List.of(pid), strings(single, "select pg_backend_pid()::text"));
            assertEquals(List.of("0"), strings(single, "select count(*) from audit_event"));
        } finally {
            VertxContextSupport.subscribeAndAwait(single::close);
        }
    }

    @Test
    void rowsCannotBeWrittenIntoATenantOutsideTheScope() {
        Exception e = assertThrows(Exception.class, () -> VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(
                TenantScope.of(WARD_A), c -> c.query(
                        "insert into audit_event (tenant_id, actor_realm, actor_subject, action) values ('" + WARD_B + "', 'staff', 'x', 'sneak')")
                        .execute())));
        assertTrue(messages(e).contains("row-level security"), messages(e));
    }

    @Test
    void theAuditLogIsAppendOnlyForTheService() {
        for (String sql : List.of("update audit_event set action = 'changed'", "delete from audit_event")) {
            Exception e = assertThrows(Exception.class, () -> VertxContextSupport.subscribeAndAwait(() -> transactions.onConnection(
                    TenantScope.of(WARD_A), c -> c.query(sql).execute())));
            assertTrue(messages(e).contains("permission denied"), messages(e));
        }
    }

    @Test
    void aScopeCannotSmuggleSqlOrSeparators() {
        assertThrows(IllegalArgumentException.class, () -> TenantScope.of("a,b"));
        assertThrows(IllegalArgumentException.class, () -> TenantScope.of("x'; drop table tenant; --"));
    }

    private static io.smallrye.mutiny.Uni<List<String>> rows(SqlClient client, String sql) {
        return client.query(sql).execute().map(rs -> {
            List<String> out = new ArrayList<>();
            rs.forEach(r -> out.add(String.valueOf(r.getValue(0))));
            return out;
        });
    }

    private static List<String> strings(SqlClient client, String sql) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> client.query(sql).execute().map(rs -> {
            List<String> out = new ArrayList<>();
            rs.forEach(r -> out.add(String.valueOf(r.getValue(0))));
            return out;
        }));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

}
