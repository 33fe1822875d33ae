package vn.motcua.notification.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What happens to a notice after a failed attempt (thử lại): wait and try the same channel again, the wait doubling
 * each time up to a ceiling; after {@code maxAttempts} on one channel, the citizen's next chosen channel at once; when
 * none is left, the dead letter. Pure: the relay records what it decides.
 */
public final class Retry {

    /** The decision: {@code next} empty means dead-lettered. */
    public record Decision(Optional<Channel> next, int attempts, Duration delay) {

        public boolean dead() {
            return next.isEmpty();
        }
    }

    private Retry() {
    }

    /**
     * @param attempts the attempts made on {@code current} so far, this one included
     * @param after    the channel the citizen chose after {@code current}, if any
     */
    public static Decision afterFailure(Channel current, int attempts, Optional<Channel> after, int maxAttempts, Duration backoff,
            Duration maxBackoff) {
        if (attempts < maxAttempts) {
            return new Decision(Optional.of(current), attempts, wait(attempts, backoff, maxBackoff));
        }
        return after.map(next -> new Decision(Optional.of(next), 0, Duration.ZERO))
                .orElseGet(() -> new Decision(Optional.empty(), attempts, Duration.ZERO));
    }

    /** backoff × 2^(attempts − 1), at most {@code maxBackoff}. */
    public static Duration wait(int attempts, Duration backoff, Duration maxBackoff) {
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = backoff.multipliedBy(1L << shift);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
