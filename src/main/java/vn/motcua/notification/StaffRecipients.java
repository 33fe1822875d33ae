package vn.motcua.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.identity.Permission;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.staff.StaffService;
import vn.motcua.tenant.TenantDirectory;

/**
 * Who is told that a step is nearly due: the officer holding it and the leaders (approvers, lãnh đạo) of the tenant
 * holding it, by the e-mail addresses of their staff accounts. The directory is Keycloak's admin API, which blocks: it
 * is read on a worker thread.
 */
@ApplicationScoped
public class StaffRecipients {

    private static final Logger LOG = Logger.getLogger(StaffRecipients.class);

    private final StaffDirectory directory;
    private final TenantDirectory tenants;

    StaffRecipients(StaffDirectory directory, TenantDirectory tenants) {
        this.directory = directory;
        this.tenants = tenants;
    }

    /** The addresses for a step of {@code tenant} held by {@code holderActor} ({@code staff:<id>}, or null). */
    public Uni<List<String>> addresses(String tenant, String holderActor) {
        return tenants.tree().chain(tree -> Uni.createFrom().item(() -> {
            Set<String> out = new LinkedHashSet<>();
            if (holderActor != null && holderActor.startsWith("staff:")) {
                try {
                    add(out, directory.member(holderActor.substring(6)).email());
                } catch (RuntimeException e) {
                    LOG.debugf("holder %s not in the directory: %s", holderActor, e.toString());
                }
            }
            directory.group(StaffService.groupPath(tree, tenant)).ifPresent(g -> directory.members(g.getId()).stream()
                    .filter(m -> m.enabled() && m.roles().contains(Permission.Roles.APPROVER)).forEach(m -> add(out, m.email())));
            return List.copyOf(out);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static void add(Set<String> out, String email) {
        if (email != null && !email.isBlank()) {
            out.add(email.strip());
        }
    }
}
