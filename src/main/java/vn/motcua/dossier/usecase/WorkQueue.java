package vn.motcua.dossier.usecase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.NearlyLateSettings;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.domain.Deadlines;
import vn.motcua.dossier.domain.DossierCommands;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.ReceiptCode;
import vn.motcua.dossier.domain.TypedText;
import vn.motcua.dossier.store.DossierQueries;
import vn.motcua.dossier.store.DossierQueries.QueueFilter;
import vn.motcua.dossier.store.QueueSignals;
import vn.motcua.identity.AccessPolicy;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.tenant.TenantDirectory;

/**
 * A tenant's work queue (hồ sơ đang xử lý): its open dossiers, soonest due first, for its officers and supervisors;
 * the queues of the desk (new online, to receive, to process, to approve, to return, waiting for a supplement, nearly
 * late, late, received here for another office), how many each holds, a search, and the signal that they changed.
 */
@ApplicationScoped
public class WorkQueue {

    /** Which open dossiers by how soon they are due (the API's {@code due} filter). */
    public enum Due {
        /** Past due. */
        LATE,
        /** Due before the end of today (Vietnam time). */
        TODAY,
        /** Due within seven days. */
        WEEK
    }

    /** The desk's queues (các hàng đợi), each a fixed filter; their names on the wire and in a page's address. */
    public enum Tab {
        /** Every open dossier the tenant holds. */
        ALL("all"),
        /** Sent online and not yet received (hồ sơ trực tuyến mới). */
        ONLINE("online"),
        /** To receive: submitted by any channel, or forwarded here. */
        RECEIVE("receive"),
        /** Received or being processed. */
        PROCESS("process"),
        /** Proposed to the leader for signature. */
        APPROVE("approve"),
        /** Approved or rejected, or with the result ready: to return. */
        RETURN("return"),
        /** Waiting for the applicant's supplement (clock stopped). */
        WAITING("waiting"),
        /** Nearly late: due within the next working day, not yet past. */
        SOON("soon"),
        /** Late: past due, clock running. */
        LATE("late"),
        /** Received at this desk for another office (Decree 118/2025/NĐ-CP), followed to the return. */
        FOR_OTHERS("for-others");

        private final String wire;

