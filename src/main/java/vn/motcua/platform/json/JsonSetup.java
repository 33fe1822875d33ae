package vn.motcua.platform.json;

import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The API's JSON: Quarkus's defaults, with timestamps written by {@link OffsetDateTimeWriter} and no fraction silently
 * dropped from a whole number.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    /** Last of all: customizers run in descending priority, Quarkus's (which add the java.time module) near the end. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        // A module registered later is asked first, so this serializer is the one found for OffsetDateTime.
        mapper.registerModule(new SimpleModule("motcua-times").addSerializer(OffsetDateTime.class, new OffsetDateTimeWriter()));
        // A number with a fraction where a whole one goes is refused, naming the field, never truncated (4.5 is not 4).
        mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
