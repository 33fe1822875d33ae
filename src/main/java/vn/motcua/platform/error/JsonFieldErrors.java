package vn.motcua.platform.error;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A JSON body that parses but holds a value of the wrong type for one of its fields ({@code "score": "abc"},
 * {@code "appointment": "soon"}, a number too large for its field, an object where a text goes): a 400 naming that
 * field, like every other invalid field, rather than a request the service "could not read". Pure.
 */
final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    /** The field error {@code e} is about, if it names a field. */
    static Optional<ProblemException> of(Throwable e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return Optional.empty();
        }
        FieldIssue issue = issue(m);
        return Optional.of(issue == FieldIssue.NOT_AN_OPTION ? Problems.invalidField(path(m), issue, "true, false")
                : Problems.invalidField(path(m), issue));
    }

    /** The field as requests name it elsewhere: {@code applicant.phone}, {@code items[2].name}. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static FieldIssue issue(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return FieldIssue.UNKNOWN_FIELD;
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType()
                : e.getCause() instanceof InputCoercionException c ? c.getTargetType() : null;
        if (type == null) {
            return FieldIssue.PATTERN;
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class || type.isPrimitive() && type != boolean.class && type != double.class
                        && type != float.class) {
            return FieldIssue.NOT_WHOLE_NUMBER;
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return FieldIssue.NOT_NUMBER;
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return FieldIssue.NOT_TEXT;
        }
        if (type == Boolean.class || type == boolean.class) {
            return FieldIssue.NOT_AN_OPTION;
        }
        if (type == LocalDate.class) {
            return FieldIssue.NOT_DATE;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return FieldIssue.NOT_TIME;
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray() || type.isRecord()) {
            return FieldIssue.NOT_GROUP;
        }
        return FieldIssue.PATTERN;
    }
}
