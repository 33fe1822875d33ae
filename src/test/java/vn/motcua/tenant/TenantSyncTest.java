package vn.motcua.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.support.Demo;

/** Syncing the files into PostgreSQL: upserts, and tenants that leave are deactivated, never deleted. */
@QuarkusTest
class TenantSyncTest {

    @Inject
    TenantRepository repository;

    @Inject
    TenantDirectory directory;

    @Inject
    Pool pool;

    @AfterEach
    void restoreTheDemoCity() throws Throwable {
        TenantTree demo = TenantFiles.load(Path.of("tenants"));
        VertxContextSupport.subscribeAndAwait(() -> repository.sync(demo));
        // As the start does: the hours administrators set in the console stand over the files'.
        directory.publish(demo.withDeskHours(VertxContextSupport.subscribeAndAwait(repository::deskHoursOverrides)));
    }

    @Test
    void aMergedWardLeavesItsRowsAndItsAgencyCodeGoesToTheSuccessor() throws Throwable {
        TenantTree demo = TenantFiles.load(Path.of("tenants"));
        Tenant kimMa = demo.find(Demo.WARD_KIM_MA).orElseThrow();
        // Kim Mã merges into Ngọc Hà, which takes over Kim Mã's agency code.
        List<Tenant> merged = new ArrayList<>();
        for (Tenant t : demo.all()) {
            if (t.code().equals(kimMa.code())) {
                continue;
            }
            merged.add(t.code().equals(Demo.WARD_NGOC_HA)
                    ? new Tenant(t.code(), t.parentCode(), t.level(), t.depth(), t.name(), kimMa.agencyCode(), t.address(),
                            t.phone(), t.email(), t.deskHours(), t.ownDeskHours(), t.postalOffices(), t.source())
                    : t);
        }
        TenantTree after = new TenantTree(demo.levels(), merged, demo.postalOffices());
        assertEquals(39, VertxContextSupport.subscribeAndAwait(() -> repository.sync(after)));

        assertEquals(List.of("false"), column("select active::text from tenant where code = $1", kimMa.code()));
        assertEquals(List.of(kimMa.agencyCode()), column("select agency_code from tenant where code = $1", Demo.WARD_NGOC_HA));
        TenantTree reloaded = VertxContextSupport.subscribeAndAwait(repository::loadTree);
        assertEquals(39, reloaded.size());
        assertEquals(after.all().stream().toList(), reloaded.all().stream().toList());
    }

    @Test
    void aNewTreeDeactivatesTheOldAndTheOldComesBackWhole() throws Throwable {
        TenantTree twoLevels = TenantFiles.load(Path.of("src/test/resources/tenants-two-level"));
        VertxContextSupport.subscribeAndAwait(() -> repository.sync(twoLevels));
        assertEquals(List.of("0"), column("select count(*)::text from tenant where active and code like $1", "ba-dinh%"));
        assertEquals(List.of("4"), column("select count(*)::text from tenant where code like $1", "ba-dinh%"));

        TenantTree demo = TenantFiles.load(Path.of("tenants"));
        VertxContextSupport.subscribeAndAwait(() -> repository.sync(demo));
        assertEquals(List.of("4"), column("select count(*)::text from tenant where active and code like $1", "ba-dinh%"));
        assertEquals(List.of("0"), column("select count(*)::text from tenant where active and code like $1", "hue%"));
    }

    @Test
    void anUnchangedTreeIsNotWrittenAgain() throws Throwable {
        TenantTree demo = TenantFiles.load(Path.of("tenants"));
        VertxContextSupport.subscribeAndAwait(() -> repository.sync(demo));
        List<String> before = column("select max(updated_at)::text from tenant where code like $1", "%");
        assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> repository.sync(TenantFiles.load(Path.of("tenants")))),
                "the same files read again give the same digest");
        assertEquals(before, column("select max(updated_at)::text from tenant where code like $1", "%"));
    }

    private List<String> column(String sql, String arg) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(Tuple.of(arg))
                .map(rs -> {
                    List<String> out = new ArrayList<>();
                    rs.forEach(r -> out.add(r.getString(0)));
                    return out;
                }));
    }
}
