package vn.motcua.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import vn.motcua.platform.cache.CacheManagerProducer;
import vn.motcua.support.LocalCaches;

/**
 * The tenant tree's reload races, replayed step by step on a real (local) Infinispan cache, with loads the test
 * completes by hand in the order that used to lose a change: a reload begun before a commit and ending after it, and
 * the start's tree arriving once the cache is up after a change was made. In each, the newer tree wins.
 */
class TenantDirectoryRaceTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    DefaultCacheManager manager;
    TenantTree older;
    TenantTree newer;

    /**
     * Loads of the database: the first {@code held} wait for the test to complete them by hand (in the order of the
     * race); later ones (the repeated drop's) answer at once with what the database then holds.
     */
    static final class Loads implements Supplier<Uni<TenantTree>> {
        final List<CompletableFuture<TenantTree>> pending = new ArrayList<>();
        final int held;
        final TenantTree database;

        Loads(int held, TenantTree database) {
            this.held = held;
            this.database = database;
        }

        @Override
        public synchronized Uni<TenantTree> get() {
            CompletableFuture<TenantTree> f = new CompletableFuture<>();
            pending.add(f);
            if (pending.size() > held) {
                f.complete(database);
            }
            return Uni.createFrom().completionStage(f);
        }

        synchronized int count() {
            return pending.size();
        }

        synchronized void complete(int i, TenantTree tree) {
            pending.get(i).complete(tree);
        }
    }

    @BeforeEach
    void start() {
        manager = LocalCaches.start(CacheManagerProducer.TENANTS);
        older = TenantFiles.load(Path.of("tenants"));
        newer = TenantFiles.load(Path.of("tenants"));
    }

    @AfterEach
    void stop() {
        manager.stop();
    }

    TenantDirectory directory(Supplier<EmbeddedCacheManager> caches, Loads loads) {
        TenantDirectory d = new TenantDirectory(caches, loads);
        d.startCache();
        return d;
    }

    /** A directory whose cache is up. */
    TenantDirectory started(Loads loads) throws InterruptedException {
        TenantDirectory d = directory(() -> manager, loads);
        awaitCache(d, manager, false);
        return d;
    }

    /** Waits until the directory's cache is up (and, with {@code holding}, holds a tree). */
    static void awaitCache(TenantDirectory d, EmbeddedCacheManager manager, boolean holding) throws InterruptedException {
        for (int i = 0; i < 500 && (d.cacheFailed() || !manager.cacheExists(CacheManagerProducer.TENANTS)
                || holding && !manager.getCache(CacheManagerProducer.TENANTS).containsKey("tree")); i++) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
    }

    @Test
    void aReloadBegunBeforeAChangeNeitherServesLaterReadersNorStaysInTheCache() throws Exception {
        Loads loads = new Loads(2, newer);
        TenantDirectory d = started(loads);

        CompletableFuture<TenantTree> before = d.tree().subscribeAsCompletionStage();
        assertEquals(1, loads.count(), "a reload under way (it reads the settings from before the change)");
        d.invalidate().await().atMost(WAIT);
        assertEquals(2, loads.count(), "the change reloads at once, in a reload of its own");
        CompletableFuture<TenantTree> after = d.tree().subscribeAsCompletionStage();
        assertEquals(2, loads.count(), "a read after the change joins the reload begun after it");

        loads.complete(1, newer);
        loads.complete(0, older);
        assertSame(older, before.get(5, TimeUnit.SECONDS), "the reader of before the change gets what it asked for");
        assertSame(newer, after.get(5, TimeUnit.SECONDS));
        assertSame(newer, d.tree().await().atMost(WAIT), "the older reload did not replace the newer tree");
        assertEquals(2, loads.count(), "served from the cache");
    }

    @Test
    void theStartsTreeArrivingOnceTheCacheIsUpDoesNotReplaceANewerOne() throws Exception {
        Loads loads = new Loads(1, newer);
        CountDownLatch slowStart = new CountDownLatch(1);
        TenantDirectory d = directory(() -> {
            try {
                slowStart.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return manager;
        }, loads);
        d.publish(older);
        assertSame(older, d.tree().await().atMost(WAIT), "served while the cache starts");

        d.invalidate().await().atMost(WAIT);
        loads.complete(0, newer);
        assertSame(newer, d.tree().await().atMost(WAIT));

        slowStart.countDown();
        awaitCache(d, manager, true);
        assertSame(newer, d.tree().await().atMost(WAIT), "the start's tree did not come back with the cache");
    }

    @Test
    void aReloadEndingAfterANewerPublishDoesNotReplaceIt() throws Exception {
        Loads loads = new Loads(1, newer);
        TenantDirectory d = started(loads);

        CompletableFuture<TenantTree> reading = d.tree().subscribeAsCompletionStage();
        d.publish(newer);
        loads.complete(0, older);
        assertSame(older, reading.get(5, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            assertSame(newer, d.tree().await().atMost(WAIT), "the older reload did not replace the published tree");
        }
    }
}
