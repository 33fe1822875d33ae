package vn.motcua.platform.error;

import java.util.List;

/** Factories for the problems that more than one feature raises. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException tenantNotFound(String code) {
        return new ProblemException(ProblemType.TENANT_NOT_FOUND, code);
    }

    public static ProblemException tenantForbidden(String code) {
        return new ProblemException(ProblemType.TENANT_FORBIDDEN, code);
    }

    public static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN);
    }

    public static ProblemException notSignedIn() {
        return new ProblemException(ProblemType.NOT_SIGNED_IN);
    }

    /** A request with one invalid field; its message is written in the reader's language when the problem is sent. */
    public static ProblemException invalidField(String field, FieldIssue issue, Object... args) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, List.of(ProblemException.FieldError.of(field, issue, args)), 1);
    }
}
