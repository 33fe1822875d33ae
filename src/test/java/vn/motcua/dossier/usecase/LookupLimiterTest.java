package vn.motcua.dossier.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.DossierConfig;

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

    @Test
    void aClientGetsItsLimitPerMinuteThenWaitsForTheNextMinute() {
        LookupLimiter limiter = new LookupLimiter(limit(3));
        long t = 1_800_000_000_000L + 15_000; // 15 s into a minute
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("203.0.113.7", t + i));
        }
        assertEquals(45, limiter.acquire("203.0.113.7", t + 10));
        assertEquals(0, limiter.acquire("198.51.100.2", t + 10), "another client is not held back");
        assertEquals(0, limiter.acquire("203.0.113.7", t + 45_000), "a new minute, a new allowance");
        assertTrue(limiter.acquire("203.0.113.7", t + 45_001) == 0);
    }

    @Test
    void aCodeOrAPhoneGetsAThirdOfAClientsLimitWhoeverAsks() {
        LookupLimiter limiter = new LookupLimiter(limit(30));
        long t = 1_800_000_000_000L;
        for (int i = 0; i < 10; i++) {
            // Ten guessers, each from its own address, each trying one phone for the same code.
            assertEquals(0, limiter.acquire("198.51.100." + i, t + i));
            assertEquals(0, limiter.acquireFor("code:00000001H26260101001", t + i));
        }
        assertTrue(limiter.acquireFor("code:00000001H26260101001", t + 20) > 0, "the eleventh try at that code waits");
        assertEquals(0, limiter.acquire("198.51.100.99", t + 20), "the new address itself is not held back");
        assertEquals(0, limiter.acquireFor("phone:84912345678", t + 20), "another key has its own allowance");
    }
}
