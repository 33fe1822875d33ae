package vn.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.domain.DossierStatus;
import vn.motcua.platform.i18n.MessageKeys;

/** Every status has its words in the dossier's bundle (and so, by {@code BundleKeysTest}, in both languages). */
class DossierWordsTest {

    @Test
    void everyStatusHasItsWords() {
        assertEquals(List.of(), Arrays.stream(DossierStatus.values())
                .filter(s -> !MessageKeys.has(DossierMessages.class, s.messageKey())).toList());
        assertEquals("status_supplement_requested", DossierStatus.SUPPLEMENT_REQUESTED.messageKey());
    }
}
