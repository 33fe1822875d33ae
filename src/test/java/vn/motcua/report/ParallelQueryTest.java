package vn.motcua.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.report.store.ReportRows;
import vn.motcua.support.Demo;

/**
 * The service's connections plan without parallel workers (a parallel plan forked two workers for a queue's counts of
 * a few hundred rows: 15-18 ms instead of 0.4 ms at 1 M dossiers), and the reports' aggregate turns them back on for
 * its own transaction only.
 */
@QuarkusTest
class ParallelQueryTest {

    @Inject
    ScopedTransactions transactions;

    @Inject
    ReportRows rows;

    @Test
    void theServicesConnectionsPlanWithoutParallelWorkers() {
        assertEquals("0", await(transactions.onConnection(TenantScope.of(Demo.WARD), ParallelQueryTest::workers)));
    }

    @Test
    void theReportsAggregateUsesThemForItsOwnTransactionOnly() {
        String[] tenants = { Demo.WARD };
        LocalDate today = LocalDate.now();
        String during = await(transactions.onConnection(TenantScope.of(Demo.WARD),
                conn -> rows.figures(conn, tenants, tenants, today.minusYears(1), today).chain(() -> workers(conn))));
        assertEquals("2", during);
        assertEquals("0", await(transactions.onConnection(TenantScope.of(Demo.WARD), ParallelQueryTest::workers)), "after it");
    }

    private static Uni<String> workers(SqlConnection conn) {
        return conn.query("show max_parallel_workers_per_gather").execute().map(r -> r.iterator().next().getString(0));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }
}
