package vn.motcua.dossier.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.platform.cache.RateWindows;

/** The look-up's limit per client address: a window per minute, a wait until the next one, other clients unaffected. */
class LookupLimiterTest {

    static DossierConfig limit(int perMinute) {
        return new DossierConfig() {
            public int lookupsPerMinute() {
                return perMinute;
            }

            public int queuePageSize() {
                return 50;
            }

            public Submissions submissions() {
                throw new UnsupportedOperationException("the limiter reads no submission setting");
            }

            public Attachments attachments() {
                return new Attachments() {
                    public S3 s3() {
                        throw new UnsupportedOperationException("the limiter reads no store setting");
                    }

                    public Path root() {
                        return Path.of("target");
                    }

                    public int maxMegabytes() {
                        return 1;
                    }

                    public int maxImageSide() {
                        return 100;
                    }

                    public double jpegQuality() {
                        return 0.8;
                    }
                };
            }
        };
    }

    /** A limiter on a clock the test moves (milliseconds). */
    static LookupLimiter limiter(int perMinute, AtomicLong clock) {
        return new LookupLimiter(limit(perMinute), RateWindows.local(clock::get));
    }

    static long wait(Uni<Long> hit) {
        return hit.await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aClientGetsItsLimitPerMinuteThenWaitsForTheNextMinute() {
        AtomicLong t = new AtomicLong(1_800_000_000_000L + 15_000); // 15 s into a minute
        LookupLimiter limiter = limiter(3, t);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, wait(limiter.acquire("203.0.113.7")));
        }
        assertEquals(45, wait(limiter.acquire("203.0.113.7")));
        assertEquals(0, wait(limiter.acquire("198.51.100.2")), "another client is not held back");
        t.addAndGet(45_000);
        assertEquals(0, wait(limiter.acquire("203.0.113.7")), "a new minute, a new allowance");
        assertEquals(0, wait(limiter.acquire("203.0.113.7")));
    }

    @Test
    void aCodeOrAPhoneGetsAThirdOfAClientsLimitWhoeverAsks() {
        AtomicLong t = new AtomicLong(1_800_000_000_000L);
        LookupLimiter limiter = limiter(30, t);
        for (int i = 0; i < 10; i++) {
            // Ten guessers, each from its own address, each trying one phone for the same code.
            assertEquals(0, wait(limiter.acquire("198.51.100." + i)));
            assertEquals(0, wait(limiter.acquireFor("code:00000001H26260101001")));
        }
        assertTrue(wait(limiter.acquireFor("code:00000001H26260101001")) > 0, "the eleventh try at that code waits");
        assertEquals(0, wait(limiter.acquire("198.51.100.99")), "the new address itself is not held back");
        assertEquals(0, wait(limiter.acquireFor("phone:84912345678")), "another key has its own allowance");
    }
}
