package vn.motcua.dossier.usecase;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.dossier.DossierConfig;

/**
 * Limits the public status look-up per client address, so that receipt codes and phone numbers cannot be guessed
 * by brute force: a fixed one-minute window per address. Kept per replica; with N replicas behind a balancer a
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

    /** Seconds to wait before the next look-up is allowed, or 0 when this one may go ahead. */
    public long acquire(String client, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(client, (k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() > config.lookupsPerMinute()) {
            return 60 - (nowMillis / 1000) % 60;
        }
        return 0;
    }
}
