package vn.motcua.dossier.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Whether attachments can be stored now ({@code /q/health/well}). A wellness check, not a readiness one: an object
 * store that is down should fail uploads with a clear error, not take submissions and the work queue offline with
 * the whole replica.
 */
@Wellness
@ApplicationScoped
public class AttachmentStoreHealth implements AsyncHealthCheck {

    private final AttachmentStore store;

    AttachmentStoreHealth(AttachmentStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(() -> {
            store.check();
            return HealthCheckResponse.named("attachment-store").up().withData("store", store.kind()).build();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onFailure().recoverWithItem(e -> {
            var down = HealthCheckResponse.named("attachment-store").down().withData("store", store.kind());
            // The store's own status code says enough (403: the keys, 404: the bucket); its message may say more
            // than an unauthenticated endpoint should.
            return (e instanceof S3Exception s3 ? down.withData("status", s3.statusCode()) : down).build();
        });
    }
}
