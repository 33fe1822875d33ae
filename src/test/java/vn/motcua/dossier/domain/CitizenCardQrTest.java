package vn.motcua.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The citizen ID card's QR text: what a real card prints, and what no card does. */
class CitizenCardQrTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String CARD = "001085006789|012345678|Nguyễn Thị Hồng Nhung|15081985|Nữ|Số 12 Điện Biên Phủ, Phường Điện Biên, Quận Ba Đình, Hà Nội|20042021";

    @Test
    void aCardWithAnOldNumber() {
        CitizenCardQr c = CitizenCardQr.parse(CARD, TODAY).orElseThrow();
        assertEquals("001085006789", c.citizenId());
        assertEquals("012345678", c.oldId());
        assertEquals("Nguyễn Thị Hồng Nhung", c.fullName());
        assertEquals(LocalDate.of(1985, 8, 15), c.birthDate());
        assertEquals("Nữ", c.sex());
        assertEquals(CitizenId.Sex.FEMALE, c.sexCode());
        assertEquals("Số 12 Điện Biên Phủ, Phường Điện Biên, Quận Ba Đình, Hà Nội", c.address());
        assertEquals(LocalDate.of(2021, 4, 20), c.issuedOn());
    }

    @Test
    void aCardWithoutAnOldNumber() {
        CitizenCardQr c = CitizenCardQr.parse("079192003456||Trần Văn Bình|02011992|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10072024", TODAY)
                .orElseThrow();
        assertNull(c.oldId());
        assertEquals("Trần Văn Bình", c.fullName());
        assertEquals(CitizenId.Sex.MALE, c.sexCode());
    }

    @Test
    void withoutTheOldNumberFieldAtAll() {
        CitizenCardQr c = CitizenCardQr.parse("079192003456|Trần Văn Bình|02011992|Nam|Quận 1, TP. Hồ Chí Minh|10072024", TODAY).orElseThrow();
        assertNull(c.oldId());
        assertEquals("Quận 1, TP. Hồ Chí Minh", c.address());
        assertEquals(LocalDate.of(2024, 7, 10), c.issuedOn());
    }

    @Test
    void aTwelveDigitOldNumberAndATrailingSeparator() {
        CitizenCardQr c = CitizenCardQr.parse("001085006789|001085006788|Lê Văn Cường|01011985|Nam|Hà Nội|01012022|", TODAY).orElseThrow();
        assertEquals("001085006788", c.oldId());
    }

    @Test
    void decomposedTextComesBackComposed() {
        String nfd = Normalizer.normalize(CARD, Normalizer.Form.NFD);
        CitizenCardQr c = CitizenCardQr.parse("\uFEFF" + nfd + "\r\n", TODAY).orElseThrow();
        assertEquals("Nguyễn Thị Hồng Nhung", c.fullName());
        assertTrue(Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC));
        assertTrue(Normalizer.isNormalized(c.address(), Normalizer.Form.NFC));
        assertEquals("Nữ", c.sex());
        assertTrue(Normalizer.isNormalized(c.sex(), Normalizer.Form.NFC));
    }

    @Test
    void spacesAndInvisibleCharactersAreTidied() {
        CitizenCardQr c = CitizenCardQr.parse("001085006789||  Nguyễn   Văn\u200B An |01011985| nam |Hà\tNội|01012022", TODAY).orElseThrow();
        assertEquals("Nguyễn Văn An", c.fullName());
        assertEquals("Nam", c.sex());
        assertEquals("Hà Nội", c.address());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "https://dichvucong.gov.vn/tra-cuu?code=123",
            "00108500678|012345678|Nguyễn An|15081985|Nam|Hà Nội|20042021", // 11 digits
            "0010850067890|012345678|Nguyễn An|15081985|Nam|Hà Nội|20042021", // 13 digits
            "00108500678X|012345678|Nguyễn An|15081985|Nam|Hà Nội|20042021",
            "001085006789|01234|Nguyễn An|15081985|Nam|Hà Nội|20042021", // an old number of 5 digits
            "001085006789|012345678|Nguyễn An|31021985|Nam|Hà Nội|20042021", // 31 February
            "001085006789|012345678|Nguyễn An|1985-08-15|Nam|Hà Nội|20042021",
            "001085006789|012345678|Nguyễn An|1581985|Nam|Hà Nội|20042021",
            "001085006789|012345678|Nguyễn An|15081985|Nam|Hà Nội|2004202",
            "001085006789|012345678|Nguyễn An|15081985|Nam|Hà Nội|20042031", // issued in the future
            "001085006789|012345678|Nguyễn An|15082022|Nam|Hà Nội|20042021", // born after the issue
            "001085006789|012345678|Nguyễn An|15081985|Khác|Hà Nội|20042021",
            "001085006789|012345678||15081985|Nam|Hà Nội|20042021", // no name
            "001085006789|012345678|Nguyễn An|15081985|Nam| |20042021", // no address
            "001085006789|012345678|Nguyễn An|15081985|Nam|Hà Nội|20042021|x", // an eighth field
            "001085006789|012345678|Nguyễn An|15081985|Nam|Hà Nội", // six fields, the old number there
    })
    void whatNoCardPrintsIsRefused(String text) {
        assertEquals(Optional.empty(), CitizenCardQr.parse(text, TODAY), text);
    }

    @Test
    void nothingAndHugeTextsAreRefused() {
        assertEquals(Optional.empty(), CitizenCardQr.parse(null, TODAY));
        assertEquals(Optional.empty(), CitizenCardQr.parse("001085006789||" + "A".repeat(5000) + "|01011985|Nam|Hà Nội|01012022", TODAY));
        assertEquals(Optional.empty(), CitizenCardQr.parse("001085006789||" + "A".repeat(101) + "|01011985|Nam|Hà Nội|01012022", TODAY));
    }
}
