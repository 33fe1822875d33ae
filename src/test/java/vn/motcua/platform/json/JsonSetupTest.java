package vn.motcua.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The service's own mapper, the one Quarkus REST writes with, uses the fast writer and Quarkus's other defaults. */
@QuarkusTest
class JsonSetupTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void theServicesMapperWritesTimestampsWithTheFastWriter() throws Exception {
        assertInstanceOf(OffsetDateTimeWriter.class, mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class));
        assertEquals("{\"at\":\"2026-11-24T13:52:51.245896Z\"}",
                mapper.writeValueAsString(new Stamp(OffsetDateTime.of(2026, 11, 24, 13, 52, 51, 245_896_000, ZoneOffset.UTC))));
    }

    record Stamp(OffsetDateTime at) {
    }
}
