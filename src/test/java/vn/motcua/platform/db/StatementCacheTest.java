package vn.motcua.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.PoolOptions;

import vn.motcua.support.AppPools;

/**
 * A statement longer than the client's default limit (2,048 characters) stays prepared on the service's connections,
 * as the group writer's (4,225) must: PostgreSQL lists it among the session's prepared statements after it ran. The
 * same statement on a pool with the client's default limit is not kept, so the check tells the two apart.
 */
@QuarkusTest
class StatementCacheTest {

    /** A statement of about 3,000 characters, with a parameter, as the writer's are. */
    static final String LONG = "select $1::int + 1 as n /* " + "x".repeat(3000) + " */";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void theServicesPoolKeepsALongStatementPrepared() {
        assertEquals(1L, keptAfterRunning(pool), "the service's pool keeps a 3,000-character statement prepared");
    }

    @Test
    void aPoolWithTheClientsDefaultLimitDoesNot() {
        Pool plain = Pool.pool(vertx, AppPools.options().setCachePreparedStatements(true), new PoolOptions().setMaxSize(1));
        try {
            assertEquals(0L, keptAfterRunning(plain), "with the default limit the statement is parsed and planned each time");
        } finally {
            plain.closeAndAwait();
        }
    }

    /** Runs {@link #LONG} twice on one connection, then counts the session's prepared statements with its text. */
    private static long keptAfterRunning(Pool pool) {
        return pool.withConnection(conn -> conn.preparedQuery(LONG).execute(Tuple.of(1))
                .chain(() -> conn.preparedQuery(LONG).execute(Tuple.of(2)))
                .chain(() -> conn.preparedQuery("select count(*) as n from pg_prepared_statements where statement = $1")
                        .execute(Tuple.of(LONG)))
                .map(rows -> rows.iterator().next().getLong("n")))
                .await().atMost(Duration.ofSeconds(10));
    }
}
