package vn.motcua.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.support.AppPools;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;
import vn.motcua.dossier.domain.Dossier;
import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.dossier.domain.ReceiptCode;
import vn.motcua.dossier.Dossiers;

/**
 * 200 submissions to one agency on one day, at once, through two independent connection pools that share no lock
 * in the JVM — the service's own (over HTTP, through its group writer) and a second one standing for another replica,
 * writing both one by one and in groups of its own — plus retries that clash on their idempotency key and roll back.
 * Every code is distinct, and the agency's numbers of the day are exactly 1..n: no duplicate, no gap.
 */
@QuarkusTest
class ReceiptCodeConcurrencyTest {

    static final String TENANT = Demo.WARD_NGOC_HA;
    static final String OTHER = Demo.WARD_KIM_MA;
    static final int PER_POOL = 100;
    static final Pattern NUMBER = Pattern.compile("-(\\d{6})-(\\d{4,})$");

    @Inject
    Vertx vertx;

    @TestHTTPResource("/api/dossiers")
    URI endpoint;

    @Test
    void twoHundredConcurrentSubmissionsOverTwoPoolsGetGapFreeDistinctCodes() throws Exception {
        Pool replica = AppPools.open(vertx, 8);
        try {
            String token = Tokens.staff(Demo.POSTAL_CLERK);
            byte[] body = new ObjectMapper().writeValueAsBytes(Dossiers.submission(Dossiers.DEATH, TENANT, "postal", Dossiers.deathForm()));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> viaService = new ArrayList<>();
            String clashing = UUID.randomUUID().toString();
            for (int i = 0; i < PER_POOL + 10; i++) {
                // The last eleven share one key: one creates, the others roll back (and must give their number back).
                String key = i < PER_POOL - 1 ? UUID.randomUUID().toString() : clashing;
                viaService.add(http.sendAsync(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            String agency = ScopedTransactions.onConnection(replica, TenantScope.of(TENANT),
                    conn -> conn.preparedQuery("select agency_code from tenant where code = $1").execute(Tuple.of(TENANT))
                            .map(r -> r.iterator().next().getString(0))).await().atMost(Duration.ofSeconds(10));
            DossierRepository repository = new DossierRepository();
            // The other replica writes half of its dossiers one transaction each (as the counter desk does) and half
            // through its own group writer, mixed with dossiers of a second agency so that groups span two counters.
            SubmissionWriter writer = new SubmissionWriter(replica, 16, 2);
            LocalDate day = OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate();
            List<Uni<String>> viaReplica = new ArrayList<>();
            List<Uni<String>> otherAgency = new ArrayList<>();
            for (int i = 0; i < PER_POOL; i++) {
                Dossier d = dossier(TENANT);
                DossierRepository.Event first = new DossierRepository.Event(d.id, TENANT, d.submittedAt, "staff:replica-test", null,
                        "submit", null, d.status, null, null);
                List<DossierRepository.Outbox> notices = List.of(new DossierRepository.Outbox(d.id, TENANT, "receipt", new JsonObject()));
                viaReplica.add(i % 2 == 0
                        ? ScopedTransactions.onConnection(replica, TenantScope.of(TENANT).as("staff:replica-test"),
                                conn -> repository.insert(conn, d, agency, day, first, notices))
                        : writer.write(new SubmissionWriter.Pending(d, agency, day, first, notices)));
                if (i % 4 == 1) {
                    Dossier o = dossier(OTHER);
                    otherAgency.add(writer.write(new SubmissionWriter.Pending(o, "OTHER.AGENCY", day,
                            new DossierRepository.Event(o.id, OTHER, o.submittedAt, "staff:replica-test", null, "submit", null,
                                    o.status, null, null),
                            List.of())));
                }
            }
            List<String> replicaCodes = Uni.join().all(viaReplica).andFailFast().await().atMost(Duration.ofSeconds(120));
            List<String> otherCodes = Uni.join().all(otherAgency).andFailFast().await().atMost(Duration.ofSeconds(60));
            assertEquals(otherAgency.size(), new HashSet<>(otherCodes).size(), "distinct codes at the second agency");
            assertTrue(otherCodes.stream().allMatch(c -> c.startsWith("OTHER.AGENCY-")), otherCodes.toString());

            Set<String> codes = new HashSet<>(replicaCodes);
            List<String> replays = new ArrayList<>();
            int created = 0;
            for (CompletableFuture<HttpResponse<String>> f : viaService) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.statusCode() + " " + r.body());
                String code = new ObjectMapper().readTree(r.body()).get("receiptCode").asText();
                if (r.statusCode() == 201) {
                    created++;
                    assertTrue(codes.add(code), "duplicate code " + code);
                } else {
                    replays.add(code);
                }
            }
            assertEquals(10, replays.size(), "one of the eleven requests with one key created, the ten others replayed it");
            assertTrue(codes.containsAll(replays), "a replay names the dossier its key created");
            assertEquals(PER_POOL, created, "the service created one dossier per distinct key");
            assertEquals(2 * PER_POOL, codes.size());

            assertTrue(gapFree(replica, TENANT) >= 2 * PER_POOL);
            gapFree(replica, OTHER);
            assertTrue(writer.largestGroup.get() > 1, "the replica's writer grouped submissions");
        } finally {
            replica.closeAndAwait();
        }
    }

    @Test
    void aGroupWithAClashingRetryRollsBackAndEachSubmissionIsWrittenAlone() throws Exception {
        Pool replica = AppPools.open(vertx, 2);
        try {
            // One group in flight: everything after the first submission queues and goes as one group of 20.
            SubmissionWriter writer = new SubmissionWriter(replica, 32, 1);
            LocalDate day = OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate();
            String key = UUID.randomUUID().toString();
            List<Uni<String>> writes = new ArrayList<>();
            List<Dossier> dossiers = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                Dossier d = dossier(OTHER);
                d.submittedBy = "staff:group-test";
                if (i == 5 || i == 15) {
                    d.idempotencyKey = key;
                    d.requestHash = "same";
                }
                dossiers.add(d);
                writes.add(writer.write(new SubmissionWriter.Pending(d, "GROUP.TEST", day,
                        new DossierRepository.Event(d.id, OTHER, d.submittedAt, d.submittedBy, null, "submit", null, d.status, null, null),
                        List.of(new DossierRepository.Outbox(d.id, OTHER, "receipt", new JsonObject().put("channel", "postal"))))));
            }
            List<Object> outcomes = Uni.join().all(writes.stream()
                    .map(w -> w.map(Object.class::cast).onFailure().recoverWithItem(t -> t)).toList())
                    .andFailFast().await().atMost(Duration.ofSeconds(60));
            List<Throwable> failures = outcomes.stream().filter(Throwable.class::isInstance).map(Throwable.class::cast).toList();
            assertEquals(1, failures.size(), "only the second submission with the key fails: " + failures);
            assertTrue(failures.get(0) instanceof io.vertx.pgclient.PgException pg && "dossier_idempotency".equals(pg.getConstraint()),
                    failures.get(0).toString());
            assertTrue(outcomes.get(5) instanceof String ^ outcomes.get(15) instanceof String, "one of the two with the key is written");
            assertEquals(20, outcomes.stream().filter(String.class::isInstance).distinct().count());
            assertTrue(writer.largestGroup.get() > 1, "submissions were grouped");
            assertEquals(1, writer.splitGroups(), "the group with the clash was rolled back and split");

            // Each written dossier has its steps, its history row and its notification with the committed code.
            int rows = ScopedTransactions.onConnection(replica, TenantScope.of(OTHER), conn -> conn.preparedQuery("""
                    select count(*) from dossier d
                     where d.submitted_by = 'staff:group-test'
                       and exists (select 1 from dossier_step s where s.dossier_id = d.id and s.seq = 1 and s.started_at is not null)
                       and exists (select 1 from dossier_event e where e.dossier_id = d.id and e.action = 'submit')
                       and exists (select 1 from outbox o where o.dossier_id = d.id and o.payload ->> 'receiptCode' = d.receipt_code
                                   and o.payload ->> 'channel' = 'postal' and o.recipient = d.applicant_phone)""")
                    .execute().map(r -> r.iterator().next().getInteger(0))).await().atMost(Duration.ofSeconds(10));
            assertEquals(20, rows);
            gapFree(replica, OTHER);
        } finally {
            replica.closeAndAwait();
        }
    }

