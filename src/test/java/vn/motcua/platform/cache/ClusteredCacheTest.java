package vn.motcua.platform.cache;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import vn.motcua.support.ClusteredProfile;
import vn.motcua.support.Demo;

/**
 * The clustered cache is the one a multi-replica deployment runs: JGroups over TCP, discovery through JDBC_PING2 on
 * the service's own database with the application role's rights, and read-mostly caches in invalidation mode.
 */
@QuarkusTest
@TestProfile(ClusteredProfile.class)
class ClusteredCacheTest {

    @Inject
    EmbeddedCacheManager caches;

    @Inject
    Pool pool;

    @Test
    void joinsAClusterFoundThroughTheDatabaseWithInvalidatingCaches() throws Throwable {
        assertEquals("motcua-test", caches.getClusterName());
        assertTrue(caches.getMembers().contains(caches.getAddress()), "a member of its own cluster");
        assertEquals(CacheMode.INVALIDATION_SYNC,
                caches.getCache(CacheManagerProducer.TENANTS).getCacheConfiguration().clustering().cacheMode());
        assertEquals(CacheMode.INVALIDATION_SYNC,
                caches.getCache(CacheManagerProducer.SETTINGS).getCacheConfiguration().clustering().cacheMode(),
                "tenants' settings are dropped on every replica when one changes them");
        assertEquals(CacheMode.DIST_SYNC,
                caches.getCache(CacheManagerProducer.LIMITS).getCacheConfiguration().clustering().cacheMode(),
                "the rate limits' counts are shared: each owned by one replica, counted through it by all");
        long registered = VertxContextSupport.subscribeAndAwait(() -> pool
                .query("select count(*) from jgroups where cluster = 'motcua-test'").execute()
                .map(rs -> rs.iterator().next().getLong(0)));
        assertTrue(registered >= 1, "JDBC_PING2 registered this member with the application role");
        given().get("/api/tenants/ba-dinh").then().statusCode(200).body("code", equalTo(Demo.DISTRICT));
    }
}
