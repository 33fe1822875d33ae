package vn.motcua.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.notification.channel.EmailChannel;
import vn.motcua.notification.channel.Outgoing;
import vn.motcua.notification.channel.Sender;
import vn.motcua.notification.channel.SmsChannel;
import vn.motcua.notification.channel.Undeliverable;
import vn.motcua.notification.channel.ZaloChannel;
import vn.motcua.notification.domain.Channel;
import vn.motcua.notification.domain.Contact;
import vn.motcua.notification.domain.NoticeKind;
import vn.motcua.notification.domain.Retry;
import vn.motcua.notification.store.NoticeRows;
import vn.motcua.notification.store.OutboxRows;
import vn.motcua.notification.store.OutboxSignals;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.tenant.TenantDirectory;
import vn.motcua.tenant.TenantTree;

/**
 * The outbox relay (bộ chuyển thư đi): sends what the dossiers' transactions queued, on every replica at once without
 * sending anything twice. Each round claims a batch ({@code FOR UPDATE SKIP LOCKED} and a lease: another relay skips
 * these rows), writes each citizen notice to the portal (in-app, always), sends it on the citizen's current channel,
 * and records the outcome in the row's own tenant scope: sent; or pending again after a backoff; or, once a channel has
 * used its attempts, on the citizen's next chosen channel; or, when none is left, the dead letter that the tenant's
 * administrators see in the console. A relay that dies holding rows loses nothing: their lease ends and another
 * relay claims them.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final ScopedTransactions transactions;
    private final OutboxRows outbox;
    private final NoticeRows notices;
    private final NoticeTexts texts;
    private final TenantDirectory tenants;
    private final CatalogService catalog;
    private final StaffRecipients staff;
    private final NotificationConfig config;
    private final Vertx vertx;
    private final Map<Channel, Sender> senders;
    private final OutboxSignals signals;
    /** The outward adapters of features above this one (the national portal's sync): the same machinery, their rows. */
    private final List<OutboxDestination> destinations;
    private final AtomicBoolean running = new AtomicBoolean();
    /** A nudge came while a round was running: run one more at its end. */
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long timer = -1;

    OutboxRelay(ScopedTransactions transactions, OutboxRows outbox, NoticeRows notices, NoticeTexts texts, TenantDirectory tenants,
            CatalogService catalog, StaffRecipients staff, NotificationConfig config, Vertx vertx, EmailChannel email, SmsChannel sms,
            ZaloChannel zalo, OutboxSignals signals, Instance<OutboxDestination> destinations) {
        this.signals = signals;
        this.destinations = destinations.stream().toList();
        this.transactions = transactions;
        this.outbox = outbox;
        this.notices = notices;
        this.texts = texts;
        this.tenants = tenants;
        this.catalog = catalog;
        this.staff = staff;
        this.config = config;
        this.vertx = vertx;
        this.senders = Map.of(Channel.EMAIL, email, Channel.SMS, sms, Channel.ZALO, zalo, Channel.STAFF_EMAIL, email.staff());
    }

    void start(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            timer = vertx.setPeriodic(config.relay().interval().toMillis(), id -> tick());
            signals.listen(this::tick);
        }
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round unless one is still running on this replica (a slow provider must not pile rounds up). */
    void tick() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        // A full batch means more may be waiting: another round at once rather than at the next tick.
        runOnce().chain(n -> runDestinations().map(m -> n + m))
                .invoke(n -> again.compareAndSet(false, n >= config.relay().batchSize())).onTermination().invoke(() -> {
            running.set(false);
            if (again.getAndSet(false)) {
                vertx.runOnContext(this::tick);
            }
        }).subscribe().with(
                n -> LOG.debugf("outbox relay: %d row(s)", n),
                e -> LOG.warnf("outbox relay: round failed (%s); the next round tries again", e.toString()));
    }

    /** Claims one batch and handles every row of it; the number of rows handled. */
    public Uni<Integer> runOnce() {
        return runOnce(transactions::onConnection);
    }

    /** As {@link #runOnce()}, the claim made on another pool (a second replica's, in tests). */
    public Uni<Integer> runOnce(Pool pool) {
        return runOnce(new Claimer() {
            @Override
            public <T> Uni<T> onConnection(TenantScope scope, Function<SqlConnection, Uni<T>> work) {
                return ScopedTransactions.onConnection(pool, scope, work);
            }
        });
    }

    /**
     * Claims one batch for each configured {@link OutboxDestination} and delivers it; the number of rows attempted. A
     * destination that is not configured keeps its rows pending. After a failed delivery the rest of its batch waits
     * for its lease to end: a destination that is down gets one attempt a round, not one per row.
     */
    public Uni<Integer> runDestinations() {
        Uni<Integer> all = Uni.createFrom().item(0);
        for (OutboxDestination d : destinations) {
            if (d.enabled()) {
                all = all.chain(n -> runDestination(d).map(m -> n + m));
            }
        }
        return all;
    }

    private Uni<Integer> runDestination(OutboxDestination d) {
        NotificationConfig.Relay r = config.relay();
        AtomicBoolean failed = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger attempted = new java.util.concurrent.atomic.AtomicInteger();
        return transactions.onConnection(TenantScope.none(), conn -> d.claim(conn, r.batchSize(), r.lease())).chain(items -> {
            Uni<Void> each = Uni.createFrom().voidItem();
            for (OutboxItem item : items) {
                each = each.chain(() -> {
                    if (failed.get()) {
                        return Uni.createFrom().voidItem();
                    }
                    attempted.incrementAndGet();
                    return deliver(d, item).invoke(ok -> failed.set(!ok)).replaceWithVoid().onFailure().recoverWithUni(e -> {
                        LOG.warnf("outbox row %d: %s; it is tried again when its lease ends", item.id(), e.toString());
                        return Uni.createFrom().voidItem();
                    });
                });
            }
            return each.map(x -> attempted.get());
        });
    }

    /** One attempt at a destination, recorded: delivered (true), or the retry after the backoff, or the dead letter (false). */
    private Uni<Boolean> deliver(OutboxDestination d, OutboxItem item) {
        int attempts = item.attempts() + 1;
        return d.deliver(item)
                .chain(() -> transactions.onConnection(TenantScope.of(item.tenantId()), conn -> outbox.sent(conn, item.id(), d.channel())))
                .replaceWith(true)
                .onFailure().recoverWithUni(e -> {
                    NotificationConfig.Relay r = config.relay();
                    int used = e instanceof Undeliverable ? Math.max(attempts, r.maxAttempts()) : attempts;
                    boolean dead = used >= r.maxAttempts();
                    Duration wait = dead ? Duration.ZERO : Retry.wait(used, r.backoff(), r.maxBackoff());
                    String error = d.channel() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    if (dead) {
                        LOG.warnf("outbox row %d (%s, %s) dead-lettered: %s", item.id(), item.kind(), item.receiptCode(), error);
                    }
                    return transactions.onConnection(TenantScope.of(item.tenantId()),
                            conn -> outbox.failed(conn, item.id(), dead, d.channel(), used, error, wait)).replaceWith(false);
                });
    }

    private interface Claimer {
        <T> Uni<T> onConnection(TenantScope scope, Function<SqlConnection, Uni<T>> work);
    }

    private Uni<Integer> runOnce(Claimer claimer) {
        NotificationConfig.Relay r = config.relay();
        return claimer.onConnection(TenantScope.none(), conn -> outbox.claim(conn, NoticeKind.wires(), r.batchSize(), r.lease()))
                .chain(rows -> tenants.tree().chain(tree -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (OutboxRows.Claimed row : rows) {
                        // One row after another: a batch is small, and a failing provider is not hammered in parallel.
                        all = all.chain(() -> handle(row, tree).onFailure().recoverWithUni(e -> {
                            LOG.warnf("outbox row %d: %s; it is tried again when its lease ends", row.id(), e.toString());
                            return Uni.createFrom().voidItem();
                        }));
                    }
                    return all.replaceWith(rows.size());
                }));
    }

    private Uni<Void> handle(OutboxRows.Claimed row, TenantTree tree) {
        NoticeKind kind = NoticeKind.parse(row.kind()).orElseThrow();
        JsonObject p = row.payload();
        JsonObject detail = p.getJsonObject("detail", new JsonObject());
        String reason = p.getString("reason");
        OffsetDateTime date = time(kind == NoticeKind.APOLOGY ? detail.getString("appointment") : p.getString("dueAt"));
        String office = kind == NoticeKind.FORWARDED && detail.getString("to") != null ? detail.getString("to") : row.tenantId();
        if (!kind.toCitizen()) {
            Locale vi = Locale.forLanguageTag("vi");
            Rendered message = texts.render(kind, vi, facts(row, tree, vi, p.getString("holderName", ""), office, date, reason));
            return staff.addresses(row.tenantId(), p.getString("holderActor"))
                    .chain(addresses -> attempt(row, Channel.STAFF_EMAIL, String.join(",", addresses), message, Optional.empty()));
        }
        // No choice made and no SMS provider configured: the portal is the one channel, not a dead letter per dossier.
        Contact contact = row.contact() == null && config.sms().url().isEmpty()
                ? new Contact(null, row.applicantPhone(), List.of(), Locale.forLanguageTag("vi"))
                : Contact.of(row.contact(), row.applicantPhone());
        Rendered message = texts.render(kind, contact.language(),
                facts(row, tree, contact.language(), row.applicantName(), office, date, reason));
        // In the portal first, whatever happens to the rest: the citizen can always read it there.
        Uni<Void> inApp = transactions.onConnection(TenantScope.of(row.tenantId()),
                conn -> notices.insert(conn, row.id(), row.dossierId(), row.tenantId(), row.kind(), reason, date));
        Optional<Channel> current = Channel.parse(row.channel()).filter(contact.outside()::contains)
                .or(() -> contact.outside().stream().findFirst());
        if (current.isEmpty()) {
            return inApp.chain(() -> record(row, conn -> outbox.sent(conn, row.id(), Channel.IN_APP.wire())));
        }
        return inApp.chain(() -> attempt(row, current.get(), address(contact, current.get()), message, Optional.of(contact)));
    }

    /** One attempt on {@code channel}; on failure, the retry, the next channel, or the dead letter. */
    private Uni<Void> attempt(OutboxRows.Claimed row, Channel channel, String address, Rendered message, Optional<Contact> contact) {
        int attempts = channel.wire().equals(row.channel()) ? row.attempts() + 1 : 1;
        Outgoing outgoing = new Outgoing(row.id(), row.kind(), address, message);
        return senders.get(channel).send(outgoing)
                .chain(() -> record(row, conn -> outbox.sent(conn, row.id(), channel.wire())))
                .onFailure().recoverWithUni(e -> {
                    Optional<Channel> after = contact.flatMap(c -> c.after(channel));
                    NotificationConfig.Relay r = config.relay();
                    // Not on this channel at all: no use retrying it.
                    int used = e instanceof Undeliverable ? r.maxAttempts() : attempts;
                    Retry.Decision d = Retry.afterFailure(channel, used, after, r.maxAttempts(), r.backoff(), r.maxBackoff());
                    String error = channel.wire() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    if (d.dead()) {
                        LOG.warnf("outbox row %d (%s, %s) dead-lettered: %s", row.id(), row.kind(), row.receiptCode(), error);
                    }
                    Channel next = d.next().orElse(channel);
                    return record(row, conn -> outbox.failed(conn, row.id(), d.dead(), next.wire(), d.attempts(), error, d.delay()));
                });
    }

    private Uni<Void> record(OutboxRows.Claimed row, Function<SqlConnection, Uni<Void>> write) {
        return transactions.onConnection(TenantScope.of(row.tenantId()), write);
    }

    private static String address(Contact contact, Channel channel) {
        return channel == Channel.EMAIL ? contact.email() : contact.phone();
    }

    private NoticeTexts.Facts facts(OutboxRows.Claimed row, TenantTree tree, Locale locale, String name, String office,
            OffsetDateTime date, String reason) {
        String officeName = tree.find(office).map(t -> t.name().in(locale)).orElse(office);
        String procedure = procedureName(row.procedureCode(), locale);
        String link = config.relay().portalUrl() + "/dossiers/" + row.receiptCode();
        return new NoticeTexts.Facts(name == null ? "" : name, row.receiptCode(), procedure, officeName, date, reason, link);
    }

    private String procedureName(String code, Locale locale) {
        try {
            return catalog.versionAt(code, LocalDate.now(VietnameseLunarCalendar.VIETNAM)).name().in(locale);
        } catch (RuntimeException e) {
            // A procedure withdrawn since: its code still says which one.
            return code;
        }
    }

    private static OffsetDateTime time(String text) {
        return OutboxItem.time(text);
    }

    /** The backoff the configuration gives after {@code attempts} failures, for the documentation and tests. */
    public Duration backoffAfter(int attempts) {
        return Retry.wait(attempts, config.relay().backoff(), config.relay().maxBackoff());
    }
}
