package vn.motcua.dossier.usecase;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.platform.cache.RateWindows;

/**
 * Limits the public status look-up per client address, and per receipt code and per phone number, so that receipt
 * codes and phone numbers cannot be guessed by brute force, even from many addresses: a fixed one-minute window per
 * key, counted across the cluster ({@link RateWindows}): N replicas behind a balancer give a client the limit once.
 */
@ApplicationScoped
public class LookupLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final DossierConfig config;
    private final RateWindows windows;

    LookupLimiter(DossierConfig config, RateWindows windows) {
        this.config = config;
        this.windows = windows;
    }

    /** Seconds to wait before the next look-up from {@code client} is allowed, or 0 when this one may go ahead. */
    public Uni<Long> acquire(String client) {
        return windows.hit("lookup:client:" + client, config.lookupsPerMinute(), WINDOW);
    }

    /**
     * The same for a receipt code or a phone number, whoever asks: a third of a client's rate, which no one following
     * their own dossier reaches, so that a guesser spreading over many addresses still cannot try more than that many
     * phones for one code (or codes for one phone) a minute.
     */
    public Uni<Long> acquireFor(String what) {
        return windows.hit("lookup:" + what, Math.max(1, config.lookupsPerMinute() / 3), WINDOW);
    }
}
