package vn.motcua.tenant;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * At start: reads and validates {@code tenants/}, upserts it into PostgreSQL and publishes it to the cache. A bad
 * file stops the start, naming the file, the line or field, and the reason.
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

    void onStart(@Observes StartupEvent event) {
        TenantTree tree;
        try {
            tree = TenantFiles.load(config.root());
        } catch (TenantDataException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        int synced = repository.sync(tree).await().atMost(Duration.ofSeconds(60));
        directory.publish(tree);
        LOG.infof("Tenants: %d loaded from %s (%d levels, %d post offices)", synced, config.root(), tree.levels().size(),
                tree.postalOffices().size());
    }
}
