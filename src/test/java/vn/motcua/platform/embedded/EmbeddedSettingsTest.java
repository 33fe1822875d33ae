package vn.motcua.platform.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** MOTCUA_EMBEDDED_DB_CONFIG: what a benchmark or a bigger machine passes to the embedded PostgreSQL. */
class EmbeddedSettingsTest {

    @Test
    void pairsSeparatedByCommasInTheirOrder() {
        Map<String, String> config = EmbeddedSettings.serverConfig(" shared_buffers=2GB, max_wal_size = 4GB ,");
        assertEquals(Map.of("shared_buffers", "2GB", "max_wal_size", "4GB"), config);
        assertEquals(Map.of(), EmbeddedSettings.serverConfig(""));
    }

    @Test
    void aPairWithoutANameOrAValueIsRefusedNamingIt() {
        for (String bad : List.of("shared_buffers", "=2GB", "shared_buffers=")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddedSettings.serverConfig(bad));
            assertTrue(e.getMessage().contains("MOTCUA_EMBEDDED_DB_CONFIG") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
