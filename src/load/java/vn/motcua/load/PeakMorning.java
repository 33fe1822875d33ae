package vn.motcua.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A peak morning at the city's one-stop shop (docs/load-test.md): citizens find procedures, read their pages, look up
 * their dossiers and submit online, while officers of the wards and the district work their queues and act on the new
 * dossiers. An open model: each kind of visitor arrives at its own rate (users per second: a quarter of it for
 * {@code load.warmup} seconds, ramped up to it for {@code load.ramp}, then held for {@code load.steady}), whatever the
 * service's speed, as real visitors do.
 *
 * <p>Settings (system properties): {@code load.baseUrl} (the service or the proxy), {@code load.oidcUrl} (Keycloak),
 * {@code load.scale} (multiplies every rate of {@link Mix}), {@code load.warmup}, {@code load.ramp}, {@code load.steady}
 * (seconds), and
 * {@code load.window} (a file where the run writes the steady part's start and end, epoch milliseconds, for the CPU
 * sampled beside it, then the p50 and p99 of all the steady part's responses). Each request of a visitor who arrived during the steady part is counted in the group
 * {@code steady}, the others' in {@code warm-up} and {@code ramp}.
 */
public class PeakMorning extends Simulation {

    /** The rates of one unit of {@code load.scale}, in visitors per second, and why (docs/load-test.md). */
    static final class Mix {
        /** Anonymous citizens finding a procedure and reading its page: most of a morning's visits. */
        static final double BROWSE = 6;
        /** Anonymous citizens looking up a dossier by receipt code and phone (on the portal's page or through the API). */
        static final double LOOK_UP = 3;
        /** Signed-in citizens submitting a dossier online. */
        static final double SUBMIT = 1.5;
        /** Share of the submissions going to each ward; the two wards with a desk officer among the demo accounts first. */
        static final List<Object[]> WARDS = List.of(new Object[] { "ba-dinh-dien-bien", 0.30 }, new Object[] { "cau-giay-yen-hoa", 0.20 },
                new Object[] { "ba-dinh-ngoc-ha", 0.125 }, new Object[] { "ba-dinh-kim-ma", 0.125 },
                new Object[] { "cau-giay-dich-vong", 0.125 }, new Object[] { "cau-giay-quan-hoa", 0.125 });
        /** The district's officers reading the whole district's queue (their wards' too). */
        static final double DISTRICT = 0.3;
    }

    private static final String DIEN_BIEN = "ba-dinh-dien-bien";
    private static final String YEN_HOA = "cau-giay-yen-hoa";
    private static final List<String> CITIZENS = List.of("citizens/nguyenvana", "citizens/tranthib");
    private static final List<String> SEARCHES = List.of("khai sinh", "đăng ký khai sinh", "dang ky ket hon", "kết hôn", "thuong tru",
            "khai tu", "giay phep xay dung", "bảo hiểm y tế trẻ em", "ly lich tu phap", "chung thuc ban sao", "ho kinh doanh",
            "xac nhan tinh trang hon nhan", "khai sinhh", "trich luc ho tich");
    /** The procedures read, the everyday ones more often (a name repeated is read more). */
    private static final List<String> PROCEDURES = List.of("1.001193", "1.001193", "1.001193", "1.000656", "1.000656", "1.004222",
            "1.004222", "2.000815", "2.000815", "2.000815", "1.004873", "1.004873", "1.000894", "1.003197", "2.000635", "1.011947",
            "1.001612", "1.009994", "2.000505", "2.002621");

    private final String baseUrl = System.getProperty("load.baseUrl", "http://127.0.0.1:28080");
    private final String oidcUrl = System.getProperty("load.oidcUrl", "http://127.0.0.1:28180");
    private final double scale = Double.parseDouble(System.getProperty("load.scale", "10"));
    private final int warmUp = Integer.getInteger("load.warmup", 45);
    private final int ramp = Integer.getInteger("load.ramp", 45);
    private final int steady = Integer.getInteger("load.steady", 240);
    private final Path window = Path.of(System.getProperty("load.window", "target/load/window"));

    private final Handoffs handoffs = new Handoffs();
    private final Latencies latencies = new Latencies();
    private Tokens tokens;
    private volatile long injectionStart = Long.MAX_VALUE;

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("vi-VN,vi;q=0.9")
            .userAgentHeader("Motcua peak-morning load test (Gatling)")
            .disableWarmUp()
            // Every response of the steady part, for the percentiles of all requests together.
            .check(responseTimeInMillis().transformWithSession((millis, session) -> {
                if ("steady".equals(session.getString("phase"))) {
                    latencies.record(millis);
                }
                return millis;
            }));

    {
        setUp(
                arrive(browse(), Mix.BROWSE),
                arrive(lookUp(), Mix.LOOK_UP),
                arrive(submit(), Mix.SUBMIT),
                arrive(desk("staff/canbo.dienbien", DIEN_BIEN), Mix.SUBMIT * share(DIEN_BIEN)),
                arrive(desk("staff/canbo.yenhoa", YEN_HOA), Mix.SUBMIT * share(YEN_HOA)),
                arrive(specialist("staff/chuyenvien.dienbien", DIEN_BIEN), Mix.SUBMIT * share(DIEN_BIEN)),
                arrive(district("staff/canbo.badinh", "ba-dinh"), Mix.DISTRICT))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(warmUp + ramp + steady + 60L));
    }

    @Override
    public void before() {
        List<String> accounts = new java.util.ArrayList<>(CITIZENS);
        accounts.addAll(List.of("staff/canbo.dienbien", "staff/canbo.yenhoa", "staff/chuyenvien.dienbien", "staff/canbo.badinh"));
        tokens = new Tokens(oidcUrl, accounts);
        // A few dossiers before the first visitor, so that the first look-ups have codes to ask about.
        Seed.submit(baseUrl, tokens.of(CITIZENS.get(0)), 40, handoffs);
        injectionStart = System.currentTimeMillis();
    }

    @Override
    public void after() {
        if (tokens != null) {
            tokens.close();
        }
        try {
            Files.createDirectories(window.toAbsolutePath().getParent());
            // The steady part's start and end (epoch ms), then the p50 and p99 of all its responses (ms).
            long steadyStart = injectionStart + (warmUp + ramp) * 1000L;
            Files.writeString(window, steadyStart + " " + (steadyStart + steady * 1000L) + " "
                    + latencies.percentile(50) + " " + latencies.percentile(99) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A quarter of the rate for the warm-up (a replica that has run for a while has its code compiled: a fresh JVM
     * interprets it, slowly, for its first minute), then up to the full rate, then held.
     */
    private PopulationBuilder arrive(ScenarioBuilder scenario, double perSecond) {
        double rate = perSecond * scale;
        return scenario.injectOpen(constantUsersPerSec(rate / 4).during(warmUp), rampUsersPerSec(rate / 4).to(rate).during(ramp),
                constantUsersPerSec(rate).during(steady).randomized());
    }

    /** The visitor's requests are counted in the part of the run they arrived in: warm-up, ramp or steady. */
    private ScenarioBuilder visitor(String name, ChainBuilder chain) {
        return scenario(name)
                .exec(session -> {
                    long since = System.currentTimeMillis() - injectionStart;
                    return session.set("phase", since < warmUp * 1000L ? "warm-up" : since < (warmUp + ramp) * 1000L ? "ramp" : "steady");
                })
                .group("#{phase}").on(chain);
    }

    /** Finds a procedure (the portal's search page, or the API as an app asks), then reads one or two pages of it. */
    private ScenarioBuilder browse() {
        return visitor("citizen finds and reads a procedure", exec(session -> session.set("q", any(SEARCHES))
                .set("api", ThreadLocalRandom.current().nextInt(100) < 30)
                .set("code", any(PROCEDURES)).set("code2", any(PROCEDURES)).set("ward", anyWard())
                .set("again", ThreadLocalRandom.current().nextBoolean()))
                .doIfOrElse("#{api}").then(
                        exec(http("search (API)").get("/api/procedures").queryParam("q", "#{q}").header("Accept", "application/json")))
                .orElse(exec(http("search (page)").get("/procedures").queryParam("q", "#{q}").header("Accept", "text/html")))
                .pause(Duration.ofSeconds(2), Duration.ofSeconds(6))
                .exec(http("procedure page").get("/procedures/#{code}").queryParam("ward", "#{ward}").header("Accept", "text/html"))
                .doIf("#{again}").then(exec(pause(Duration.ofSeconds(5), Duration.ofSeconds(15)),
                        http("procedure page").get("/procedures/#{code2}").queryParam("ward", "#{ward}").header("Accept", "text/html"))));
    }

    /** Looks up a dossier: on the portal's page (the form, then the answer), or through the API (an app, a kiosk). */
    private ScenarioBuilder lookUp() {
        return visitor("citizen looks up a dossier", exec(session -> {
            Handoffs.Receipt r = handoffs.anyRecent();
            return session.set("code", r.code()).set("phone", r.phone()).set("api", ThreadLocalRandom.current().nextInt(100) < 40);
        }).doIfOrElse("#{api}").then(exec(http("look-up (API)").get("/api/lookup").queryParam("code", "#{code}")
                .queryParam("phone", "#{phone}").header("Accept", "application/json")))
                .orElse(exec(http("look-up form (page)").get("/tra-cuu").queryParam("code", "#{code}").header("Accept", "text/html"))
                        .pause(Duration.ofSeconds(3), Duration.ofSeconds(8))
                        .exec(http("look-up (page)").post("/tra-cuu").header("Accept", "text/html")
                                .header("Origin", baseUrl).formParam("code", "#{code}").formParam("phone", "#{phone}")
                                .check(status().is(200), css("main").exists()))));
    }

    /** A signed-in citizen reads the procedure's form, fills it in, submits it once (its Idempotency-Key), then reads it. */
    private ScenarioBuilder submit() {
        return visitor("citizen submits online", exec(session -> session.set("token", tokens.of(any(CITIZENS)))
                .set("ward", submissionWard()).set("key", "load-" + UUID.randomUUID())
                .set("phone", "0912 " + (100_000 + ThreadLocalRandom.current().nextInt(900_000))))
                .exec(http("procedure form (API)").get("/api/procedures/1.000656").queryParam("tenant", "#{ward}")
                        .header("Accept", "application/json"))
                .pause(Duration.ofSeconds(5), Duration.ofSeconds(15))
                .exec(http("submit").post("/api/dossiers").header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}").header("Accept", "application/json")
                        .body(StringBody(Seed.BODY)).asJson()
                        .check(status().is(201), jsonPath("$.receiptCode").saveAs("receipt")))
                .exitHereIfFailed()
                .exec(session -> {
                    handoffs.submitted(session.getString("ward"), session.getString("receipt"), session.getString("phone"));
                    return session;
                })
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(http("own dossier (API)").get("/api/dossiers/#{receipt}").header("Authorization", "Bearer #{token}")
                        .header("Accept", "application/json")));
    }

    /** A ward's desk officer: the console's queue, the API's "to receive" list, then the oldest new dossier read and received. */
    private ScenarioBuilder desk(String account, String ward) {
        return visitor("desk officer receives (" + ward + ")", exec(session -> officer(session, account, ward))
                .exec(http("queue (console page)").get("/console/#{ward}/queue").header("Authorization", "Bearer #{token}")
                        .header("Accept", "text/html"))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(http("queue to receive (API)").get("/api/t/#{ward}/queue").queryParam("tab", "receive").queryParam("limit", "50")
                        .header("Authorization", "Bearer #{token}").header("Accept", "application/json"))
                .exec(session -> take(session, handoffs.nextToReceive(ward)))
                .doIf(session -> session.contains("dossier")).then(
                        exec(http("dossier (API)").get("/api/t/#{ward}/dossiers/#{dossier}").header("Authorization", "Bearer #{token}")
                                .header("Accept", "application/json"))
                        .pause(Duration.ofSeconds(2), Duration.ofSeconds(5))
                        .exec(act("receive"))
                        .exec(session -> {
                            if ("received".equals(session.getString("now"))) {
                                handoffs.received(ward, session.getString("dossier"));
                            }
                            return session;
                        })));
    }

    /** The ward's specialist: the "to process" list, then the oldest received dossier taken (assigned to themselves). */
    private ScenarioBuilder specialist(String account, String ward) {
        return visitor("specialist takes a dossier (" + ward + ")", exec(session -> officer(session, account, ward))
                .exec(http("queue to process (API)").get("/api/t/#{ward}/queue").queryParam("tab", "process").queryParam("limit", "50")
                        .header("Authorization", "Bearer #{token}").header("Accept", "application/json"))
                .exec(session -> take(session, handoffs.nextToAssign(ward)))
                .doIf(session -> session.contains("dossier")).then(
                        exec(pause(Duration.ofSeconds(2), Duration.ofSeconds(5)), act("assign"))));
    }

    /** The district's desk: the console's queue of the district and its wards, and the count of each queue. */
    private ScenarioBuilder district(String account, String tenant) {
        return visitor("district officer reads the queues", exec(session -> officer(session, account, tenant))
                .exec(http("district queue (console page)").get("/console/#{ward}/queue").header("Authorization", "Bearer #{token}")
                        .header("Accept", "text/html"))
                .pause(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .exec(http("district counts (API)").get("/api/t/#{ward}/queue/counts").header("Authorization", "Bearer #{token}")
                        .header("Accept", "application/json")));
    }

    private ChainBuilder act(String action) {
        return exec(http(action).post("/api/t/#{ward}/dossiers/#{dossier}/" + action).header("Authorization", "Bearer #{token}")
                .header("Accept", "application/json").body(StringBody("{}")).asJson()
                .check(status().is(200), jsonPath("$.status").saveAs("now")));
    }

    private Session officer(Session session, String account, String tenant) {
        return session.set("token", tokens.of(account)).set("ward", tenant);
    }

    private static Session take(Session session, String code) {
        return code == null ? session.remove("dossier") : session.set("dossier", code);
    }

    private static double share(String ward) {
        return Mix.WARDS.stream().filter(w -> w[0].equals(ward)).mapToDouble(w -> (Double) w[1]).sum();
    }

    private static String submissionWard() {
        double r = ThreadLocalRandom.current().nextDouble();
        for (Object[] w : Mix.WARDS) {
            r -= (Double) w[1];
            if (r < 0) {
                return (String) w[0];
            }
        }
        return DIEN_BIEN;
    }

    private static String anyWard() {
        return (String) Mix.WARDS.get(ThreadLocalRandom.current().nextInt(Mix.WARDS.size()))[0];
    }

    private static String any(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
