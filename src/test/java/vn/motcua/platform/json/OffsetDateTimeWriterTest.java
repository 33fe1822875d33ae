package vn.motcua.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** The fast writer must print what the JDK's ISO formatter prints, character for character. */
class OffsetDateTimeWriterTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(OffsetDateTime.class, new OffsetDateTimeWriter()));

    @Test
    void edgesPrintAsTheJdkPrintsThem() throws Exception {
        OffsetDateTime[] edges = {
                OffsetDateTime.of(2026, 11, 24, 13, 52, 51, 245_896_000, ZoneOffset.UTC), // microseconds, as PostgreSQL gives
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), // no fraction: seconds still shown
                OffsetDateTime.of(2026, 1, 1, 7, 0, 0, 500_000_000, ZoneOffset.ofHours(7)), // ".5"
                OffsetDateTime.of(2026, 1, 1, 7, 0, 0, 1, ZoneOffset.ofHours(-3)), // nine digits
                OffsetDateTime.of(2026, 1, 1, 7, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)),
                OffsetDateTime.of(2026, 1, 1, 7, 0, 0, 0, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.MAX),
                OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), // the JDK's own rules: "+10000"
                OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.MIN),
        };
        for (OffsetDateTime t : edges) {
            assertEquals(quoted(t), mapper.writeValueAsString(t), t.toString());
        }
    }

    @Test
    void aMillionRandomInstantsPrintAsTheJdkPrintsThem() {
        SplittableRandom random = new SplittableRandom(20261124);
        char[] out = new char[64];
        for (int i = 0; i < 1_000_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000_000) * 1000;
                case 2 -> random.nextInt(1000) * 1_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            OffsetDateTime t = OffsetDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nano,
                    ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1)));
            int n = OffsetDateTimeWriter.format(t, out);
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), new String(out, 0, n));
        }
    }

    private static String quoted(OffsetDateTime t) {
        return '"' + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t) + '"';
    }
}
