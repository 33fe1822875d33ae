package vn.motcua.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.motcua.staff.StaffDirectory;
import vn.motcua.staff.StaffService;

/**
 * Who is told that a step is nearly due: the officer holding it and the leaders (approvers, lãnh đạo) of the tenant
 * holding it, by the e-mail addresses of their staff accounts. The directory is Keycloak's admin API, which blocks: it
 * is read on a worker thread.
 */
@ApplicationScoped
public class StaffRecipients {

    private static final Logger LOG = Logger.getLogger(StaffRecipients.class);

    private final StaffDirectory directory;
    private final StaffService staff;

    StaffRecipients(StaffDirectory directory, StaffService staff) {
        this.directory = directory;
        this.staff = staff;
    }

    /** The addresses for a step of {@code tenant} held by {@code holderActor} ({@code staff:<id>}, or null). */
    public Uni<List<String>> addresses(String tenant, String holderActor) {
        Uni<List<String>> holder = Uni.createFrom().item(() -> {
            if (holderActor != null && holderActor.startsWith("staff:")) {
                try {
                    String email = directory.member(holderActor.substring(6)).email();
                    return email == null || email.isBlank() ? List.<String>of() : List.of(email.strip());
                } catch (RuntimeException e) {
                    LOG.debugf("holder %s not in the directory: %s", holderActor, e.toString());
                }
            }
            return List.<String>of();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return holder.chain(first -> staff.leaderAddresses(tenant).map(leaders -> {
            Set<String> out = new LinkedHashSet<>(first);
            out.addAll(leaders);
            return List.copyOf(out);
        }));
    }
}
