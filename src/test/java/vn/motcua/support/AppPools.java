package vn.motcua.support;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A connection pool of its own, as the service's database role, on the test's database: what another replica would
 * have, sharing nothing in the JVM with the service's pool. The caller closes it.
 */
public final class AppPools {

    private AppPools() {
    }

    public static Pool open(Vertx vertx, int maxSize) {
        Config config = ConfigProvider.getConfig();
        return Pool.pool(vertx, PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class)), new PoolOptions().setMaxSize(maxSize));
    }
}
