package vn.motcua.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Management;

/** Every endpoint's answers are counted into the latency buckets that the objectives and the benchmark read. */
@QuarkusTest
class LatencyBucketsTest {

    /** The buckets of the successful tenant reads; other tests add series for other methods and statuses. */
    private static final Pattern BUCKET = Pattern.compile(
            "^http_server_requests_seconds_bucket\\{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/tenants/\\{code\\}\",le=\"([^\"]+)\"\\} ([0-9.E+]+)$",
            Pattern.MULTILINE);

    @Test
    void theTenantReadIsCountedInEveryBucketUpToItsTime() {
        double before = count("+Inf");
        for (int i = 0; i < 5; i++) {
            given().get("/api/tenants/{code}", Demo.CITY).then().statusCode(200);
        }
        String metrics = given().port(Management.port()).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = BUCKET.matcher(metrics);
        List<String> bounds = new java.util.ArrayList<>();
        double previous = 0;
        while (m.find()) {
            bounds.add(m.group(1));
            double count = Double.parseDouble(m.group(2));
            assertTrue(count >= previous, "buckets are cumulative: " + m.group(0));
            previous = count;
        }
        List<String> expected = new java.util.ArrayList<>(Arrays.stream(LatencyBuckets.BOUNDS_MS)
                .mapToObj(ms -> String.valueOf(ms / 1000.0)).toList());
        expected.add("+Inf");
        assertEquals(expected, bounds, "one bucket per bound, in order");
        assertEquals(before + 5, previous, "every answer is in the last bucket");
    }

    private static double count(String le) {
        String metrics = given().port(Management.port()).get("/q/metrics").then().extract().asString();
        Matcher m = BUCKET.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals(le)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
