package vn.motcua.dossier.usecase;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.dossier.DossierConfig;

/**
 * Limits the public status look-up per client address, and per receipt code and per phone number, so that receipt
 * codes and phone numbers cannot be guessed by brute force, even from many addresses: a fixed one-minute window per
 * key. Kept per replica; with N replicas behind a balancer a
 * client gets at most N times the limit, which still makes guessing hopeless.
 */
@ApplicationScoped
public class LookupLimiter {

    private record Window(long minute, AtomicInteger count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final DossierConfig config;

    LookupLimiter(DossierConfig config) {
        this.config = config;
    }

    /** Seconds to wait before the next look-up from {@code client} is allowed, or 0 when this one may go ahead. */
    public long acquire(String client, long nowMillis) {
        return acquire(client, nowMillis, config.lookupsPerMinute());
    }

    /**
     * The same for a receipt code or a phone number, whoever asks: a third of a client's rate, which no one following
     * their own dossier reaches, so that a guesser spreading over many addresses still cannot try more than that many
     * phones for one code (or codes for one phone) a minute.
     */
    public long acquireFor(String what, long nowMillis) {
        return acquire(what, nowMillis, Math.max(1, config.lookupsPerMinute() / 3));
    }

    private long acquire(String key, long nowMillis, int limit) {
        long minute = nowMillis / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(key, (k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() > limit) {
            return 60 - (nowMillis / 1000) % 60;
        }
        return 0;
    }
}