    /**
     * With two groups allowed in flight, a second group starts beside the first only once a group's worth waits (here
     * 4): fewer wait for the first to end. The first group is held on its counter row (locked by another transaction),
     * so that only a second group can write anything meanwhile.
     */
    @Test
    void aFurtherGroupStartsBesideTheFirstOnlyOnceAGroupsWorthWaits() throws Exception {
        withHeldCounterRow(OTHER, (replica, held, day) -> {
            SubmissionWriter writer = new SubmissionWriter(replica, 32, 2, 4);
            CompletableFuture<String> first = write(writer, OTHER, "FIRST.GROUP", day);
            List<CompletableFuture<String>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiting.add(write(writer, TENANT, "FURTHER.GROUP", day));
            }
            Thread.sleep(1000);
            assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "three wait for the first group, which is held");
            waiting.add(write(writer, TENANT, "FURTHER.GROUP", day));
            for (CompletableFuture<String> f : waiting) {
                assertTrue(f.get(20, java.util.concurrent.TimeUnit.SECONDS).startsWith("FURTHER.GROUP-"), "the fourth starts a second group");
            }
            assertTrue(!first.isDone(), "the first group is still held");
            held.query("ROLLBACK").execute().await().atMost(Duration.ofSeconds(10));
            assertTrue(first.get(20, java.util.concurrent.TimeUnit.SECONDS).startsWith("FIRST.GROUP-"));
            assertEquals(4, writer.largestGroup.get(), "the second group held the four");
            gapFree(replica, OTHER);
            gapFree(replica, TENANT);
        });
    }

    /**
     * Two groups in flight never number the same counter row: while a group numbers one ward's submissions of the day
     * (held here on its counter row by another transaction), more for that ward wait for the next group instead of
     * joining a second one that would wait on the same lock, and a submission to another ward goes ahead at once.
     */
    @Test
    void aSecondGroupLeavesTheCounterRowOfTheFirstAndDoesNotWaitOnIt() throws Exception {
        withHeldCounterRow(OTHER, (replica, held, day) -> {
            SubmissionWriter writer = new SubmissionWriter(replica, 32, 2, 1);
            CompletableFuture<String> first = write(writer, OTHER, "HELD.ROW", day);
            List<CompletableFuture<String>> sameRow = List.of(write(writer, OTHER, "HELD.ROW", day), write(writer, OTHER, "HELD.ROW", day));
            CompletableFuture<String> elsewhere = write(writer, TENANT, "FREE.ROW", day);
            assertTrue(elsewhere.get(20, java.util.concurrent.TimeUnit.SECONDS).startsWith("FREE.ROW-"),
                    "the other ward's submission goes in a second group at once");
            Thread.sleep(500);
            assertTrue(!first.isDone() && sameRow.stream().noneMatch(CompletableFuture::isDone), "the held ward's wait for its row");
            held.query("ROLLBACK").execute().await().atMost(Duration.ofSeconds(10));
            assertTrue(first.get(20, java.util.concurrent.TimeUnit.SECONDS).startsWith("HELD.ROW-"));
            for (CompletableFuture<String> f : sameRow) {
                assertTrue(f.get(20, java.util.concurrent.TimeUnit.SECONDS).startsWith("HELD.ROW-"));
            }
            assertEquals(2, writer.largestGroup.get(), "the two that waited went together, after the first");
            gapFree(replica, OTHER);
            gapFree(replica, TENANT);
        });
    }

    /** A test run while another transaction holds the tenant's counter row of today locked (until it rolls back). */
    interface HeldRowTest {
        void run(Pool replica, io.vertx.mutiny.sqlclient.SqlConnection held, LocalDate day) throws Exception;
    }

    /** Runs {@code test} on a second pool, with {@code tenant}'s counter row of today held by another transaction. */
    private void withHeldCounterRow(String tenant, HeldRowTest test) throws Exception {
        Pool replica = AppPools.open(vertx, 4);
        LocalDate day = OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate();
        io.vertx.mutiny.sqlclient.SqlConnection held = replica.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            held.query("BEGIN").execute().await().atMost(Duration.ofSeconds(10));
            held.preparedQuery("select set_config('app.tenants', $1, true)").execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10));
            held.preparedQuery("""
                    insert into receipt_counter (tenant_id, day, last_value) values ($1, $2, 0)
                    on conflict (tenant_id, day) do update set last_value = receipt_counter.last_value""")
                    .execute(Tuple.of(tenant, day)).await().atMost(Duration.ofSeconds(10));
            test.run(replica, held, day);
        } finally {
            held.close().await().atMost(Duration.ofSeconds(10));
            replica.closeAndAwait();
        }
    }

    private static CompletableFuture<String> write(SubmissionWriter writer, String tenant, String agency, LocalDate day) {
        Dossier d = dossier(tenant);
        return writer.write(new SubmissionWriter.Pending(d, agency, day,
                new DossierRepository.Event(d.id, tenant, d.submittedAt, d.submittedBy, null, "submit", null, d.status, null, null),
                List.of())).subscribeAsCompletionStage();
    }

    @Test
    void aSubmissionThatCannotEvenBeEncodedFailsAloneAndTheWriterCarriesOn() {
        Pool replica = AppPools.open(vertx, 2);
        try {
            SubmissionWriter writer = new SubmissionWriter(replica, 32, 1);
            LocalDate day = OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate();
            List<Uni<Object>> writes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Dossier d = dossier(OTHER);
                if (i == 3) {
                    d.procedureVersion = null; // fails while the group's statements are built, not in the database
                }
                writes.add(writer.write(new SubmissionWriter.Pending(d, "BROKEN.TEST", day,
                        new DossierRepository.Event(d.id, OTHER, d.submittedAt, d.submittedBy, null, "submit", null, d.status, null, null),
                        List.of())).map(Object.class::cast).onFailure().recoverWithItem(t -> t));
            }
            List<Object> outcomes = Uni.join().all(writes).andFailFast().await().atMost(Duration.ofSeconds(30));
            assertTrue(outcomes.get(3) instanceof NullPointerException, String.valueOf(outcomes.get(3)));
            assertEquals(5, outcomes.stream().filter(String.class::isInstance).count(), outcomes.toString());
            // The writer's slot was given back: the next submission is written.
            Dossier next = dossier(OTHER);
            String code = writer.write(new SubmissionWriter.Pending(next, "BROKEN.TEST", day,
                    new DossierRepository.Event(next.id, OTHER, next.submittedAt, next.submittedBy, null, "submit", null, next.status,
                            null, null),
                    List.of())).await().atMost(Duration.ofSeconds(10));
            assertTrue(code.startsWith("BROKEN.TEST-"), code);
            gapFree(replica, OTHER);
        } finally {
            replica.closeAndAwait();
        }
    }

    /**
     * The receipt code's format, as the numbering statement writes it: agency, yyMMdd, a number of at least four
     * digits (moved here from a unit test of ReceiptCode.of, which production never called).
     */
    @Test
    void theCodeIsTheAgencyTheDayAndAtLeastFourDigits() {
        Pool pool = AppPools.open(vertx, 1);
        try {
            String sql = "select " + DossierRows.receiptCode("$1", "$2::date", "$3::int") + ", "
                    + DossierRows.lookupKey(DossierRows.receiptCode("$1", "$2::date", "$3::int"));
            for (var expected : List.of(List.of(7, "000.00.01.H26-261124-0007"), List.of(12345, "000.00.01.H26-261124-12345"))) {
                var row = pool.preparedQuery(sql).execute(Tuple.of("000.00.01.H26", LocalDate.of(2026, 11, 24), expected.get(0)))
                        .await().atMost(Duration.ofSeconds(10)).iterator().next();
                assertEquals(expected.get(1), row.getString(0));
                assertEquals(ReceiptCode.lookupKey((String) expected.get(1)), row.getString(1));
            }
        } finally {
            pool.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    /** All of the agency's numbers of the day, including other tests' ones, are exactly 1..n; returns n. */
    private static int gapFree(Pool pool, String tenant) {
        String dayPart = OffsetDateTime.now(ZoneOffset.ofHours(7)).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        List<Integer> numbers = new ArrayList<>();
        int last = ScopedTransactions.onConnection(pool, TenantScope.of(tenant), conn -> conn
                .preparedQuery("select receipt_code from dossier where received_by = $1 and parent_id is null").execute(Tuple.of(tenant))
                .invoke(rows -> rows.forEach(row -> {
                    Matcher m = NUMBER.matcher(row.getString(0));
                    if (m.find() && m.group(1).equals(dayPart)) {
                        numbers.add(Integer.parseInt(m.group(2)));
                    }
                }))
                .chain(() -> conn.preparedQuery("select last_value from receipt_counter where tenant_id = $1 and day = $2")
                        .execute(Tuple.of(tenant, OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate())))
                .map(r -> r.iterator().next().getInteger(0))).await().atMost(Duration.ofSeconds(10));
        numbers.sort(null);
        assertEquals(last, numbers.size(), "one dossier per number issued at " + tenant);
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1, numbers.get(i), "gap or duplicate at " + (i + 1) + " at " + tenant);
        }
        return last;
    }

    private static Dossier dossier(String tenant) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Dossier d = new Dossier();
        d.id = UUID.randomUUID();
        d.receivedBy = tenant;
        d.competentTenant = tenant;
        d.tenantId = tenant;
        d.tenants.add(tenant);
        d.procedureCode = Dossiers.DEATH;
        d.procedureVersion = LocalDate.of(2020, 7, 16);
        d.channel = "postal";
        d.status = DossierStatus.SUBMITTED;
        d.submittedBy = "staff:replica-test";
        d.applicantName = "Nguyễn Văn An";
        d.applicantPhone = "0912 345 678";
        d.phoneKey = "912345678";
        d.relationship = "self";
        d.returnChannel = "counter";
        d.form = new JsonObject();
        d.processingDays = new BigDecimal("0.5");
        d.supplementClock = "pause";
        d.submittedAt = now;
        d.clockStart = now;
        d.dueAt = now.plusHours(4);
        d.currentStep = 1;
        Dossier.Step s = new Dossier.Step();
        s.seq = 1;
        s.code = "receive";
        s.role = "receiver";
        s.share = BigDecimal.ONE;
        s.tenantId = tenant;
        s.dueAt = d.dueAt;
        s.startedAt = now;
        d.steps.add(s);
        return d;
    }
}
