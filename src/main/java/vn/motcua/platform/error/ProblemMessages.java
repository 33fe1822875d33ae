package vn.motcua.platform.error;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a problem (lỗi trả về): each {@link ProblemType}'s title and detail, keyed {@code problem_<slug>} and
 * {@code problem_<slug>_detail} and read by those keys through {@link ProblemTexts} (for problem+json and for the error
 * page), and the error page's own label ({@code problem_code}). {@code ProblemWordsTest} holds the keys to the types.
 *
 * <p>Vietnamese (the default) in {@code messages/problem_vi.properties}, English in
 * {@code messages/problem_en.properties}; {@code BundleKeysTest} fails when the two differ in keys. Templates use them
 * as {@code {problem:key}}.
 */
@MessageBundle(value = "problem", locale = "vi")
public interface ProblemMessages {

    @Message
    String problem_code();

    @Message
    String problem_tenant_not_found();

    @Message
    String problem_tenant_not_found_detail(String code);

    @Message
    String problem_tenant_forbidden();

    @Message
    String problem_tenant_forbidden_detail(String code);

    @Message
    String problem_procedure_not_found();

    @Message
    String problem_procedure_not_found_detail(String code);

    @Message
    String problem_not_signed_in();

    @Message
    String problem_not_signed_in_detail();

    @Message
    String problem_signature_invalid();

    @Message
    String problem_signature_invalid_detail();

    @Message
    String problem_forbidden();

    @Message
    String problem_forbidden_detail();

    @Message
    String problem_not_found();

    @Message
    String problem_not_found_detail();

    @Message
    String problem_method_not_allowed();

    @Message
    String problem_method_not_allowed_detail(String method);

    @Message
    String problem_not_acceptable();

    @Message
    String problem_not_acceptable_detail();

    @Message
    String problem_unsupported_media_type();

    @Message
    String problem_unsupported_media_type_detail();

    @Message
    String problem_bad_request();

    @Message
    String problem_bad_request_detail(String reason);

    @Message
    String problem_validation_failed();

    @Message
    String problem_validation_failed_detail(int count);

    @Message
    String problem_unavailable();

    @Message
    String problem_unavailable_detail();

    @Message
    String problem_sign_in_unavailable();

    @Message
    String problem_sign_in_unavailable_detail();

    @Message
    String problem_internal_error();

    @Message
    String problem_internal_error_detail(String incident);

    @Message
    String problem_dossier_not_found();

    @Message
    String problem_dossier_not_found_detail(String code);

    @Message
    String problem_illegal_transition();

    @Message
    String problem_illegal_transition_detail(String state, String action, String allowed);

    @Message
    String problem_action_forbidden();

    @Message
    String problem_action_forbidden_detail(String action, String roles);

    @Message
    String problem_concurrent_change();

    @Message
    String problem_concurrent_change_detail(String code);

    @Message
    String problem_idempotency_conflict();

    @Message
    String problem_idempotency_conflict_detail(String key);

    @Message
    String problem_nothing_to_pay();

    @Message
    String problem_nothing_to_pay_detail(String code);

    @Message
    String problem_rating_exists();

    @Message
    String problem_rating_exists_detail(String code);

    @Message
    String problem_dossier_not_returned();

    @Message
    String problem_dossier_not_returned_detail(String code, String state);

    @Message
    String problem_form_not_issued();

    @Message
    String problem_form_not_issued_detail(String code, String form);

    @Message
    String problem_consent_required();

    @Message
    String problem_consent_required_detail(String code);

    @Message
    String problem_staff_exists();

    @Message
    String problem_staff_exists_detail(String username);

    @Message
    String problem_staff_not_found();

    @Message
    String problem_staff_not_found_detail(String username);

    @Message
    String problem_procedure_not_offered();

    @Message
    String problem_procedure_not_offered_detail(String procedure, String tenant);

    @Message
    String problem_file_too_large();

    @Message
    String problem_file_too_large_detail(String limit);

    @Message
    String problem_file_type_not_allowed();

    @Message
    String problem_file_type_not_allowed_detail(String detected);

    @Message
    String problem_too_many_requests();

    @Message
    String problem_too_many_requests_detail(String seconds);

    @Message
    String problem_api_quota_exceeded();

    @Message
    String problem_api_quota_exceeded_detail(String tenant, String seconds);
}
