package vn.motcua.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.keycloak.representations.idm.GroupRepresentation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.tenant.PostalOffice;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * Gives every tenant and post office of the tree its group in the staff realm, creating only what is missing: a
 * tenant added to {@code tenants/} gets its group at the next start, and no existing group, membership or user is
 * touched. Runs in the background after the start, retrying while Keycloak is not up yet, and stops between two
 * calls to Keycloak when the service stops: a call cut off by the shutdown would fail after the service's context is
 * gone.
 */
@ApplicationScoped
public class GroupSync {

    private static final Logger LOG = Logger.getLogger(GroupSync.class);

    private final StaffDirectory directory;
    private final TenantDirectory tenants;
    /** Held while a sync talks to Keycloak; the shutdown waits for the call in flight. */
    private final ReentrantLock syncing = new ReentrantLock();
    private volatile boolean stopping;

    GroupSync(StaffDirectory directory, TenantDirectory tenants) {
        this.directory = directory;
        this.tenants = tenants;
    }

    void onStart(@Observes StartupEvent event) {
        sync().onFailure(failure -> !stopping).retry().withBackOff(Duration.ofSeconds(2), Duration.ofSeconds(30)).atMost(20)
                .subscribe().with(created -> {
                    if (created > 0) {
                        LOG.infof("Keycloak: created %d missing tenant group(s) in the staff realm", created);
                    }
                }, failure -> {
                    if (!stopping) {
                        LOG.warnf("Keycloak: tenant groups not synced (%s); they will be at the next start", failure.getMessage());
                    }
                });
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (syncing.tryLock(10, TimeUnit.SECONDS)) {
            syncing.unlock();
        }
    }

    /** Creates the missing groups; the number created. */
    public Uni<Integer> sync() {
        return tenants.tree().chain(tree -> Uni.createFrom().item(() -> syncBlocking(tree))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private int syncBlocking(TenantTree tree) {
        syncing.lock();
        try {
            return syncLocked(tree);
        } finally {
            syncing.unlock();
        }
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new CancellationException("the service is stopping");
        }
    }

    private int syncLocked(TenantTree tree) {
        int created = ensureTenant(tree, tree.root(), null, "");
        checkNotStopping();
        GroupRepresentation postal = directory.group("/postal").orElse(null);
        String postalId = postal != null ? postal.getId() : directory.createGroup(null, group("postal", Map.of()));
        if (postal == null) {
            created++;
        }
        for (PostalOffice office : tree.postalOffices()) {
            checkNotStopping();
            if (directory.group("/postal/" + office.code()).isEmpty()) {
                directory.createGroup(postalId, group(office.code(), Map.of("postalOffice", List.of(office.code()))));
                created++;
            }
        }
        return created;
    }

    private int ensureTenant(TenantTree tree, Tenant tenant, String parentId, String parentPath) {
        String path = parentPath + "/" + tenant.code();
        int created = 0;
        String id;
        checkNotStopping();
        var existing = directory.group(path);
        if (existing.isPresent()) {
            id = existing.get().getId();
        } else {
            id = directory.createGroup(parentId, group(tenant.code(),
                    Map.of("tenant", List.of(tenant.code()), "agencyCode", List.of(tenant.agencyCode()))));
            created++;
        }
        for (Tenant child : tree.children(tenant.code())) {
            created += ensureTenant(tree, child, id, path);
        }
        return created;
    }

    private static GroupRepresentation group(String name, Map<String, List<String>> attributes) {
        GroupRepresentation g = new GroupRepresentation();
        g.setName(name);
        g.setAttributes(attributes);
        return g;
    }
}
