package vn.motcua.dossier.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

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
 * rows are taken in (tenant, day) order so that two groups never wait on each other in a cycle. If a group fails
 * (typically one of its submissions is the retry of another with the same idempotency key), it is rolled back whole,
 * giving its numbers back, and each of its submissions is written again on its own, so that only the faulty one
 * sees the error.
 */
@Singleton
public class SubmissionWriter {

    /** A dossier to write with its first history row and its notifications; done with its receipt code. */
    public record Pending(Dossier dossier, String agencyCode, LocalDate day, DossierRepository.Event first,
            List<DossierRepository.Outbox> notices) {
    }

    /**
     * Numbers the group from each agency's counter of the day and inserts its dossiers, in one statement. The counter
     * rows are locked in (tenant, day) order; within an agency, the group's dossiers take consecutive numbers in
     * their order of arrival.
     */
    static final String INSERT_DOSSIERS = """
            with b as (
                select * from jsonb_to_recordset($1) as x(i int, id uuid, agency text, day date, received_by text,
                    procedure_code text, procedure_version date, channel text, status text, submitted_by text,
                    submitted_by_name text, applicant_actor text, applicant_name text, applicant_id text,
                    applicant_phone text, phone_key text, relationship text, return_channel text, form jsonb, fee bigint,
                    processing_days numeric, supplement_clock text, submitted_at timestamptz, clock_start timestamptz,
                    due_at timestamptz, current_step int, idempotency_key text, request_hash text, step_code text,
                    holder_name text, intake_office text, delivery_office text, delivery_address text,
                    reuse_consent_at timestamptz, reuse_consent_by text)
            ), n as (
                insert into receipt_counter as c (tenant_id, day, last_value)
                select received_by, day, count(*) from b group by received_by, day order by received_by, day
                on conflict (tenant_id, day) do update set last_value = c.last_value + excluded.last_value
                returning tenant_id, day, last_value
            ), numbered as (
                select b.*, n.last_value - count(*) over agency_day
                            + row_number() over (agency_day order by b.i) as seq
                  from b join n on n.tenant_id = b.received_by and n.day = b.day
                window agency_day as (partition by b.received_by, b.day)
            ), code as (
                select numbered.*, agency || '-' || to_char(day, 'YYMMDD') || '-'
                       || case when seq < 10000 then lpad(seq::text, 4, '0') else seq::text end as v
                  from numbered
            )
            """ + DossierRepository.INSERT_SUBMITTED + """
            select id, v, upper(regexp_replace(v, '[^0-9A-Za-z]', '', 'g')), received_by, received_by, array[received_by],
                   procedure_code, procedure_version, channel, status, submitted_by, submitted_by_name, applicant_actor,
                   applicant_name, applicant_id, applicant_phone, phone_key, relationship, return_channel, form, fee,
                   processing_days, supplement_clock, submitted_at, clock_start, due_at, current_step, idempotency_key,
                   request_hash, step_code, holder_name, intake_office, delivery_office, delivery_address, reuse_consent_at,
                   reuse_consent_by
              from code
            returning id, receipt_code""";

    static final String INSERT_STEPS = """
            insert into dossier_step (dossier_id, seq, code, role, share, tenant_id, holder_actor, holder_name, due_at,
                started_at, ended_at)
            select * from jsonb_to_recordset($1) as x(dossier_id uuid, seq int, code text, role text, share numeric,
                tenant_id text, holder_actor text, holder_name text, due_at timestamptz, started_at timestamptz,
                ended_at timestamptz)""";

    static final String INSERT_EVENTS = """
            insert into dossier_event (dossier_id, tenant_id, occurred_at, actor, actor_name, action, from_status,
                to_status, reason, detail, remote_addr)
            select * from jsonb_to_recordset($1) as x(dossier_id uuid, tenant_id text, occurred_at timestamptz, actor text,
                actor_name text, action text, from_status text, to_status text, reason text, detail jsonb,
                remote_addr text)""";

    /** As {@link DossierRepository#INSERT_OUTBOX}: the notification carries the code and state as committed. */
    static final String INSERT_OUTBOX = """
            insert into outbox (dossier_id, tenant_id, kind, recipient, payload)
            select d.id, x.tenant_id, x.kind, d.applicant_phone,
                   jsonb_build_object('receiptCode', d.receipt_code, 'status', d.status, 'dueAt', d.due_at) || x.payload
              from jsonb_to_recordset($1) as x(dossier_id uuid, tenant_id text, kind text, payload jsonb)
              join dossier d on d.id = x.dossier_id""";

    private final Pool pool;
    private final int maxGroupSize;
    private final int maxGroupsInFlight;
    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final DistributionSummary groupSizes;
    private final Counter splits;
    /** The largest group written so far. */
    final AtomicInteger largestGroup = new AtomicInteger();

    @Inject
    SubmissionWriter(Pool pool, DossierConfig config, MeterRegistry meters) {
        this(pool, config.submissions().maxGroupSize(), config.submissions().groupsInFlight(), meters);
    }

    /** A writer of its own on {@code pool}: another replica's, in tests. */
    public SubmissionWriter(Pool pool, int maxGroupSize, int maxGroupsInFlight) {
        this(pool, maxGroupSize, maxGroupsInFlight, new SimpleMeterRegistry());
    }

