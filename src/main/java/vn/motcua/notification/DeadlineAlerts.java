package vn.motcua.notification;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import vn.motcua.calendar.NearlyLateSettings;
import vn.motcua.notification.store.AlertRows;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.tenant.TenantDirectory;

/**
 * The nearly-late scan (quét hồ sơ sắp đến hạn): every minute, on every replica, one statement raises an alert for
 * each open step due within its tenant's threshold and queues its e-mail to the holder and the tenant's leaders in
 * the outbox (V15's {@code deadline_alerts_raise}). The threshold is the tenant's own, set in the console
 * ({@link NearlyLateSettings}), else one working day. The alert's primary key (dossier, step) makes it once per step
 * whichever replica raises it; the e-mail then goes through the relay, with its retries.
 */
@ApplicationScoped
public class DeadlineAlerts {

    private static final Logger LOG = Logger.getLogger(DeadlineAlerts.class);
    private static final int BATCH = 500;

    private final ScopedTransactions transactions;
    private final AlertRows alerts;
    private final NotificationConfig config;
    private final Vertx vertx;
    private volatile long timer = -1;

    private final TenantDirectory tenants;
    private final NearlyLateSettings nearlyLate;

    DeadlineAlerts(ScopedTransactions transactions, AlertRows alerts, NotificationConfig config, Vertx vertx, TenantDirectory tenants,
            NearlyLateSettings nearlyLate) {
        this.tenants = tenants;
        this.nearlyLate = nearlyLate;
        this.transactions = transactions;
        this.alerts = alerts;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.nearlyLate().enabled()) {
            timer = vertx.setPeriodic(config.nearlyLate().interval().toMillis(), id -> raise().subscribe().with(
                    n -> LOG.debugf("nearly-late alerts raised: %d", n),
                    e -> LOG.warnf("nearly-late scan failed (%s); the next one tries again", e.toString())));
        }
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Raises what is due now; the number of alerts raised by this call (0 for those another replica raised). Each
     * tenant's threshold ({@link NearlyLateSettings}, in its working time: the same rule as the desk's "nearly late"
     * queue) is turned into the wall-clock minutes from now that the database compares with.
     */
    public Uni<Integer> raise() {
        OffsetDateTime now = OffsetDateTime.now();
        return tenants.tree().chain(tree -> Multi.createFrom().iterable(tree.all()).onItem()
                .transformToUniAndConcatenate(t -> nearlyLate.until(t.code(), now)
                        .map(until -> Map.entry(t.code(), Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60))))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue))
                .chain(minutes -> transactions.onConnection(TenantScope.none(), conn -> alerts.raise(conn, ONE_WORKING_DAY, minutes, BATCH)));
    }

    /** The threshold of a step whose tenant is not in the tree (one being removed): a working day, as wall-clock minutes. */
    static final int ONE_WORKING_DAY = 8 * 60;
}
