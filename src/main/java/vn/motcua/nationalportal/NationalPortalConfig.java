package vn.motcua.nationalportal;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG), reached through the province's integration
 * platform (LGSP/NGSP): where each dossier's progress, result and rating are sent, and the shared secret that signs the
 * dossiers it delivers to us. Without {@link #url()} the service starts and works as before, and the portal's outbox
 * rows wait, pending, counted as not synced, until it is set (docs/national-portal.md).
 */
@ConfigMapping(prefix = "motcua.national-portal")
public interface NationalPortalConfig {

    /** The longest a call to the portal may take, whatever is configured. */
    Duration MAX_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The integration adapter's base address, e.g. {@code https://lgsp.hanoi.gov.vn/dvcqg}; absent: nothing is sent
     * ({@code MOTCUA_NATIONAL_PORTAL_URL}).
     */
    Optional<String> url();

    /** The path, under {@link #url()}, that opens a session ({@code {username, password}} → {@code session}). */
    @WithDefault("/auth")
    String authPath();

    /** The path, under {@link #url()}, of the sync services ({@code DongBoHoSoMC}, {@code CapNhatTienDoHoSoMC}…). */
    @WithDefault("/integration")
    String syncPath();

    /** The account the province was given on the integration platform ({@code MOTCUA_NATIONAL_PORTAL_USERNAME}). */
    Optional<String> username();

    /** Its password ({@code MOTCUA_NATIONAL_PORTAL_PASSWORD}). */
    Optional<String> password();

    /**
     * The unit code ({@code madonvi}) the portal knows the province's system by, sent with every call
     * ({@code MOTCUA_NATIONAL_PORTAL_UNIT}).
     */
    @WithDefault("000.00.00.H26")
    String unit();

    /** How long a session is reused before a new one is opened. */
    @WithDefault("PT20M")
    Duration sessionLifetime();

    /** How long one call may take before it counts as failed; at most {@link #MAX_TIMEOUT}. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * The secret shared with the portal that signs each dossier it delivers to {@code POST /api/national-portal/dossiers}
     * (HMAC-SHA256); absent: deliveries are refused (503) ({@code MOTCUA_NATIONAL_PORTAL_SECRET}).
     */
    Optional<String> intakeSecret();

    /** How far a delivery's timestamp may be from our clock before it is refused as stale or replayed. */
    @WithDefault("PT5M")
    Duration intakeClockSkew();

    /** The timeout actually used: the configured one, within 1 ms and {@link #MAX_TIMEOUT}. */
    default Duration boundedTimeout() {
        Duration t = timeout();
        return t.isNegative() || t.isZero() ? Duration.ofMillis(1) : t.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : t;
    }
}