    private SubmissionWriter(Pool pool, int maxGroupSize, int maxGroupsInFlight, MeterRegistry meters) {
        if (maxGroupSize < 1 || maxGroupsInFlight < 1) {
            throw new IllegalArgumentException("group size and groups in flight must be at least 1");
        }
        this.pool = pool;
        this.maxGroupSize = maxGroupSize;
        this.maxGroupsInFlight = maxGroupsInFlight;
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
            queue.add(new Waiting(pending, emitter, Vertx.currentContext()));
            drain();
        });
    }

    /** A submission waiting for its group, and where to answer it: on its own request's context. */
    private record Waiting(Pending pending, UniEmitter<? super String> emitter, Context context) {

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
     * Starts groups while there is room and work. Called after every arrival and every finished group, so nothing is
     * left waiting: either a caller sees room and starts a group, or the group in its way calls this when it ends.
     */
    private void drain() {
        while (!queue.isEmpty()) {
            int n = inFlight.get();
            if (n >= maxGroupsInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(n, n + 1)) {
                continue;
            }
            List<Waiting> group = new ArrayList<>();
            for (Waiting w; group.size() < maxGroupSize && (w = queue.poll()) != null;) {
                group.add(w);
            }
            if (group.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            writeGroup(group).subscribe().with(ignored -> finished(), failure -> finished());
        }
    }

    private void finished() {
        inFlight.decrementAndGet();
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
        JsonArray dossiers = new JsonArray();
        JsonArray steps = new JsonArray();
        JsonArray events = new JsonArray();
        JsonArray notices = new JsonArray();
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            Dossier d = p.dossier();
            tenants.add(d.receivedBy);
            dossiers.add(row(i, p));
            for (Dossier.Step s : d.steps) {
                steps.add(new JsonObject().put("dossier_id", d.id.toString()).put("seq", s.seq).put("code", s.code)
                        .put("role", s.role).put("share", s.share).put("tenant_id", s.tenantId).put("holder_actor", s.holderActor)
                        .put("holder_name", s.holderName).put("due_at", text(s.dueAt)).put("started_at", text(s.startedAt))
                        .put("ended_at", text(s.endedAt)));
            }
            DossierRepository.Event e = p.first();
            events.add(new JsonObject().put("dossier_id", d.id.toString()).put("tenant_id", e.tenantId())
                    .put("occurred_at", text(e.at())).put("actor", e.actor()).put("actor_name", e.actorName())
                    .put("action", e.action()).put("from_status", e.from() == null ? null : e.from().wire())
                    .put("to_status", e.to().wire()).put("reason", e.reason()).put("detail", e.detail())
                    .put("remote_addr", e.remoteAddr()));
            for (DossierRepository.Outbox o : p.notices()) {
                notices.add(new JsonObject().put("dossier_id", o.dossierId().toString()).put("tenant_id", o.tenantId())
                        .put("kind", o.kind()).put("payload", o.payload()));
            }
        }
        // Insert policies check the tenant only: the group's scope is its tenants, with no actor.
        return ScopedTransactions.onConnection(pool, new TenantScope(tenants), conn -> {
            Uni<Map<String, String>> codes = conn.preparedQuery(INSERT_DOSSIERS).execute(Tuple.of(dossiers)).map(rows -> {
                Map<String, String> out = new HashMap<>();
                rows.forEach(r -> out.put(r.getUUID("id").toString(), r.getString("receipt_code")));
                if (out.size() != group.size()) {
                    // Rolls the transaction back: a submission without its code must not be committed.
                    throw new IllegalStateException(group.size() + " dossiers to write, " + out.size() + " written");
                }
                return out;
            });
            Uni<?> s = conn.preparedQuery(INSERT_STEPS).execute(Tuple.of(steps));
            Uni<?> e = conn.preparedQuery(INSERT_EVENTS).execute(Tuple.of(events));
            Uni<?> o = notices.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery(INSERT_OUTBOX).execute(Tuple.of(notices));
            return Uni.combine().all().unis(codes, s, e, o).with((c, x, y, z) -> c);
        });
    }

    private static JsonObject row(int i, Pending p) {
        Dossier d = p.dossier();
        Dossier.Step current = d.current().orElse(null);
        return new JsonObject().put("i", i).put("id", d.id.toString()).put("agency", p.agencyCode()).put("day", p.day().toString())
                .put("received_by", d.receivedBy).put("procedure_code", d.procedureCode)
                .put("procedure_version", d.procedureVersion.toString()).put("channel", d.channel).put("status", d.status.wire())
                .put("submitted_by", d.submittedBy).put("submitted_by_name", d.submittedByName)
                .put("applicant_actor", d.applicantActor).put("applicant_name", d.applicantName)
                .put("applicant_id", d.applicantId).put("applicant_phone", d.applicantPhone).put("phone_key", d.phoneKey)
                .put("relationship", d.relationship).put("return_channel", d.returnChannel).put("form", d.form)
                .put("fee", d.fee).put("processing_days", d.processingDays).put("supplement_clock", d.supplementClock)
                .put("submitted_at", text(d.submittedAt)).put("clock_start", text(d.clockStart)).put("due_at", text(d.dueAt))
                .put("current_step", d.currentStep).put("idempotency_key", d.idempotencyKey).put("request_hash", d.requestHash)
                .put("step_code", current == null ? null : current.code).put("holder_name", current == null ? null : current.holderName)
                .put("intake_office", d.intakeOffice).put("delivery_office", d.deliveryOffice)
                .put("delivery_address", d.deliveryAddress).put("reuse_consent_at", text(d.reuseConsentAt))
                .put("reuse_consent_by", d.reuseConsentBy);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
