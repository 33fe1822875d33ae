package vn.motcua.platform.metrics;

import java.time.Duration;
import java.util.stream.IntStream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Counts every HTTP request's time into fixed buckets ({@code http_server_requests_seconds_bucket} on
 * {@code /q/metrics}), so that the share answered within a latency objective (the queue's 20 ms for a ward and 50 ms
 * for a district, among others) can be read from the service itself: by Prometheus across replicas, and by the
 * benchmark next to what its load generator saw. Fixed buckets rather than percentiles computed in the replica,
 * because buckets add up across replicas and percentiles do not; a bucket costs one counter per endpoint.
 */
public class LatencyBuckets {

    /** The buckets' upper bounds, in milliseconds: fine up to the objectives, coarse beyond. */
    static final int[] BOUNDS_MS = { 1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 100, 250, 500, 1000, 2500, 5000 };

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        double[] bounds = IntStream.of(BOUNDS_MS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
            }
        };
    }
}
