package vn.motcua.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import vn.motcua.platform.cache.CacheManagerProducer;

/** The cache is not the truth: once invalidated (as another replica's sync does) the tree is rebuilt from PostgreSQL. */
@QuarkusTest
class TenantCacheTest {

    @Inject
    EmbeddedCacheManager caches;

    @Inject
    TenantDirectory directory;

    @Test
    void rebuildsTheTreeFromTheDatabaseAfterInvalidation() throws Throwable {
        TenantTree fromFiles = TenantFiles.load(Path.of("tenants"));
        TenantTree cached = VertxContextSupport.subscribeAndAwait(directory::tree);
        caches.getCache(CacheManagerProducer.TENANTS).remove("tree");
        assertNull(caches.getCache(CacheManagerProducer.TENANTS).get("tree"));

        TenantTree reloaded = VertxContextSupport.subscribeAndAwait(directory::tree);
        assertNotSame(cached, reloaded);
        assertEquals(fromFiles.all().stream().toList(), reloaded.all().stream().map(t -> t).toList(),
                "the database holds exactly the tenants of the files");
        assertEquals(fromFiles.levels(), reloaded.levels());
        assertEquals(fromFiles.postalOffices().stream().toList(), reloaded.postalOffices().stream().toList());
        assertEquals(reloaded, VertxContextSupport.subscribeAndAwait(directory::tree), "and cached again");
    }
}
