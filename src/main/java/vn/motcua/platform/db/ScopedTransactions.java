package vn.motcua.platform.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one place that opens a transaction on tenant-owned data, and the only code that sets the scope's settings. Its
 * first statement sets the transaction-local
 * {@code app.tenants}, {@code app.actor} and {@code app.offices} that the row-level security policies read; being transaction-local
 * ({@code set_config(..., true)}), they end with the transaction and can never leak to the next borrower of the
 * pooled connection.
 */
@ApplicationScoped
public class ScopedTransactions {

    /** Widens {@code app.tenants} inside an open transaction; see {@link #widen}. */
    static final String WIDEN = "select set_config('app.tenants', $1, true)";

    static final String SET_SCOPE = "select set_config('app.tenants', $1, true), set_config('app.actor', $2, true), "
            + "set_config('app.offices', $3, true)";

    private final Pool pool;

    ScopedTransactions(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} on one connection of the reactive pool, in a transaction that sees the scope. The
     * {@code BEGIN}, the scope and the work's first statements go in one pipelined batch, so the transaction costs
     * one round trip more than the work alone (its {@code COMMIT}), not three: a queue page is one batch and a commit.
     */
    public <T> Uni<T> onConnection(TenantScope scope, Function<SqlConnection, Uni<T>> work) {
        return onConnection(pool, scope, work);
    }

    /** As {@link #onConnection(TenantScope, Function)} on another pool (a second replica's, in tests). */
    public static <T> Uni<T> onConnection(Pool pool, TenantScope scope, Function<SqlConnection, Uni<T>> work) {
        // Not Pool.withTransaction: it waits for BEGIN's answer before sending anything else. The explicit BEGIN is
        // safe because the inner Uni is never cancelled by the caller (the pool runs it to its end through a
        // future), and every ending of it, value or failure, sends COMMIT or ROLLBACK before the connection goes
        // back to the pool. A connection that breaks on the way is closed by the pool, not reused.
        return pool.withConnection(conn -> {
            Uni<?> begin = conn.query("BEGIN").execute();
            Uni<?> set = conn.preparedQuery(SET_SCOPE).execute(Tuple.of(scope.asSetting(), scope.actorSetting(), scope.officesSetting()));
            Uni<T> rest = Uni.createFrom().deferred(() -> work.apply(conn));
            // All three are sent before any answer arrives (the client pipelines on one connection), in order.
            Uni<T> done = Uni.combine().all().unis(begin, set, rest).with((a, b, c) -> c);
            return done.onItemOrFailure().transformToUni((T value, Throwable failure) -> failure == null
                    ? conn.query("COMMIT").execute().replaceWith(value)
                    : conn.query("ROLLBACK").execute().onItemOrFailure().transformToUni((r, f) -> Uni.createFrom().<T>failure(failure)));
        });
    }

    /**
     * Widens the tenants of a transaction this class opened to {@code scope}'s, for the rest of it: an applicant or a
     * post office acting on a dossier their own scope only found, whose write must run in the dossier's tenants. Like
     * the scope itself, the setting ends with the transaction.
     */
    public static Uni<Void> widen(SqlConnection conn, TenantScope scope) {
        return conn.preparedQuery(WIDEN).execute(Tuple.of(scope.asSetting())).replaceWithVoid();
    }
}
