package vn.motcua.platform.error;

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
}
