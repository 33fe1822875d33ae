package vn.motcua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

class PageLimitTest {

    @Test
    void anAbsentOrBlankLimitIsTheListingsDefault() {
        assertEquals(50, PageLimit.parse(null, 50, 200));
        assertEquals(50, PageLimit.parse("", 50, 200));
        assertEquals(100, PageLimit.parse("  ", 100, 500));
    }

    @Test
    void aWholeNumberInRangeIsTakenAsItIs() {
        assertEquals(1, PageLimit.parse("1", 50, 200));
        assertEquals(17, PageLimit.parse(" 17 ", 50, 200));
        assertEquals(5, PageLimit.parse("+5", 50, 200));
        assertEquals(200, PageLimit.parse("200", 50, 200));
        assertEquals(200, PageLimit.parse("0200", 50, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "201", "-0", "2147483648", "99999999999999999999999", "-99999999999999999999" })
    void aNumberOutsideTheRangeNamesTheRange(String raw) {
        ProblemException.FieldError error = refused(raw);
        assertEquals(FieldIssue.OUT_OF_RANGE, error.issue());
        assertEquals(List.of(1, 200), error.args());
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "1.5", "1e3", "+", "-", "12a", "٣", "1 0", "0x10" })
    void textThatIsNotAWholeNumberIsNotANumber(String raw) {
        assertEquals(FieldIssue.NOT_NUMBER, refused(raw).issue());
    }

    private static ProblemException.FieldError refused(String raw) {
        ProblemException e = assertThrows(ProblemException.class, () -> PageLimit.parse(raw, 50, 200), raw);
        assertEquals(ProblemType.VALIDATION_FAILED, e.type());
        assertEquals(1, e.fieldErrors().size());
        assertEquals("limit", e.fieldErrors().get(0).field());
        return e.fieldErrors().get(0);
    }
}
