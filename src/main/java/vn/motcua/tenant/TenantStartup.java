package vn.motcua.tenant;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * At start: reads and validates {@code tenants/}, upserts it into PostgreSQL, then starts the cache and publishes the
 * tree to it. A bad file stops the start, naming the file, the line or field, and the reason.
 */
@ApplicationScoped
public class TenantStartup {

    private static final Logger LOG = Logger.getLogger(TenantStartup.class);

    private final TenantConfig config;
    private final TenantRepository repository;
    private final TenantDirectory directory;

    TenantStartup(TenantConfig config, TenantRepository repository, TenantDirectory directory) {
        this.config = config;
        this.repository = repository;
        this.directory = directory;
    }

    /** First of the start-up work: the catalog and the calendars need the tree. */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        long t0 = System.nanoTime();
        TenantTree tree;
        try {
            tree = TenantFiles.load(config.root());
        } catch (TenantDataException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        long t1 = System.nanoTime();
        int synced = repository.sync(tree).await().atMost(Duration.ofSeconds(60));
        // The cache starts last, off the start's critical path: reads go to PostgreSQL until it is up, and a new
        // cluster member caches nothing before it has joined and can receive invalidations.
        directory.startCache();
        // The desk hours that administrators set in the console stand over the files' (see DeskHoursSettings).
        directory.publish(tree.withDeskHours(repository.deskHoursOverrides().await().atMost(Duration.ofSeconds(60))));
        LOG.infof("Tenants: %d loaded from %s (%d levels, %d post offices; %s): read %d ms, synced %d ms",
                tree.size(), config.root(), tree.levels().size(), tree.postalOffices().size(),
                synced == 0 ? "database already up to date" : synced + " rows written",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }
}
