package vn.motcua.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Ready only when the tenant tree can be served: without it no request can be routed to a tenant. */
@Readiness
@ApplicationScoped
public class TenantsReadiness implements AsyncHealthCheck {

    private final TenantDirectory directory;

    TenantsReadiness(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (directory.cacheFailed()) {
            return Uni.createFrom().item(HealthCheckResponse.named("tenants").down().withData("cache", "failed").build());
        }
        return directory.tree()
                .map(t -> HealthCheckResponse.named("tenants").up().withData("tenants", t.size()).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("tenants").down().build());
    }
}
