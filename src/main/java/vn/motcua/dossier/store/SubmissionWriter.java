package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.dossier.DossierConfig;
import vn.motcua.dossier.domain.Dossier;

/**
 * Writes new dossiers in groups (group commit): the submissions that arrive while earlier groups are being written
 * wait in a queue and go together in the next transaction, one multi-row statement per table. PostgreSQL's cost of
 * a submission is mostly per statement and per commit, not per row (docs/benchmarks.md), so under load a group of
 * 16 costs little more than one; with nothing else in flight a submission goes alone at once, so a quiet system
 * waits for nothing.
 *
 * <p>Receipt numbers stay gap-free and unique across replicas without any lock in the JVM: each group takes the
 * numbers it needs from the agency's counter row in the database, which stays locked until the group commits, and
 * rows are taken in (tenant, day) order so that two groups never wait on each other in a cycle. Two groups of this
 * writer in flight at once never share a counter row: a submission whose agency and day a group in flight is numbering
 * waits for the next group, instead of joining one that would wait on that row's lock until the first commits (by the
 * odds, a third of second groups would with 16 submissions to random wards of 600 in each; at a busy ward's peak,
 * nearly all). If a group fails (typically one of its submissions is the retry of another with the same idempotency
 * key), it is rolled back whole, giving its numbers back, and each of its submissions is written again on its own, so
 * that only the faulty one sees the error.
 */
@Singleton
public class SubmissionWriter {

    /**
     * A dossier to write with its first history row, its notifications and the files it comes with (papers staged in
     * the citizen's draft, whose bytes are already in the store); done with its receipt code.
     */
    public record Pending(Dossier dossier, String agencyCode, LocalDate day, DossierRepository.Event first,
            List<DossierRepository.Outbox> notices, List<AttachmentRecord> attachments) {

        /** A dossier that comes without files. */
        public Pending(Dossier dossier, String agencyCode, LocalDate day, DossierRepository.Event first, List<DossierRepository.Outbox> notices) {
            this(dossier, agencyCode, day, first, notices, List.of());
        }
    }

    private final Pool pool;
    private final int maxGroupSize;
    private final int maxGroupsInFlight;
    private final int furtherGroupAt;
    /** The submissions waiting for a group, in arrival order; guarded by itself, as are {@link #busy} and {@link #inFlight}. */
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    /** The counter rows (agency's tenant and day) that the groups in flight are numbering. */
    private final Set<CounterRow> busy = new HashSet<>();
    private int inFlight;
    private final DistributionSummary groupSizes;
    private final Counter splits;
    /** The largest group written so far. */
    final AtomicInteger largestGroup = new AtomicInteger();

    @Inject
    SubmissionWriter(Pool pool, DossierConfig config, MeterRegistry meters) {
        this(pool, config.submissions().maxGroupSize(), config.submissions().groupsInFlight(), config.submissions().furtherGroupAt(),
                meters);
    }

    /** A writer of its own on {@code pool}: another replica's, in tests; a further group starts whenever there is room. */
    public SubmissionWriter(Pool pool, int maxGroupSize, int maxGroupsInFlight) {
        this(pool, maxGroupSize, maxGroupsInFlight, 1);
    }

    /** As {@link #SubmissionWriter(Pool, int, int)}, a further group starting once {@code furtherGroupAt} wait. */
    public SubmissionWriter(Pool pool, int maxGroupSize, int maxGroupsInFlight, int furtherGroupAt) {
        this(pool, maxGroupSize, maxGroupsInFlight, furtherGroupAt, new SimpleMeterRegistry());
    }

    private SubmissionWriter(Pool pool, int maxGroupSize, int maxGroupsInFlight, int furtherGroupAt, MeterRegistry meters) {
        if (maxGroupSize < 1 || maxGroupsInFlight < 1 || furtherGroupAt < 1) {
            throw new IllegalArgumentException("group size, groups in flight and the further group's size must be at least 1");
        }
        this.pool = pool;
        this.maxGroupSize = maxGroupSize;
        this.maxGroupsInFlight = maxGroupsInFlight;
        this.furtherGroupAt = Math.min(furtherGroupAt, maxGroupSize);
        this.groupSizes = DistributionSummary.builder("motcua.submissions.group.size")
                .description("Submissions written per transaction by the group writer").register(meters);
        this.splits = Counter.builder("motcua.submissions.group.splits")
                .description("Groups that failed and were written again one submission per transaction").register(meters);
    }

    /** Groups of more than one that failed and were written again one by one. */
    long splitGroups() {
        return (long) splits.count();
    }

