package vn.motcua.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/**
 * The rules of a shared value, on a real (local) Infinispan cache: one load for many readers, a value served from
 * memory until it is invalidated, a load begun before an invalidation neither kept nor shared with later readers, and an
 * old value served while it is refreshed in the background.
 */
class SharedValueTest {

    static DefaultCacheManager manager;
    static SharedValues values;

    @BeforeAll
    static void start() throws InterruptedException {
        manager = vn.motcua.support.LocalCaches.start(CacheManagerProducer.SETTINGS);
        values = new SharedValues(() -> manager);
        for (int i = 0; i < 200 && values.cacheIfStarted() == null; i++) {
            Thread.sleep(10);
        }
        assertTrue(values.cacheIfStarted() != null, "the cache started");
    }

    @AfterAll
    static void stop() {
        manager.stop();
    }

    /** A loader whose loads the test completes by hand. */
    static final class Loads {
        final List<CompletableFuture<String>> pending = new ArrayList<>();
        final AtomicInteger count = new AtomicInteger();

        Uni<String> load() {
            count.incrementAndGet();
            CompletableFuture<String> f = new CompletableFuture<>();
            pending.add(f);
            return Uni.createFrom().completionStage(f);
        }

        void complete(int i, String value) {
            pending.get(i).complete(value);
        }
    }

    static String now(Uni<String> u) {
        return u.await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void manyReadersOneLoadThenMemoryUntilInvalidated() {
        Loads loads = new Loads();
        SharedValue<String> v = values.value("test-a", Duration.ofMinutes(1), loads::load);
        Uni<String> first = v.get();
        Uni<String> second = v.get();
        CompletableFuture<String> a = first.subscribeAsCompletionStage();
        CompletableFuture<String> b = second.subscribeAsCompletionStage();
        assertEquals(1, loads.count.get(), "one load for both readers");
        loads.complete(0, "one");
        assertEquals("one", a.join());
        assertEquals("one", b.join());
        assertEquals("one", now(v.get()));
        assertEquals(1, loads.count.get(), "from memory");

        v.invalidate().await().atMost(Duration.ofSeconds(5));
        CompletableFuture<String> c = v.get().subscribeAsCompletionStage();
        assertEquals(2, loads.count.get(), "read again after a change");
        loads.complete(1, "two");
        assertEquals("two", c.join());
        assertEquals("two", now(v.get()));
    }

    @Test
    void aLoadBegunBeforeAnInvalidationIsNotKept() {
        Loads loads = new Loads();
        SharedValue<String> v = values.value("test-b", Duration.ofMinutes(1), loads::load);
        CompletableFuture<String> early = v.get().subscribeAsCompletionStage();
        v.invalidate().await().atMost(Duration.ofSeconds(5));
        CompletableFuture<String> late = v.get().subscribeAsCompletionStage();
        assertEquals(2, loads.count.get(), "a reader after the change does not share the older load");
        loads.complete(0, "old");
        loads.complete(1, "new");
        assertEquals("old", early.join());
        assertEquals("new", late.join());
        assertEquals("new", now(v.get()), "the older load was not kept");
        assertEquals(2, loads.count.get());
    }

    @Test
    void anOldValueIsServedWhileItIsRefreshed() {
        Loads loads = new Loads();
        SharedValue<String> v = values.value("test-c", Duration.ZERO, loads::load);
        CompletableFuture<String> a = v.get().subscribeAsCompletionStage();
        loads.complete(0, "one");
        assertEquals("one", a.join());
        assertEquals("one", now(v.get()), "too old: served at once, refreshed behind");
        assertEquals(2, loads.count.get());
        loads.complete(1, "two");
        assertEquals("two", now(v.get()));
    }
}
