package vn.motcua.identity;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The quota of each tenant's API (hạn mức gọi API của đơn vị): how many requests to {@code /api/t/{tenant}/…} its own
 * staff and those above it may make in each window, counted across the cluster ({@link ApiQuota}).
 */
@ConfigMapping(prefix = "motcua.api-quota")
public interface ApiQuotaConfig {

    /**
     * Requests per window for a tenant without a quota of its own (variable {@code MOTCUA_API_QUOTA}); {@code 0} means no
     * quota. The default, 100 a second for a minute, is far above what a ward's desk and its integrations make, and
     * stops a runaway client before it takes the replicas from everyone else.
     */
    @WithDefault("6000")
    int requests();

    /** The window the requests are counted in (variable {@code MOTCUA_API_QUOTA_WINDOW}). */
    @WithDefault("PT1M")
    Duration window();

    /**
     * A tenant's own quota per window, by tenant code ({@code motcua.api-quota.tenants.ha-noi=20000}, or
     * {@code …tenants.soc-son-phu-linh=600}); {@code 0} means no quota for that tenant.
     */
    Map<String, Integer> tenants();

    /** The quota per window of {@code tenant}: its own, else the default. */
    default int requestsOf(String tenant) {
        return tenants().getOrDefault(tenant, requests());
    }
}
