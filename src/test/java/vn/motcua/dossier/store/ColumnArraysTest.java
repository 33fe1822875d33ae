package vn.motcua.dossier.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.motcua.platform.db.StatementCache;
import vn.motcua.support.AppPools;

/**
 * Rows sent as one array per column come back from PostgreSQL exactly as sent: every type the group writer uses, SQL
 * nulls, and text arrays whose elements would break an unquoted literal (quotes, backslashes, braces, commas, the word
 * NULL, the empty string, Vietnamese).
 */
@QuarkusTest
class ColumnArraysTest {

    static final List<ColumnArrays.Column> COLUMNS = ColumnArrays.columns("id uuid", "name text", "n int", "big bigint",
            "share numeric", "yes boolean", "day date", "at timestamptz", "doc jsonb", "tags text[]");

    @Inject
    Vertx vertx;

    @Test
    void rowsComeBackAsSent() {
        String[] hostile = {"d07-w12", "a\"b", "back\\slash", "{brace}", "com,ma", "NULL", "", "Phường Ngọc Hà", " spaced "};
        Object[] full = {UUID.randomUUID(), "Nguyễn Văn \"An\" \\ {x}", 7, 9_000_000_000L, new BigDecimal("0.125"), true,
                LocalDate.of(2026, 12, 3), OffsetDateTime.of(2026, 12, 3, 9, 30, 15, 123_000_000, ZoneOffset.ofHours(7)),
                new JsonObject().put("k", "v").put("nested", new JsonObject().put("n", 1)), hostile};
        Object[] nulls = new Object[COLUMNS.size()];
        nulls[0] = UUID.randomUUID();
        Object[] empty = full.clone();
        empty[0] = UUID.randomUUID();
        empty[9] = new String[] {null, "x"};
        List<Object[]> rows = List.of(full, nulls, empty);

        Pool pool = AppPools.open(vertx, 1);
        try {
            List<Row> back = new ArrayList<>();
            pool.preparedQuery("select " + ColumnArrays.select(COLUMNS) + " from " + ColumnArrays.from(COLUMNS, 1))
                    .execute(ColumnArrays.values(COLUMNS, rows)).await().atMost(Duration.ofSeconds(30)).forEach(back::add);
            assertEquals(3, back.size());

            Row a = back.get(0);
            assertEquals(full[0], a.getUUID("id"));
            assertEquals(full[1], a.getString("name"));
            assertEquals(7, a.getInteger("n"));
            assertEquals(9_000_000_000L, a.getLong("big"));
            assertEquals(0, new BigDecimal("0.125").compareTo(a.getBigDecimal("share")));
            assertTrue(a.getBoolean("yes"));
            assertEquals(full[6], a.getLocalDate("day"));
            assertTrue(((OffsetDateTime) full[7]).isEqual(a.getOffsetDateTime("at")));
            assertEquals(full[8], a.getJsonObject("doc"));
            assertArrayEquals(hostile, a.getArrayOfStrings("tags"));

            Row b = back.get(1);
            assertEquals(nulls[0], b.getUUID("id"));
            for (int i = 1; i < COLUMNS.size(); i++) {
                assertNull(b.getValue(COLUMNS.get(i).name()), COLUMNS.get(i).name());
            }
            assertEquals(Arrays.asList(null, "x"), Arrays.asList(back.get(2).getArrayOfStrings("tags")));
        } finally {
            pool.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingItsColumn() {
        Object[] row = new Object[COLUMNS.size()];
        row[0] = "not a uuid";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnArrays.values(COLUMNS, List.<Object[]>of(row)));
        assertTrue(e.getMessage().startsWith("column id (uuid)"), e.getMessage());
    }

    @Test
    void theRelationNamesEachColumnAndCastsNestedArraysBack() {
        assertEquals("unnest($3::uuid[], $4::text[]) as x(id, tags)", ColumnArrays.from(ColumnArrays.columns("id uuid", "tags text[]"), 3));
        assertEquals("x.id, x.tags::text[] as tags", ColumnArrays.select(ColumnArrays.columns("id uuid", "tags text[]")));
    }

    @Test
    void theGroupWritersStatementsStayWithinWhatAConnectionKeepsPrepared() {
        // Longer, and PostgreSQL would parse and plan them on every group again (StatementCache).
        for (String sql : List.of(DossierRows.INSERT_SUBMITTED, DossierRows.INSERT, DossierRepository.INSERT_STEPS,
                DossierRepository.INSERT_EVENTS, DossierRepository.INSERT_OUTBOX)) {
            assertTrue(sql.length() < StatementCache.SQL_LIMIT, sql.length() + " characters: " + sql.substring(0, 60));
        }
    }
}
