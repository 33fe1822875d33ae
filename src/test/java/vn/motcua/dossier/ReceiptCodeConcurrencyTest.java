package vn.motcua.dossier;

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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.support.Tokens;

/**
 * 200 submissions to one agency on one day, at once, through two independent connection pools that share no lock
 * in the JVM — the service's own (over HTTP) and a second one standing for another replica — plus retries that
 * clash on their idempotency key and roll back. Every code is distinct, and the agency's numbers of the day are
 * exactly 1..n: no duplicate, no gap.
 */
@QuarkusTest
class ReceiptCodeConcurrencyTest {

    static final String TENANT = "ba-dinh-ngoc-ha";
    static final int PER_POOL = 100;
    static final Pattern NUMBER = Pattern.compile("-(\\d{6})-(\\d{4,})$");

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @TestHTTPResource("/api/dossiers")
    URI endpoint;

    @Test
    void twoHundredConcurrentSubmissionsOverTwoPoolsGetGapFreeDistinctCodes() throws Exception {
        Pool replica = Pool.pool(vertx, PgConnectOptions.fromUri(url).setUser(user).setPassword(password),
                new PoolOptions().setMaxSize(8));
        try {
            String token = Tokens.staff("buudien.badinh");
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
            List<Uni<String>> viaReplica = new ArrayList<>();
            for (int i = 0; i < PER_POOL; i++) {
                Dossier d = dossier();
                LocalDate day = OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate();
                viaReplica.add(ScopedTransactions.onConnection(replica, TenantScope.of(TENANT).as("staff:replica-test"),
                        conn -> repository.insert(conn, d, agency, day,
                                new DossierRepository.Event(d.id, TENANT, d.submittedAt, "staff:replica-test", null, "submit", null,
                                        d.status, null, null),
                                List.of(new DossierRepository.Outbox(d.id, TENANT, "receipt", new JsonObject())))));
            }
            List<String> replicaCodes = Uni.join().all(viaReplica).andFailFast().await().atMost(Duration.ofSeconds(120));

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

            // All of the agency's numbers of the day, including other tests' ones: exactly 1..n.
            String dayPart = OffsetDateTime.now(ZoneOffset.ofHours(7)).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
            List<Integer> numbers = new ArrayList<>();
            int last = ScopedTransactions.onConnection(replica, TenantScope.of(TENANT), conn -> conn
                    .preparedQuery("select receipt_code from dossier where received_by = $1 and parent_id is null").execute(Tuple.of(TENANT))
                    .invoke(rows -> rows.forEach(row -> {
                        Matcher m = NUMBER.matcher(row.getString(0));
                        if (m.find() && m.group(1).equals(dayPart)) {
                            numbers.add(Integer.parseInt(m.group(2)));
                        }
                    }))
                    .chain(() -> conn.preparedQuery("select last_value from receipt_counter where tenant_id = $1 and day = $2")
                            .execute(Tuple.of(TENANT, OffsetDateTime.now(ZoneOffset.ofHours(7)).toLocalDate())))
                    .map(r -> r.iterator().next().getInteger(0))).await().atMost(Duration.ofSeconds(10));
            numbers.sort(null);
            assertEquals(last, numbers.size(), "one dossier per number issued");
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + 1, numbers.get(i), "gap or duplicate at " + (i + 1));
            }
            assertTrue(last >= 2 * PER_POOL);
        } finally {
            replica.closeAndAwait();
        }
    }

    private static Dossier dossier() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Dossier d = new Dossier();
        d.id = UUID.randomUUID();
        d.receivedBy = TENANT;
        d.tenantId = TENANT;
        d.tenants.add(TENANT);
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
        s.tenantId = TENANT;
        s.dueAt = d.dueAt;
        s.startedAt = now;
        d.steps.add(s);
        return d;
    }
}
