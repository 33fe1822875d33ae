package vn.motcua.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A value of the wrong type is an error of its field, named as requests name fields; JSON that does not parse is not. */
class JsonFieldErrorsTest {

    record Person(String fullName, String phone) {
    }

    record Body(Integer score, String comment, Boolean consent, LocalDate day, OffsetDateTime at, java.math.BigDecimal days,
            Person applicant, List<Person> people) {
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"score": "abc"}                     | score                 | NOT_WHOLE_NUMBER
            {"score": 4.5}                       | score                 | NOT_WHOLE_NUMBER
            {"score": 9223372036854775807}       | score                 | NOT_WHOLE_NUMBER
            {"score": 1e308}                     | score                 | NOT_WHOLE_NUMBER
            {"score": {}}                        | score                 | NOT_WHOLE_NUMBER
            {"comment": {"x": 1}}                | comment               | NOT_TEXT
            {"consent": "perhaps"}               | consent               | NOT_AN_OPTION
            {"day": "soon"}                      | day                   | NOT_DATE
            {"at": "soon"}                       | at                    | NOT_TIME
            {"days": "many"}                     | days                  | NOT_NUMBER
            {"applicant": "x"}                   | applicant             | NOT_GROUP
            {"applicant": {"phone": []}}         | applicant.phone       | NOT_TEXT
            {"people": [{}, {"fullName": {}}]}   | people[1].fullName    | NOT_TEXT
            """)
    void aValueOfTheWrongTypeNamesItsField(String body, String field, FieldIssue issue) {
        ProblemException p = JsonFieldErrors.of(assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Body.class)))
                .orElseThrow();
        assertEquals(ProblemType.VALIDATION_FAILED, p.type());
        assertEquals(field, p.fieldErrors().get(0).field());
        assertEquals(issue, p.fieldErrors().get(0).issue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"score":
            [1, 2
            not json
            """)
    void jsonThatDoesNotParseNamesNoField(String body) {
        assertTrue(JsonFieldErrors.of(assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Body.class))).isEmpty());
    }
}
