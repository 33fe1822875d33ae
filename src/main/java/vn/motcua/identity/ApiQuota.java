package vn.motcua.identity;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import vn.motcua.platform.cache.RateWindows;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/**
 * The quota of each tenant's API (hạn mức gọi API của đơn vị): every request to {@code /api/t/{tenant}/…} by a staff
 * member who serves that tenant or one above it counts against the tenant's quota for the current window
 * ({@link ApiQuotaConfig}), across the cluster ({@link RateWindows}). Past it, the answer is a 429 problem
 * ({@code /problems/api-quota-exceeded}) with {@code Retry-After}: the seconds until the window ends.
 *
 * <p>Only callers who reach the tenant count: a request without a valid token, from a citizen, or from staff of another
 * tenant is answered by the route (401, 403) and never spends the tenant's quota, so no outsider can use it up and lock
 * the tenant's own officers out. One filter for every tenant route, so a new route cannot forget it.
 */
public class ApiQuota {

    private static final String PREFIX = "/api/t/";

    private final CurrentIdentityAssociation identities;
    private final AccessPolicy policy;
    private final RateWindows windows;
    private final ApiQuotaConfig config;

    ApiQuota(CurrentIdentityAssociation identities, AccessPolicy policy, RateWindows windows, ApiQuotaConfig config) {
        this.identities = identities;
        this.policy = policy;
        this.windows = windows;
        this.config = config;
    }

    /**
     * Counts the request, or returns {@code null} (not a {@code Uni} of null) when it is not a tenant's: Quarkus REST
     * suspends and resumes the request for every {@code Uni} a filter returns, and this filter runs on every route,
     * the public reads included (issue 20: cached reads).
     */
    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Response> count(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String tenant = request.getUriInfo().getPathParameters().getFirst("tenant");
        int quota = tenant == null ? 0 : config.requestsOf(tenant);
        if (quota <= 0) {
            return null;
        }
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return Uni.createFrom().<Response>nullItem();
            }
            return policy.reaches(Actor.from(identity), tenant).chain(reaches -> reaches ? spend(tenant, quota) : Uni.createFrom().<Response>nullItem());
        });
    }

    /** One request of {@code tenant}'s quota: nothing when within it, else the 429 problem. */
    private Uni<Response> spend(String tenant, int quota) {
        return windows.hit("quota:" + tenant, quota, config.window()).map(wait -> {
            if (wait > 0) {
                throw new ProblemException(ProblemType.API_QUOTA_EXCEEDED, tenant, String.valueOf(wait))
                        .with("tenant", tenant).with("retryAfter", wait);
            }
            return (Response) null;
        });
    }
}
