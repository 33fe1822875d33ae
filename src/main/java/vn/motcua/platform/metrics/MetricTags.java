package vn.motcua.platform.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * No Java class name in the metrics: a meter's {@code exception} tag (the class of what failed) tells a reader how the
 * service is built and grows a series per class; the status and outcome tags already say what the caller saw, and
 * the incident id in the log says the rest.
 */
@Singleton
public class MetricTags {

    @Produces
    @Singleton
    MeterFilter withoutExceptionClasses() {
        return MeterFilter.ignoreTags("exception");
    }
}
