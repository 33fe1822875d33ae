package vn.motcua.portal;

import vn.motcua.intake.PortalMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.usecase.PersonalDataReads;
import vn.motcua.platform.i18n.MessageKeys;

/**
 * Every reason an officer may read a citizen's data is explained in the portal's bundle (and so, by
 * {@code BundleKeysTest}, in both languages).
 */
class PortalWordsTest {

    @Test
    void everyAuditPurposeHasItsWords() {
        assertEquals(List.of(), Arrays.stream(PersonalDataReads.Purpose.values()).map(PersonalDataReads.Purpose::wire)
                .filter(p -> !MessageKeys.has(PortalMessages.class, PortalResource.purposeKey(p))).toList());
    }
}
