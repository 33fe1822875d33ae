package vn.motcua.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.support.LocalCaches;

/**
 * The counts per window, in both ways they are kept: in the replica's memory (alone), and in the Infinispan cache
 * (clustered: compare-and-set on the window's entry; a real cache manager, here without other members). A key gets its
 * limit per window, then the seconds left; the next window allows again; other keys are not held back.
 */
class RateWindowsTest {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final long T0 = 1_800_000_000_000L + 20_000; // 20 s into a minute

    DefaultCacheManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.stop();
        }
    }

    RateWindows shared(AtomicLong clock) throws InterruptedException {
        manager = LocalCaches.start(CacheManagerProducer.LIMITS);
        RateWindows w = new RateWindows(() -> manager, true, clock::get);
        for (int i = 0; i < 200 && !w.shared(); i++) {
            Thread.sleep(10);
        }
        assertTrue(w.shared(), "the cache is up");
        return w;
    }

    static long hit(RateWindows w, String key, int limit) {
        return w.hit(key, limit, MINUTE).await().atMost(Duration.ofSeconds(5));
    }

    void limitsPerWindow(RateWindows w, AtomicLong clock) {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, hit(w, "client:203.0.113.7", 3));
        }
        assertEquals(40, hit(w, "client:203.0.113.7", 3), "the seconds left in the minute");
        clock.addAndGet(5_500);
        assertEquals(35, hit(w, "client:203.0.113.7", 3), "still refused, rounded up");
        assertEquals(0, hit(w, "client:198.51.100.2", 3), "another key is not held back");
        clock.addAndGet(34_500);
        assertEquals(0, hit(w, "client:203.0.113.7", 3), "a new window, a new allowance");
    }

    @Test
    void aloneAKeyGetsItsLimitPerWindowThenTheSecondsLeft() {
        AtomicLong clock = new AtomicLong(T0);
        limitsPerWindow(RateWindows.local(clock::get), clock);
    }

    @Test
    void inTheCacheTheSameRulesHold() throws Exception {
        AtomicLong clock = new AtomicLong(T0);
        limitsPerWindow(shared(clock), clock);
        assertTrue(manager.getCache(CacheManagerProducer.LIMITS).keySet().stream().anyMatch(k -> k.toString().startsWith("client:203.0.113.7@")),
                "the counts are in the shared cache");
    }
}
