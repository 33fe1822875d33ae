package vn.motcua.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * sending anything twice. Each round locks a batch ({@code FOR UPDATE SKIP LOCKED}: another relay passes over these
 * rows) in a transaction that writes each citizen notice to the portal (in-app, always), records the rows that need
 * nothing more, and leases the others (no relay takes them meanwhile); it then sends those on the citizen's current
 * channel, and records the outcome in the row's own tenant scope: sent; or pending again after a backoff; or, once a channel has
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
    private final CitizenContacts contacts;
    /** The outward adapters of features above this one (the national portal's sync): the same machinery, their rows. */
    private final List<OutboxDestination> destinations;
    private final AtomicBoolean running = new AtomicBoolean();
    /** The notices' lane is wanted: a nudge or the timer asked for it (while a round ran, the next round runs it). */
    private final AtomicBoolean noticesWanted = new AtomicBoolean();
    /** The same for the outward destinations' lane. */
    private final AtomicBoolean destinationsWanted = new AtomicBoolean();
    private volatile long timer = -1;

    OutboxRelay(ScopedTransactions transactions, OutboxRows outbox, NoticeRows notices, NoticeTexts texts, TenantDirectory tenants,
            CatalogService catalog, StaffRecipients staff, NotificationConfig config, Vertx vertx, EmailChannel email, SmsChannel sms,
            ZaloChannel zalo, OutboxSignals signals, CitizenContacts contacts, Instance<OutboxDestination> destinations) {
        this.signals = signals;
        this.contacts = contacts;
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
            signals.listen(this::nudged);
        }
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The timer's round: both lanes. */
    void tick() {
        tick(true, true);
    }

    /** A nudge runs the lane it names (V23); an empty one (the previous release's trigger, in a rolling update) both. */
    void nudged(String lane) {
        tick(!OutboxSignals.DESTINATIONS.equals(lane), !OutboxSignals.NOTICES.equals(lane));
    }

    /**
     * One round of the lanes asked for, unless one is still running on this replica (a slow provider must not pile
     * rounds up): then the lanes wait for its end, and one more round runs them.
     */
    private void tick(boolean notices, boolean outward) {
        noticesWanted.compareAndSet(false, notices);
        destinationsWanted.compareAndSet(false, outward);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        boolean n = noticesWanted.getAndSet(false);
        boolean d = destinationsWanted.getAndSet(false);
        int batch = config.relay().batchSize();
        // A full batch means more may be waiting: another round at once rather than at the next tick.
        Uni<Integer> first = n ? runOnce().invoke(k -> noticesWanted.compareAndSet(false, k >= batch)) : Uni.createFrom().item(0);
        first.chain(k -> d ? runDestinations().invoke(m -> destinationsWanted.compareAndSet(false, m >= batch)).map(m -> k + m)
                        : Uni.createFrom().item(k))
                .onTermination().invoke(() -> {
                    running.set(false);
                    if (noticesWanted.get() || destinationsWanted.get()) {
                        vertx.runOnContext(() -> tick(false, false));
                    }
                }).subscribe().with(
                        k -> LOG.debugf("outbox relay: %d row(s)", k),
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
        return tenants.tree().chain(tree -> claimer.onConnection(TenantScope.none(),
                        conn -> outbox.lock(conn, NoticeKind.wires(), config.relay().batchSize()).chain(rows -> settle(conn, rows, tree))))
                .chain(round -> finish(round).replaceWith(round.claimed()));
    }

    /**
     * What a round's transaction leaves for after its commit: the rows to send outside the database (each leased), or,
     * when the round's notices could not be written together, every row to be handled one by one (all leased).
     */
    private record Round(int claimed, List<Planned> outside, List<Planned> oneByOne) {
    }

    /**
     * The round's one transaction, on the connection that locked its rows: every citizen notice to the portal, in one
     * statement, whatever happens to the rest (the citizen can always read it there); the rows that go to the portal
     * only (most of them) marked sent in one statement; the rows still to be sent outside leased in one. Each row is
     * written once, and a round costs one commit, not three (issue 20: at a morning's peak the relay's writes were
     * the database's largest work after the submissions' own). A row that cannot be prepared is leased and left
     * alone: it comes back when its lease ends. When the notices cannot be written together, the transaction goes back
     * to before them, leases every row, and the round writes them one by one after the commit: one bad row must not
     * hold its whole batch back for ever.
     */
    private Uni<Round> settle(SqlConnection conn, List<OutboxRows.Claimed> rows, TenantTree tree) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(new Round(0, List.of(), List.of()));
        }
        List<Planned> plans = new ArrayList<>();
        List<Long> unplanned = new ArrayList<>();
        for (OutboxRows.Claimed row : rows) {
            try {
                plans.add(plan(row, tree));
            } catch (RuntimeException e) {
                LOG.warnf("outbox row %d: %s; it is tried again when its lease ends", row.id(), e.toString());
                unplanned.add(row.id());
            }
        }
        List<NoticeRows.New> inApp = plans.stream().map(Planned::inApp).filter(java.util.Objects::nonNull).toList();
        List<OutboxRows.Sent> portalOnly = plans.stream().filter(p -> p.inApp() != null && p.channel().isEmpty())
                .map(p -> new OutboxRows.Sent(p.row().id(), p.row().tenantId(), Channel.IN_APP.wire())).toList();
        List<Planned> outside = plans.stream().filter(p -> p.inApp() == null || p.channel().isPresent()).toList();
        List<Long> leased = java.util.stream.Stream.concat(outside.stream().map(p -> p.row().id()), unplanned.stream()).toList();
        Duration lease = config.relay().lease();
        TenantScope scope = new TenantScope(rows.stream().map(OutboxRows.Claimed::tenantId).collect(Collectors.toSet()));
        return ScopedTransactions.widen(conn, scope).chain(() -> conn.query("SAVEPOINT notices").execute())
                .chain(() -> notices.insert(conn, inApp)
                        .chain(() -> outbox.sent(conn, portalOnly))
                        .chain(() -> outbox.lease(conn, leased, lease))
                        .replaceWith(new Round(rows.size(), outside, List.of()))
                        .onFailure().recoverWithUni(e -> {
                            LOG.warnf("outbox: the round's %d notices could not be written together (%s); one by one", inApp.size(),
                                    e.toString());
                            return conn.query("ROLLBACK TO SAVEPOINT notices").execute()
                                    .chain(() -> outbox.lease(conn, rows.stream().map(OutboxRows.Claimed::id).toList(), lease))
                                    .replaceWith(new Round(rows.size(), List.of(), plans));
                        }));
    }

    /** After the round's commit: each row still to send, sent one after another, and every row sent recorded together. */
    private Uni<Void> finish(Round round) {
        if (round.oneByOne().isEmpty()) {
            return deliverAll(round.outside());
        }
        return writeInAppOneByOne(round.oneByOne()).chain(this::deliverAll);
    }

    /**
     * Each row attempted on its channel, one after another (a batch is small, and a failing provider is not hammered in
     * parallel); a failed attempt is recorded at once, with its retry; every row sent recorded in one transaction.
     * Recording is at least once: rows sent but not recorded are sent again after their lease.
     */
    private Uni<Void> deliverAll(List<Planned> ready) {
        if (ready.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Queue<OutboxRows.Sent> sent = new ConcurrentLinkedQueue<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Planned p : ready) {
            all = all.chain(() -> deliver(p).invoke(s -> s.ifPresent(sent::add)).replaceWithVoid().onFailure().recoverWithUni(e -> {
                LOG.warnf("outbox row %d: %s; it is tried again when its lease ends", p.row().id(), e.toString());
                return Uni.createFrom().voidItem();
            }));
        }
        return all.chain(() -> recordSent(List.copyOf(sent)));
    }

    /**
     * What a round does with a claimed row: its message, and for a citizen the notice to the portal and the channel to
     * try ({@code channel} empty: the portal is the only one, and there is no message); for staff, the holder whose
     * addresses it goes to.
     */
    private record Planned(OutboxRows.Claimed row, Rendered message, NoticeRows.New inApp, Optional<Contact> contact,
            Optional<Channel> channel, String holder) {
    }

    private Planned plan(OutboxRows.Claimed row, TenantTree tree) {
        NoticeKind kind = NoticeKind.parse(row.kind()).orElseThrow();
        JsonObject p = row.payload();
        JsonObject detail = p.getJsonObject("detail", new JsonObject());
        String reason = p.getString("reason");
        OffsetDateTime date = time(kind == NoticeKind.APOLOGY ? detail.getString("appointment") : p.getString("dueAt"));
        String office = kind == NoticeKind.FORWARDED && detail.getString("to") != null ? detail.getString("to") : row.tenantId();
        if (!kind.toCitizen()) {
            Locale vi = Locale.forLanguageTag("vi");
            Rendered message = texts.render(kind, vi, facts(row, tree, vi, p.getString("holderName", ""), office, date, reason));
            return new Planned(row, message, null, Optional.empty(), Optional.of(Channel.STAFF_EMAIL), p.getString("holderActor"));
        }
        // No choice made and no SMS provider configured: the portal is the one channel, not a dead letter per dossier.
        Contact contact = contacts.of(row.contact(), row.applicantPhone());
        Optional<Channel> current = Channel.parse(row.channel()).filter(contact.outside()::contains)
                .or(() -> contact.outside().stream().findFirst());
        // The portal's notice keeps only the facts (its words are the portal's, in the reader's language): a notice
        // with no outside channel, most of them, is never written out here (rendering was 7% of the service's time
        // at a morning's peak of submissions, issue 20).
        Rendered message = current.isEmpty() ? null
                : texts.render(kind, contact.language(), facts(row, tree, contact.language(), row.applicantName(), office, date, reason));
        return new Planned(row, message, new NoticeRows.New(row.id(), row.dossierId(), row.tenantId(), row.kind(), reason, date),
                Optional.of(contact), current, null);
    }

    /** The notices to the portal one by one, each in its own transaction; the plans whose notice is written. */
    private Uni<List<Planned>> writeInAppOneByOne(List<Planned> plans) {
        Queue<Planned> written = new ConcurrentLinkedQueue<>();
        Uni<Void> each = Uni.createFrom().voidItem();
        for (Planned p : plans) {
            each = each.chain(() -> (p.inApp() == null ? Uni.createFrom().voidItem()
                    : transactions.onConnection(TenantScope.of(p.row().tenantId()), conn -> notices.insert(conn, p.inApp())))
                    .invoke(() -> written.add(p)).onFailure().recoverWithUni(f -> {
                        LOG.warnf("outbox row %d: %s; it is tried again when its lease ends", p.row().id(), f.toString());
                        return Uni.createFrom().voidItem();
                    }));
        }
        return each.map(x -> List.copyOf(written));
    }

    /** The row's attempt on its channel: the row sent, or nothing when it failed (and its failure is recorded). */
    private Uni<Optional<OutboxRows.Sent>> deliver(Planned p) {
        OutboxRows.Claimed row = p.row();
        if (p.inApp() == null) {
            return staff.addresses(row.tenantId(), p.holder())
                    .chain(addresses -> attempt(row, Channel.STAFF_EMAIL, String.join(",", addresses), p.message(), Optional.empty()));
        }
        if (p.channel().isEmpty()) {
            return Uni.createFrom().item(Optional.of(new OutboxRows.Sent(row.id(), row.tenantId(), Channel.IN_APP.wire())));
        }
        Channel channel = p.channel().get();
        return attempt(row, channel, address(p.contact().orElseThrow(), channel), p.message(), p.contact());
    }

    /** Every row of the round that was sent, recorded in one transaction. */
    private Uni<Void> recordSent(List<OutboxRows.Sent> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> scope = sent.stream().map(OutboxRows.Sent::tenantId).collect(Collectors.toSet());
        return transactions.onConnection(new TenantScope(scope), conn -> outbox.sent(conn, sent)).onFailure().recoverWithUni(e -> {
            LOG.warnf("outbox: %d row(s) sent but not recorded (%s); sent again when their lease ends", sent.size(), e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** One attempt on {@code channel}: the row sent; or, on failure, the retry, the next channel, or the dead letter. */
    private Uni<Optional<OutboxRows.Sent>> attempt(OutboxRows.Claimed row, Channel channel, String address, Rendered message,
            Optional<Contact> contact) {
        int attempts = channel.wire().equals(row.channel()) ? row.attempts() + 1 : 1;
        Outgoing outgoing = new Outgoing(row.id(), row.kind(), address, message);
        return senders.get(channel).send(outgoing)
                .map(x -> Optional.of(new OutboxRows.Sent(row.id(), row.tenantId(), channel.wire())))
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
                    return record(row, conn -> outbox.failed(conn, row.id(), d.dead(), next.wire(), d.attempts(), error, d.delay()))
                            .replaceWith(Optional.<OutboxRows.Sent>empty());
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
