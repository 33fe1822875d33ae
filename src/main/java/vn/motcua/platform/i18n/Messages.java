package vn.motcua.platform.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The platform's words: the layout's, the words several features' pages share (a tenant's address, …), every
 * problem's title and detail ({@code problem_<slug>}, {@code problem_<slug>_detail}) and every field issue
 * ({@code field_<issue>}). Each feature has its own bundle for its own words ({@code console.ConsoleMessages},
 * {@code portal.PortalMessages}).
 *
 * <p>Both languages are in properties files of the same format: Vietnamese, the default, in
 * {@code messages/msg_vi.properties}, English in {@code messages/msg_en.properties}. The build fails when either file
 * lacks a method's text; {@code BundleKeysTest} fails when the two differ in keys. Templates use them as
 * {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Messages {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String sign_in();

    @Message
    String sign_out();

    @Message
    String other_language();

    @Message
    String other_language_code();

    @Message
    String this_language();

    /** Before the title of a page whose form was refused, so a screen reader says it first. */
    @Message
    String error_prefix();

    @Message
    String error_summary_title();

    /** After the label of a field that may be left empty (GOV.UK: "(optional)", never an asterisk). */
    @Message
    String optional();

    @Message
    String agency_code();

    @Message
    String address();

    @Message
    String phone();

    @Message
    String desk_hours();

    @Message
    String hello(String name);

    @Message
    String back_home();

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
    String field_period_reversed();

    @Message
    String field_period_too_long(int max);

    @Message
    String field_period_too_many(int max);

    @Message
    String problem_consent_required();

    @Message
    String problem_consent_required_detail(String code);

    @Message
    String field_needs_verified_identity();

    @Message
    String field_not_staff_here();

    @Message
    String field_not_competent();

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

    @Message
    String field_required();

    @Message
    String field_not_text();

    @Message
    String field_out_of_range(int min, int max);

    @Message
    String field_too_long(int max);

    @Message
    String field_pattern();

    @Message
    String field_not_number();

    @Message
    String field_not_whole_number();

    @Message
    String field_not_date();

    @Message
    String field_not_time();

    @Message
    String field_working_days(int max);

    @Message
    String field_date_in_future();

    @Message
    String field_not_an_option(String options);

    @Message
    String field_citizen_id_format();

    @Message
    String field_citizen_id_province(String code);

    @Message
    String field_citizen_id_birth_year(String year);

    @Message
    String field_citizen_id_sex();

    @Message
    String field_phone();

    @Message
    String field_email();

    @Message
    String field_not_group();

    @Message
    String field_unknown_field();

    @Message
    String field_channel_not_offered(String channels);

    @Message
    String field_channel_not_yours();

    @Message
    String field_not_a_tenant();

    @Message
    String field_no_post_office();

    @Message
    String field_not_a_procedure();

    @Message
    String field_reason_required();

    @Message
    String field_same_tenant();

    @Message
    String field_not_in_future();

    @Message
    String field_not_late();

    @Message
    String field_no_such_document(int number);

    @Message
    String field_empty_file();

    @Message
    String field_paper_missing(String paper);

    @Message
    String footer_lookup();

    @Message
    String footer_offices();

    @Message
    String footer_kiosk();

    @Message
    String field_procedure_not_offered();

    @Message
    String field_not_received_anywhere();

    @Message
    String field_not_same_province();

    @Message
    String field_card_qr_unreadable();

    @Message
    String field_card_qr_not_a_card();

    @Message
    String field_desk_sessions(int max, String earliest, String latest);

    @Message
    String field_desk_closed_all_week();

    @Message
    String field_date_passed();

    @Message
    String field_date_too_far(String last);

    @Message
    String field_day_already_set();

    @Message
    String field_no_day_set();

    @Message
    String field_already_working_day();

    @Message
    String field_not_a_working_day();

    @Message
    String field_too_many_days(int max);

    @Message
    String field_swap_apart(int max);

    @Message
    String field_too_long_closed(int max);

    @Message
    String field_version_in_effect();

    @Message
    String field_no_version();

    @Message
    String field_not_the_fee(long fee);

    @Message
    String field_above_catalog_fee(long max);

    @Message
    String field_above_catalog_days(String max);

    @Message
    String field_half_days();

    @Message
    String field_not_digitized();
}