        Tab(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Tab> of(String wire) {
            for (Tab t : values()) {
                if (t.wire.equals(wire)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What a queue page asks for; every part optional.
     *
     * @param tab    one of the desk's queues ({@link Tab#ALL} when absent)
     * @param status only in this state
     * @param due    only due this soon
     * @param search a receipt code, an ID number, a part of the applicant's name or of the procedure's name
     */
    public record Query(Tab tab, DossierStatus status, Due due, String search) {

        public static final Query ALL = new Query(Tab.ALL, null, null, null);
    }

    /**
     * A row of a queue, with the working time left counted on the tenant's calendar.
     *
     * @param id          the keyset's tie-breaker (never shown)
     * @param nearlyLate  due within the next working day, not yet late, clock running
     * @param heldBy      the office holding it: another than the queue's for {@link Tab#FOR_OTHERS}
     */
    public record Entry(UUID id, String receiptCode, String procedureCode, java.time.LocalDate procedureVersion, DossierStatus status,
            String applicantName, OffsetDateTime submittedAt, OffsetDateTime dueAt, long workingMinutesLeft, Deadlines.Timeliness timeliness,
            boolean nearlyLate, String stepCode, String holderName, boolean clockStopped, boolean online, String heldBy) {
    }

    /** One page: its rows, the cursor of the next page ({@code null} on the last), and when it was read. */
    public record Page(List<Entry> entries, String next, OffsetDateTime at) {
    }

    /**
     * The keyset of a page's last row (its due time and id), opaque in an address: base64url of both. One that does not
     * decode is refused as the {@code after} field's error, never a 500.
     */
    public record Cursor(OffsetDateTime due, UUID id) {

        public String encode() {
            String raw = due.withOffsetSameInstant(java.time.ZoneOffset.UTC) + "|" + id;
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** The cursor of {@code after}; {@code null} for none. */
        public static Cursor parse(String after) {
            if (after == null || after.isBlank()) {
                return null;
            }
            try {
                if (after.length() > 200) {
                    throw new IllegalArgumentException();
                }
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(after.strip()), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\\|");
                return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw DossierCommands.validation("after", FieldIssue.PATTERN);
            }
        }
    }

    /** How many dossiers each of the desk's queues holds, when they were counted. */
    public record Counts(long all, long online, long receive, long process, long approve, long toReturn, long waiting, long soon,
            long late, long forOthers, OffsetDateTime at) {

        public long of(Tab tab) {
            return switch (tab) {
                case ALL -> all;
                case ONLINE -> online;
                case RECEIVE -> receive;
                case PROCESS -> process;
                case APPROVE -> approve;
                case RETURN -> toReturn;
                case WAITING -> waiting;
                case SOON -> soon;
                case LATE -> late;
                case FOR_OTHERS -> forOthers;
            };
        }
    }

    /** At most this long a search: a name, a code or an ID number is far shorter. */
    static final int MAX_SEARCH = 100;

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{9}|\\d{12}");
    /** What a receipt code looks like once folded: an agency code, a date and a number, letters and digits. */
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z0-9.]*\\d{6}[A-Z0-9.]*");

    private final ScopedTransactions transactions;
    private final DossierQueries queries;
    private final TenantDirectory tenants;
    private final CalendarService calendars;
    private final CatalogService catalog;
    private final AccessPolicy policy;
    private final DossierWork work;
    private final QueueSignals signals;
    private final NearlyLateSettings nearlyLate;

    WorkQueue(ScopedTransactions transactions, DossierQueries queries, TenantDirectory tenants, CalendarService calendars,
            CatalogService catalog, AccessPolicy policy, DossierWork work, QueueSignals signals, NearlyLateSettings nearlyLate) {
        this.nearlyLate = nearlyLate;
        this.transactions = transactions;
        this.queries = queries;
        this.tenants = tenants;
        this.calendars = calendars;
        this.catalog = catalog;
        this.policy = policy;
        this.work = work;
        this.signals = signals;
    }

    /** {@code size} open dossiers of {@code tenant} after the cursor {@code after} (a previous page's {@code next}), if any. */
    public Uni<Page> page(Actor actor, String tenant, Query query, String after, int size) {
        OffsetDateTime now = work.now();
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> {
            Cursor cursor = Cursor.parse(after);
            return calendars.of(tenant).chain(calendar -> nearlyLate.until(tenant, calendar, now).chain(soon -> filter(tenant, query,
                    search(query.search()), calendar, now, soon)
                    .chain(filter -> tenants.tree().chain(tree -> transactions.onConnection(
                            policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor)),
                            conn -> queries.queue(conn, tenant, filter, cursor == null ? null : cursor.due(), cursor == null ? null : cursor.id(),
                                    size + 1))))
                    .map(rows -> {
                        List<Entry> entries = rows.subList(0, Math.min(size, rows.size())).stream().map(r -> entry(r, calendar, now, soon))
                                .toList();
                        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                        return new Page(entries, rows.size() > size && last != null ? new Cursor(last.dueAt(), last.id()).encode() : null, now);
                    })));
        });
    }

    /** How many dossiers each queue of {@code tenant} holds now. */
    public Uni<Counts> counts(Actor actor, String tenant) {
        OffsetDateTime now = work.now();
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> nearlyLate.until(tenant, now))
                .chain(soon -> tenants.tree().chain(tree -> transactions.onConnection(
                        policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor)),
                        conn -> queries.counts(conn, tenant, now, soon))))
                .map(c -> new Counts(c.all(), c.online(), c.toReceive(), c.toProcess(), c.toApprove(), c.toReturn(), c.waiting(), c.soon(),
                        c.late(), c.receivedForOthers(), now));
    }

    /**
     * The receipt code of the dossier a search names, when the search is a receipt code (typed loosely) of a dossier
     * this tenant holds or held: the console then opens it instead of listing.
     */
    public Uni<Optional<String>> codeSearched(Actor actor, String tenant, String typed) {
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).chain(access -> {
            String search = search(typed);
            if (search == null || !CODE_LIKE.matcher(ReceiptCode.lookupKey(search)).matches()) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            return tenants.tree().chain(tree -> transactions.onConnection(
                    policy.readScope(actor, tree).narrowTo(tenant).as(DossierWork.key(actor)),
                    conn -> queries.codeOf(conn, ReceiptCode.lookupKey(search))));
        });
    }

    /**
     * A ping each time {@code tenant}'s queues change, on whichever replica. Authorized once, when the stream opens.
     * Not throttled here: PostgreSQL already folds one transaction's signals into one, a ping is a few bytes, and
     * the page coalesces a burst into one re-read of the counts (a quarter of a second), so that a new dossier shows
     * in well under a second rather than at the next tick of a server-side window.
     */
    /** Whether {@code actor} may follow {@code tenant}'s queues: a failure (403, 404) when not. */
    public Uni<Void> mayWatch(Actor actor, String tenant) {
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).replaceWithVoid();
    }

    public Uni<Multi<String>> changes(Actor actor, String tenant) {
        // A slow reader drops pings rather than failing the shared stream: the next ping, or the poll, re-reads anyway.
        return policy.authorize(actor, Permission.READ_QUEUE, tenant).map(access -> signals.changed().onOverflow().drop()
                .filter(tenant::equals));
    }

    /**
     * {@code soon}: the end of "nearly late", the tenant's threshold from now in its working time
     * ({@link NearlyLateSettings}: the same rule as the alerts).
     */
    private Uni<QueueFilter> filter(String tenant, Query q, String search, WorkingCalendar calendar, OffsetDateTime now, OffsetDateTime soon) {
        Tab tab = q.tab() == null ? Tab.ALL : q.tab();
        List<DossierStatus> statuses = switch (tab) {
            case ONLINE -> List.of(DossierStatus.SUBMITTED);
            case RECEIVE -> List.of(DossierStatus.SUBMITTED, DossierStatus.FORWARDED);
            case PROCESS -> List.of(DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS);
            case APPROVE -> List.of(DossierStatus.AWAITING_APPROVAL);
            case RETURN -> List.of(DossierStatus.APPROVED, DossierStatus.REJECTED, DossierStatus.RESULT_READY);
            case WAITING -> List.of(DossierStatus.SUPPLEMENT_REQUESTED);
            default -> List.of();
        };
        if (q.status() != null) {
            if (!statuses.isEmpty() && !statuses.contains(q.status())) {
                // A state outside the tab's queue: said, rather than silently widened or emptied.
                throw DossierCommands.validation("state", FieldIssue.NOT_AN_OPTION,
                        String.join(", ", statuses.stream().map(DossierStatus::wire).toList()));
            }
            statuses = List.of(q.status());
        }
        OffsetDateTime dueFrom = tab == Tab.SOON ? now : null;
        OffsetDateTime dueBefore = switch (tab) {
            case SOON -> soon;
            case LATE -> now;
            default -> null;
        };
        if (q.due() != null) {
            OffsetDateTime before = switch (q.due()) {
                case LATE -> now;
                case TODAY -> now.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM).toLocalDate().plusDays(1)
                        .atStartOfDay(VietnameseLunarCalendar.VIETNAM).toOffsetDateTime();
                case WEEK -> now.plusDays(7);
            };
            dueBefore = dueBefore == null || before.isBefore(dueBefore) ? before : dueBefore;
        }
        boolean running = tab == Tab.SOON || tab == Tab.LATE;
        boolean online = tab == Tab.ONLINE;
        boolean forOthers = tab == Tab.FOR_OTHERS;
        List<DossierStatus> st = statuses;
        OffsetDateTime before = dueBefore;
        if (search == null) {
            return Uni.createFrom().item(new QueueFilter(st, online, running, dueFrom, before, forOthers, null, List.of(), null));
        }
        if (ID_NUMBER.matcher(search).matches()) {
            return Uni.createFrom().item(new QueueFilter(st, online, running, dueFrom, before, forOthers, null, List.of(), search));
        }
        String folded = CatalogService.fold(search).strip().replaceAll("\\s+", " ");
        if (folded.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // No word to match a procedure's name by ("%", "-"): the name alone, taken literally.
            return Uni.createFrom().item(new QueueFilter(st, online, running, dueFrom, before, forOthers, folded, List.of(), null));
        }
        // The procedures whose name matches (typos forgiven, as on the portal), offered here or not: a queue may hold
        // a dossier of a procedure the office no longer offers.
        return catalog.search(null, null, search, now.toLocalDate()).map(hits -> new QueueFilter(st, online, running, dueFrom, before,
                forOthers, folded, hits.stream().map(h -> h.procedure().code()).distinct().limit(50).toList(), null));
    }

    /** The search as typed, bounded: blank is none; too long or with control characters is refused beside the box. */
    private static String search(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFC);
        if (s.length() > MAX_SEARCH) {
            throw DossierCommands.validation("q", FieldIssue.TOO_LONG, MAX_SEARCH);
        }
        if (TypedText.hasControl(s)) {
            throw DossierCommands.validation("q", FieldIssue.PATTERN);
        }
        return s;
    }

    private static Entry entry(DossierQueries.QueueRow r, WorkingCalendar calendar, OffsetDateTime now, OffsetDateTime soon) {
        long left = r.paused() && r.minutesLeft() != null ? r.minutesLeft() : calendar.workingMinutesBetween(now, r.dueAt());
        Deadlines.Timeliness t = Deadlines.timeliness(r.dueAt(), null, now, r.paused());
        return new Entry(r.id(), r.receiptCode(), r.procedureCode(), r.procedureVersion(), r.status(), r.applicantName(), r.submittedAt(),
                r.dueAt(), left, t, t != Deadlines.Timeliness.LATE && !r.paused() && r.dueAt().isBefore(soon), r.stepCode(), r.holderName(),
                r.paused(),
                r.channel() != null && r.channel().startsWith("online"), r.tenantId());
    }
}
