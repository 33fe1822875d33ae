package vn.motcua.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every response time of the steady part, to the millisecond (Gatling's own resolution), for the percentiles of all
 * requests together: Gatling's report gives them per request kind, or for the whole run with its ramp.
 */
final class Latencies {

    private static final int MAX_MS = 60_000;
    private final AtomicLongArray counts = new AtomicLongArray(MAX_MS + 1);

    void record(long millis) {
        counts.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, millis)));
    }

    /** The smallest time within which {@code percent} of the recorded responses came, or -1 when none was recorded. */
    long percentile(double percent) {
        long total = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i <= MAX_MS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_MS;
    }
}
