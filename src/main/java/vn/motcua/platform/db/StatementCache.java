package vn.motcua.platform.db;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;

/**
 * The reactive pool as Quarkus configures it, with one change: statements up to {@value #SQL_LIMIT} characters are kept
 * prepared on each connection ({@code quarkus.datasource.reactive.cache-prepared-statements}), not only those under the
 * client's default of 2,048. Longer statements were parsed and planned by PostgreSQL on every execution, and the longest
 * is the one that numbers and writes a group of submissions (4,225 characters, {@code DossierRows.INSERT_SUBMITTED}):
 * pg_stat_statements with track_planning counted one plan per execution, 1.46 ms of planning per group against 6.3 ms
 * of running it (924 groups, 2026-12-03, docs/benchmarks.md). Quarkus has no setting for the limit; a {@link PgPoolCreator}
 * is its way of adjusting the options it built.
 */
@Singleton
public class StatementCache implements PgPoolCreator {

    /**
     * The longest statement, in characters, that a connection keeps prepared: well above the longest this service sends,
     * so that a few columns more do not silently drop it out of the cache (the group writer's tests check its statements
     * against it).
     */
    public static final int SQL_LIMIT = 16384;

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setPreparedStatementCacheSqlLimit(SQL_LIMIT);
        }
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
