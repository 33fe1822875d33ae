package vn.motcua.platform.db;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place that opens a transaction on tenant-owned data. Its first statement sets the transaction-local
 * {@code app.tenants} that the row-level security policies read; being transaction-local ({@code set_config(..., true)}),
 * it ends with the transaction and can never leak to the next borrower of the pooled connection.
 */
@ApplicationScoped
public class ScopedTransactions {

    /** Runs {@code work} in a transaction that sees the tenants of {@code scope} and no others. */
    public <T> Uni<T> inTransaction(TenantScope scope, Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select set_config('app.tenants', :tenants, true)")
                        .setParameter("tenants", scope.asSetting())
                        .getSingleResult())
                .chain(ignored -> work.get()));
    }
}