    /** Writes the dossier with the next group; the item is its receipt code, once committed. */
    public Uni<String> write(Pending pending) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (queue) {
                queue.add(new Waiting(pending, emitter, Vertx.currentContext()));
            }
            drain();
        });
    }

    /** The receipt counter's row that numbers a submission: its receiving desk's, on its day. */
    private record CounterRow(String tenant, LocalDate day) {
    }

    /** A submission waiting for its group, and where to answer it: on its own request's context. */
    private record Waiting(Pending pending, UniEmitter<? super String> emitter, Context context) {

        CounterRow counterRow() {
            return new CounterRow(pending.dossier().receivedBy, pending.day());
        }

        void complete(String code) {
            answer(() -> emitter.complete(code));
        }

        void fail(Throwable t) {
            answer(() -> emitter.fail(t));
        }

        private void answer(Runnable r) {
            if (context == null || context == Vertx.currentContext()) {
                r.run();
            } else {
                context.runOnContext(ignored -> r.run());
            }
        }
    }

    /**
     * Starts groups while there is room and work: the first whatever waits, a further one only once a group's worth
     * waits, each of submissions whose counter rows no group in flight is numbering. Called after every arrival and
     * every finished group, so nothing is left waiting: either a caller sees room and starts a group, or the group in
     * its way calls this when it ends (a submission passed over for its counter row waits only for the group that
     * numbers that row).
     */
    private void drain() {
        List<Group> start = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && inFlight < maxGroupsInFlight && (inFlight == 0 || queue.size() >= furtherGroupAt)) {
                Group group = new Group(new ArrayList<>(), new HashSet<>());
                // Looks a few groups' worth ahead at most, so that a long queue for one busy ward costs no more per call.
                int looked = 0;
                for (Iterator<Waiting> it = queue.iterator(); it.hasNext() && group.waiting().size() < maxGroupSize
                        && looked < LOOK_AHEAD * maxGroupSize; looked++) {
                    Waiting w = it.next();
                    CounterRow row = w.counterRow();
                    if (!busy.contains(row)) {
                        it.remove();
                        group.waiting().add(w);
                        group.rows().add(row);
                    }
                }
                if (group.waiting().isEmpty()) {
                    break;
                }
                busy.addAll(group.rows());
                inFlight++;
                start.add(group);
            }
        }
        // Outside the lock: a group that fails at once finishes (and drains again) on this thread.
        start.forEach(g -> writeGroup(g.waiting()).subscribe().with(ignored -> finished(g), failure -> finished(g)));
    }

    /** How many groups' worth of the queue {@link #drain} looks through for submissions whose counter row is free. */
    private static final int LOOK_AHEAD = 4;

    /** A group being written: its submissions, and the counter rows it numbers. */
    private record Group(List<Waiting> waiting, Set<CounterRow> rows) {
    }

    private void finished(Group group) {
        synchronized (queue) {
            inFlight--;
            busy.removeAll(group.rows());
        }
        drain();
    }

    /** The group in one transaction; if it fails and held more than one, each again in a transaction of its own. */
    private Uni<Void> writeGroup(List<Waiting> group) {
        largestGroup.accumulateAndGet(group.size(), Math::max);
        groupSizes.record(group.size());
        // Deferred, so that even a mistake while building the statements fails the group's callers instead of
        // escaping drain() and leaving them, and the writer's slot, waiting for ever.
        return Uni.createFrom().deferred(() -> insert(group.stream().map(Waiting::pending).toList()))
                .onItemOrFailure().transformToUni((codes, failure) -> {
                    // Only a transaction that failed is written again: answering the callers is outside its fate.
                    if (failure == null) {
                        group.forEach(w -> w.complete(codes.get(w.pending().dossier().id.toString())));
                        return Uni.createFrom().voidItem();
                    }
                    if (group.size() == 1) {
                        group.get(0).fail(failure);
                        return Uni.createFrom().voidItem();
                    }
                    splits.increment();
                    return Uni.join().all(group.stream().map(w -> writeGroup(List.of(w))).toList()).andCollectFailures()
                            .replaceWithVoid();
                });
    }

    /** One transaction: numbered dossiers, steps, history and outbox, one statement each, sent pipelined. */
    Uni<Map<String, String>> insert(List<Pending> group) {
        Set<String> tenants = new LinkedHashSet<>();
        group.forEach(p -> tenants.addAll(p.dossier().tenants));
        // Insert policies check the tenant only: the group's scope is its tenants (the receiving desks, whose counters
        // number the codes, and the competent offices), with no actor.
        return ScopedTransactions.onConnection(pool, new TenantScope(tenants), conn -> Uni.combine().all()
                .unis(conn.query(GENERIC_PLANS).execute(), DossierRepository.insertSubmitted(conn, group)).with((set, codes) -> codes));
    }

    /**
     * Sent first in each group's transaction (pipelined, and undone at its end): PostgreSQL runs the group's prepared
     * statements on the plan it made once for the connection. The dossier statement was planned afresh for every group
     * (1.46 ms of planning against 6.3 ms of running it: pg_stat_statements with track_planning, 924 groups, 2026-12-03,
     * docs/benchmarks.md), first because it was too long to stay prepared ({@link vn.motcua.platform.db.StatementCache});
     * and even prepared, PostgreSQL may keep planning it for the values at hand whenever its generic plan, made for
     * arrays of unknown length, looks dearer than one for 16 rows. With both, 5 plans for 926 groups. The statements read
     * arrays row by row with {@code unnest} and find every other row by its key, so one plan serves any group size.
     */
    static final String GENERIC_PLANS = "set local plan_cache_mode = force_generic_plan";
}
