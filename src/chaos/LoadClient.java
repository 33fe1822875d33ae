import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chaos scripts' clients (docs/chaos.md): online submissions through the proxy, each with its own Idempotency-Key,
 * retried with the same key until the service gives an answer that settles it. Run as a source file, without a build:
 * {@code java src/chaos/LoadClient.java URL SECONDS WORKERS RUN OUT.csv TENANT...}, with a citizen's access token in
 * {@code TOKEN}.
 *
 * <p>A submission is <b>accepted</b> when the service answered 201 (created) or 200 (a retry of one created before),
 * with its receipt code; <b>refused</b> on any other 4xx but 429 (not retried: the request itself is wrong). Anything
 * else (no connection, a reset, a timeout, 5xx, 429) is retried after a pause, 0.2 s growing to 2 s (or the
 * {@code Retry-After}), for up to two minutes after the load ends, then counted <b>unsettled</b>.
 *
 * <p>Writes one line per submission ({@code key,outcome,status,receiptCode,attempts}) to {@code OUT.csv}, one line
 * per second ({@code second,accepted,failedAttempts}) to {@code OUT.csv.timeline}, and prints the totals.
 */
public final class LoadClient {

    private static final Pattern RECEIPT = Pattern.compile("\"receiptCode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration GRACE = Duration.ofMinutes(2);

    private record Result(String key, String outcome, int status, String receiptCode, int attempts) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final URI target;
    private final String token;
    private final List<String> tenants;
    private final long start = System.nanoTime();
    private final ConcurrentHashMap<Long, long[]> perSecond = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();

    private LoadClient(URI target, String token, List<String> tenants) {
        this.target = target;
        this.token = token;
        this.tenants = tenants;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || System.getenv("TOKEN") == null) {
            System.err.println("usage: TOKEN=... java LoadClient.java URL SECONDS WORKERS RUN OUT.csv TENANT...");
            System.exit(2);
        }
        URI target = URI.create(args[0] + "/api/dossiers");
        long seconds = Long.parseLong(args[1]);
        int workers = Integer.parseInt(args[2]);
        String run = args[3];
        Path out = Path.of(args[4]);
        List<String> tenants = List.of(args).subList(5, args.length);
        new LoadClient(target, System.getenv("TOKEN"), tenants).run(seconds, workers, run, out);
    }

    private void run(long seconds, int workers, String run, Path out) throws Exception {
        long loadEnds = start + Duration.ofSeconds(seconds).toNanos();
        List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int seq = 1; System.nanoTime() < loadEnds; seq++) {
                    results.add(submit(run + "-" + worker + "-" + seq, loadEnds + GRACE.toNanos()));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("key,outcome,status,receiptCode,attempts");
            for (Result r : results) {
                csv.println(r.key() + "," + r.outcome() + "," + r.status() + "," + (r.receiptCode() == null ? "" : r.receiptCode()) + "," + r.attempts());
            }
        }
        try (PrintWriter timeline = new PrintWriter(Files.newBufferedWriter(Path.of(out + ".timeline")))) {
            timeline.println("second,accepted,failedAttempts");
            perSecond.keySet().stream().sorted().forEach(s -> timeline.println(s + "," + perSecond.get(s)[0] + "," + perSecond.get(s)[1]));
        }
        long accepted = results.stream().filter(r -> r.outcome().equals("accepted")).count();
        long refused = results.stream().filter(r -> r.outcome().equals("refused")).count();
        long unsettled = results.stream().filter(r -> r.outcome().equals("unsettled")).count();
        long retried = results.stream().filter(r -> r.attempts() > 1).count();
        System.out.printf("submissions %d accepted %d refused %d unsettled %d retried %d failed-attempts %d%n",
                results.size(), accepted, refused, unsettled, retried, retries.get());
    }

    private Result submit(String key, long giveUpAt) {
        String tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
        String body = """
                {"procedure": "1.000656", "tenant": "%s", "channel": "online-full",
                 "applicant": {"fullName": "Nguyễn Văn An", "phone": "0912 345 678"},
                 "form": {"deceased": {"fullName": "Nguyễn Văn Cả", "citizenId": "001045001234", "birthDate": "1945-03-02", "sex": "nam"},
                   "deathDate": "2026-11-20", "deathPlace": "Bệnh viện Bạch Mai", "lastResidence": "12 Điện Biên Phủ, Ba Đình, Hà Nội",
                   "applicantRelationship": "con", "contactPhone": "0912 345 678"}}""".formatted(tenant);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int attempts = 0;
        int status = 0;
        long pauseMs = 200;
        while (true) {
            attempts++;
            long retryAfterMs = 0;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 200 || status == 201) {
                    Matcher m = RECEIPT.matcher(response.body());
                    count(0);
                    return new Result(key, "accepted", status, m.find() ? m.group(1) : null, attempts);
                }
                if (status >= 400 && status < 500 && status != 429) {
                    System.err.println(key + " refused " + status + ": " + response.body());
                    return new Result(key, "refused", status, null, attempts);
                }
                retryAfterMs = response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s.strip()) * 1000).orElse(0L);
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(key, "unsettled", status, null, attempts);
            } catch (NumberFormatException e) {
                // a Retry-After that is a date: the usual pause
            }
            count(1);
            retries.incrementAndGet();
            if (System.nanoTime() > giveUpAt) {
                return new Result(key, "unsettled", status, null, attempts);
            }
            sleep(Math.max(pauseMs, retryAfterMs));
            pauseMs = Math.min(2000, pauseMs * 2);
        }
    }

    private void count(int column) {
        long second = (System.nanoTime() - start) / 1_000_000_000L;
        perSecond.computeIfAbsent(second, s -> new long[2]);
        synchronized (perSecond.get(second)) {
            perSecond.get(second)[column]++;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
