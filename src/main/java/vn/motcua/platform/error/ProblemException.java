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
    private Map<String, Object> extra = Map.of();

    /**
     * One invalid field: where it is and what is wrong, in plain words. An error made by the service carries its
     * {@code issue} and arguments, and its message is written in the reader's language when the problem is sent.
     */
    public record FieldError(String field, String message,
            @com.fasterxml.jackson.annotation.JsonIgnore FieldIssue issue,
            @com.fasterxml.jackson.annotation.JsonIgnore List<Object> args) {

        public static FieldError of(String field, FieldIssue issue, Object... args) {
            return new FieldError(field, null, issue, List.of(args));
        }

        /** The same error with its message in {@code locale}. */
        public FieldError localized(java.util.Locale locale) {
            return issue == null ? this : new FieldError(field, FieldTexts.text(issue, locale, args), issue, args);
        }
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
        return fieldErrors.isEmpty() ? extra : merge(extra, Map.of("errors", fieldErrors));
    }

    /** The problem with an extra member (e.g. the current state and the allowed actions of a 409). */
    public ProblemException with(String member, Object value) {
        ProblemException e = new ProblemException(type, fieldErrors, args.toArray());
        e.extra = merge(extra, Map.of(member, value));
        return e;
    }

    /** The same problem with its field errors in {@code locale}. */
    public ProblemException localized(java.util.Locale locale) {
        if (fieldErrors.stream().allMatch(f -> f.issue() == null)) {
            return this;
        }
        ProblemException e = new ProblemException(type, fieldErrors.stream().map(f -> f.localized(locale)).toList(), args.toArray());
        e.extra = extra;
        return e;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(a);
        out.putAll(b);
        return java.util.Collections.unmodifiableMap(out);
    }
}
