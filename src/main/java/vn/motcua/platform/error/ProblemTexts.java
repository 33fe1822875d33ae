package vn.motcua.platform.error;

import java.util.List;

import vn.motcua.platform.i18n.Messages;

/** The localized title and detail of each problem type, from the message bundle. */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static String title(ProblemType type, Messages m) {
        return switch (type) {
            case TENANT_NOT_FOUND -> m.problem_tenant_not_found();
            case TENANT_FORBIDDEN -> m.problem_tenant_forbidden();
            case PROCEDURE_NOT_FOUND -> m.problem_procedure_not_found();
            case DOSSIER_NOT_FOUND -> m.problem_dossier_not_found();
            case ILLEGAL_TRANSITION -> m.problem_illegal_transition();
            case ACTION_FORBIDDEN -> m.problem_action_forbidden();
            case CONCURRENT_CHANGE -> m.problem_concurrent_change();
            case IDEMPOTENCY_CONFLICT -> m.problem_idempotency_conflict();
            case PROCEDURE_NOT_OFFERED -> m.problem_procedure_not_offered();
            case FILE_TOO_LARGE -> m.problem_file_too_large();
            case FILE_TYPE_NOT_ALLOWED -> m.problem_file_type_not_allowed();
            case TOO_MANY_REQUESTS -> m.problem_too_many_requests();
            case STAFF_EXISTS -> m.problem_staff_exists();
            case CONSENT_REQUIRED -> m.problem_consent_required();
            case STAFF_NOT_FOUND -> m.problem_staff_not_found();
            case NOT_SIGNED_IN -> m.problem_not_signed_in();
            case FORBIDDEN -> m.problem_forbidden();
            case NOT_FOUND -> m.problem_not_found();
            case METHOD_NOT_ALLOWED -> m.problem_method_not_allowed();
            case NOT_ACCEPTABLE -> m.problem_not_acceptable();
            case UNSUPPORTED_MEDIA_TYPE -> m.problem_unsupported_media_type();
            case BAD_REQUEST -> m.problem_bad_request();
            case VALIDATION_FAILED -> m.problem_validation_failed();
            case UNAVAILABLE -> m.problem_unavailable();
            case INTERNAL -> m.problem_internal_error();
        };
    }

    public static String detail(ProblemType type, Messages m, List<Object> args) {
        return switch (type) {
            case TENANT_NOT_FOUND -> m.problem_tenant_not_found_detail(arg(args, 0));
            case TENANT_FORBIDDEN -> m.problem_tenant_forbidden_detail(arg(args, 0));
            case PROCEDURE_NOT_FOUND -> m.problem_procedure_not_found_detail(arg(args, 0));
            case DOSSIER_NOT_FOUND -> m.problem_dossier_not_found_detail(arg(args, 0));
            case ILLEGAL_TRANSITION -> m.problem_illegal_transition_detail(arg(args, 0), arg(args, 1), arg(args, 2));
            case ACTION_FORBIDDEN -> m.problem_action_forbidden_detail(arg(args, 0), arg(args, 1));
            case CONCURRENT_CHANGE -> m.problem_concurrent_change_detail(arg(args, 0));
            case IDEMPOTENCY_CONFLICT -> m.problem_idempotency_conflict_detail(arg(args, 0));
            case STAFF_EXISTS -> m.problem_staff_exists_detail(arg(args, 0));
            case CONSENT_REQUIRED -> m.problem_consent_required_detail(arg(args, 0));
            case STAFF_NOT_FOUND -> m.problem_staff_not_found_detail(arg(args, 0));
            case PROCEDURE_NOT_OFFERED -> m.problem_procedure_not_offered_detail(arg(args, 0), arg(args, 1));
            case FILE_TOO_LARGE -> m.problem_file_too_large_detail(arg(args, 0));
            case FILE_TYPE_NOT_ALLOWED -> m.problem_file_type_not_allowed_detail(arg(args, 0));
            case TOO_MANY_REQUESTS -> m.problem_too_many_requests_detail(arg(args, 0));
            case NOT_SIGNED_IN -> m.problem_not_signed_in_detail();
            case FORBIDDEN -> m.problem_forbidden_detail();
            case NOT_FOUND -> m.problem_not_found_detail();
            case METHOD_NOT_ALLOWED -> m.problem_method_not_allowed_detail(arg(args, 0));
            case NOT_ACCEPTABLE -> m.problem_not_acceptable_detail();
            case UNSUPPORTED_MEDIA_TYPE -> m.problem_unsupported_media_type_detail();
            case BAD_REQUEST -> m.problem_bad_request_detail(arg(args, 0));
            case VALIDATION_FAILED -> m.problem_validation_failed_detail(args.isEmpty() ? 0 : (Integer) args.get(0));
            case UNAVAILABLE -> m.problem_unavailable_detail();
            case INTERNAL -> m.problem_internal_error_detail(arg(args, 0));
        };
    }

    private static String arg(List<Object> args, int i) {
        return args.size() > i && args.get(i) != null ? args.get(i).toString() : "";
    }
}
