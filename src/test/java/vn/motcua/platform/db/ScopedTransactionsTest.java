package vn.motcua.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;

import vn.motcua.support.AppPools;
import vn.motcua.support.Demo;

/**
 * The transaction is begun in the same pipelined batch as the work, so the helper itself must end it. On a pool of
 * one connection, whatever the work does — succeed, fail in PostgreSQL, fail in Java after writing — the next
 * borrower gets a connection outside any transaction, without the previous scope, and sees only what was committed.
 */
@QuarkusTest
class ScopedTransactionsTest {

    @Inject
    Vertx vertx;

    Pool one;

    @BeforeEach
    void onePool() {
        one = AppPools.open(vertx, 1);
    }

    @AfterEach
    void close() {
        one.closeAndAwait();
    }

    @Test
    void everyEndingLeavesTheConnectionCleanAndOnlyCommittedWorkVisible() {
        String tenant = Demo.WARD_KIM_MA;
        // Committed: the value comes back and the work stays.
        String seen = ScopedTransactions.onConnection(one, TenantScope.of(tenant), conn -> conn
                .query("select current_setting('app.tenants', true) as t").execute()
                .map(rows -> rows.iterator().next().getString("t"))).await().atMost(Duration.ofSeconds(10));
        assertEquals(tenant, seen, "the scope is set before the work's first statement runs");
        assertClean();

        // A failure in PostgreSQL (the statement after it must not run on the aborted transaction's connection).
        PgException refused = assertThrows(PgException.class, () -> ScopedTransactions.onConnection(one, TenantScope.of(tenant),
                conn -> conn.query("select 1 / 0").execute()).await().atMost(Duration.ofSeconds(10)));
        assertEquals("22012", refused.getSqlState());
        assertClean();

        // A failure in Java after a write: the write is rolled back.
        assertThrows(IllegalStateException.class, () -> ScopedTransactions.onConnection(one, TenantScope.of(tenant),
                conn -> conn.query("create temporary table scoped_probe (x int)").execute()
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("after the write"))))
                .await().atMost(Duration.ofSeconds(10)));
        assertClean();
        Row probe = one.query("select to_regclass('pg_temp.scoped_probe') as t").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next();
        assertNull(probe.getValue("t"), "the failed transaction's table is gone");

        // A failure thrown while building the work, before any statement of its own.
        assertThrows(IllegalArgumentException.class, () -> ScopedTransactions.onConnection(one, TenantScope.of(tenant),
                conn -> { throw new IllegalArgumentException("no work"); }).await().atMost(Duration.ofSeconds(10)));
        assertClean();
    }

    /** The pool's only connection: outside any transaction and without a scope. */
    private void assertClean() {
        Row row = one.query("select current_setting('app.tenants', true) as t, now() = statement_timestamp() as fresh")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("", row.getString("t") == null ? "" : row.getString("t"), "no scope left behind");
        assertEquals(Boolean.TRUE, row.getBoolean("fresh"), "not inside a transaction left open");
    }
}
