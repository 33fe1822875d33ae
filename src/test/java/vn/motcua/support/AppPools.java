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
        return Pool.pool(vertx, options(), new PoolOptions().setMaxSize(maxSize));
    }

    /** How the service's role connects to the test's database. */
    public static PgConnectOptions options() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.reactive.url", String.class);
        return PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
    }
}
