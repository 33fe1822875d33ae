package vn.motcua.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A domain error that becomes an RFC 9457 problem (API) or a plain-language error page. The detail is localized
 * from the message bundle with {@code args}; {@code fieldErrors} lists every invalid field of a request.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Object> args;
    private final List<FieldError> fieldErrors;

    /** One invalid field: where it is and what is wrong, in plain words. */
    public record FieldError(String field, String message) {
    }

    public ProblemException(ProblemType type, Object... args) {
        this(type, List.of(), args);
    }

    public ProblemException(ProblemType type, List<FieldError> fieldErrors, Object... args) {
        super(type.slug(), null, false, false);
        this.type = type;
        this.args = List.of(args);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ProblemType type() {
        return type;
    }

    public List<Object> args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Extra members of the problem document, beyond the standard ones. */
    public Map<String, Object> extensions() {
        return fieldErrors.isEmpty() ? Map.of() : Map.of("errors", fieldErrors);
    }
}
