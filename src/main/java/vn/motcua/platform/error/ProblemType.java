package vn.motcua.platform.error;

/**
 * Every kind of error the service reports, each with a stable {@code type} URI ({@code /problems/<slug>}, documented
 * at that address), its HTTP status and its words' keys ({@link #titleKey()}, {@link #detailKey()}). Clients may branch on the type; it never changes once published.
 */
public enum ProblemType {
    TENANT_NOT_FOUND("tenant-not-found", 404),
    TENANT_FORBIDDEN("tenant-forbidden", 403),
    PROCEDURE_NOT_FOUND("procedure-not-found", 404),
    DOSSIER_NOT_FOUND("dossier-not-found", 404),
    ILLEGAL_TRANSITION("illegal-transition", 409),
    ACTION_FORBIDDEN("action-forbidden", 403),
    CONCURRENT_CHANGE("concurrent-change", 409),
    /** A dossier is rated once: a second rating is refused. */
    RATING_EXISTS("rating-exists", 409),
    /** Only a dossier whose result was returned can be rated. */
    DOSSIER_NOT_RETURNED("dossier-not-returned", 409),
    /** A printed form whose event has not happened to the dossier (a refusal of a dossier never refused). */
    FORM_NOT_ISSUED("form-not-issued", 409),
    /** A dossier with no fee to pay, or whose fee is already paid: no new payment. */
    NOTHING_TO_PAY("nothing-to-pay", 409),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", 422),
    PROCEDURE_NOT_OFFERED("procedure-not-offered", 422),
    FILE_TOO_LARGE("file-too-large", 413),
    FILE_TYPE_NOT_ALLOWED("file-type-not-allowed", 415),
    TOO_MANY_REQUESTS("too-many-requests", 429),
    /** A tenant's API quota for the current window is used up (hạn mức gọi API của đơn vị): the answer says when to retry. */
    API_QUOTA_EXCEEDED("api-quota-exceeded", 429),
    STAFF_EXISTS("staff-exists", 409),
    CONSENT_REQUIRED("consent-required", 403),
    STAFF_NOT_FOUND("staff-not-found", 404),
    NOT_SIGNED_IN("not-signed-in", 401),
    /** A server-to-server delivery (the national portal's) without a valid signature of the shared secret, or stale. */
    SIGNATURE_INVALID("signature-invalid", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    BAD_REQUEST("bad-request", 400),
    VALIDATION_FAILED("validation-failed", 400),
    UNAVAILABLE("unavailable", 503),
    /** A page needs sign-in and the sign-in server (Keycloak) does not answer: said plainly, with a time to come back. */
    SIGN_IN_UNAVAILABLE("sign-in-unavailable", 503),
    INTERNAL("internal-error", 500);

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    /**
     * The key of its title in {@link ProblemMessages} ({@code problem_<slug>}, hyphens as underscores): the type carries
     * its words' keys, so no switch over the types is written by hand.
     */
    public String titleKey() {
        return "problem_" + slug.replace('-', '_');
    }

    /** The key of its detail in {@link ProblemMessages} ({@code problem_<slug>_detail}). */
    public String detailKey() {
        return titleKey() + "_detail";
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public static ProblemType bySlug(String slug) {
        for (ProblemType t : values()) {
            if (t.slug.equals(slug)) {
                return t;
            }
        }
        return null;
    }
}
