package vn.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.error.FieldIssue;

/** Citizen ID numbers, phone numbers and receipt codes, as people type them. */
class DossierInputsTest {

    @Test
    void citizenIdNumbers() {
        assertEquals(Optional.empty(), CitizenId.check("001203004567"));
        assertEquals(2003, CitizenId.birthYear("001203004567"));
        assertEquals(CitizenId.Sex.MALE, CitizenId.sex("001203004567"));
        assertEquals(CitizenId.Sex.FEMALE, CitizenId.sex("079190004567"));
        assertEquals(1990, CitizenId.birthYear("079190004567"));
        assertEquals(Optional.of(FieldIssue.CITIZEN_ID_FORMAT), CitizenId.check("00120300456"));
        assertEquals(Optional.of(FieldIssue.CITIZEN_ID_FORMAT), CitizenId.check("00120300456a"));
        assertEquals(Optional.of(FieldIssue.CITIZEN_ID_PROVINCE), CitizenId.check("003203004567"));
        assertEquals(Optional.of(FieldIssue.CITIZEN_ID_PROVINCE), CitizenId.check("097203004567"));
        assertEquals(63, CitizenId.PROVINCES.size());
        assertTrue(CitizenId.matchesBirth("001203004567", LocalDate.of(2003, 1, 1)));
        assertEquals("001203004567", CitizenId.normalize(" 001 203-004.567"));
    }

    @Test
    void phoneNumbers() {
        assertEquals(Optional.of("912345678"), PhoneNumbers.key("0912 345 678"));
        assertEquals(Optional.of("912345678"), PhoneNumbers.key("+84 912-345-678"));
        assertEquals(Optional.of("912345678"), PhoneNumbers.key("84912345678"));
        assertEquals(Optional.of("2438253536"), PhoneNumbers.key("024 3825 3536"));
        assertEquals(Optional.empty(), PhoneNumbers.key("12345"));
        assertEquals(Optional.empty(), PhoneNumbers.key("không có"));
        assertEquals("0912 345 678", PhoneNumbers.display("+84912345678"));
    }

    /** A submission's parser answers as parse does, and parses a number it holds twice only once. */
    @Test
    void aSubmissionsPhoneNumbersAreParsedOnceEach() {
        var phones = PhoneNumbers.memo();
        var first = phones.apply("0912 345 678");
        assertEquals(PhoneNumbers.parse("0912 345 678"), first);
        org.junit.jupiter.api.Assertions.assertSame(first, phones.apply("0912 345 678"), "kept, not parsed again");
        assertEquals(Optional.empty(), phones.apply("12345"));
        assertEquals(Optional.empty(), phones.apply(null));
        org.junit.jupiter.api.Assertions.assertNotSame(first, PhoneNumbers.memo().apply("0912 345 678"), "one memo per submission");
    }

    @Test
    void receiptCodes() {
        String key = ReceiptCode.lookupKey("000.00.01.H26-261124-0007");
        for (String typed : List.of("000.00.01.h26 261124 0007", "00000-01H26/261124/0007", " 000 00 01 H26 - 261124 - 0007 ")) {
            assertEquals(key, ReceiptCode.lookupKey(typed), typed);
        }
        assertEquals("000.00.01.H26-261124-0007.L2", ReceiptCode.part("000.00.01.H26-261124-0007", 2));
    }
}
