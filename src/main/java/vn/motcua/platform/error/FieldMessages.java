package vn.motcua.platform.error;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a refused field (lỗi của từng ô nhập): each {@link FieldIssue}'s sentence, keyed {@code field_<issue>}
 * and read by that key through {@link FieldTexts}, shown beside the field and in the error summary, and in a
 * problem's {@code errors}. {@code ProblemWordsTest} holds the keys to the issues.
 *
 * <p>Vietnamese (the default) in {@code messages/field_vi.properties}, English in {@code messages/field_en.properties};
 * {@code BundleKeysTest} fails when the two differ in keys.
 */
@MessageBundle(value = "field", locale = "vi")
public interface FieldMessages {

    @Message
    String field_period_reversed();

    @Message
    String field_period_too_long(int max);

    @Message
    String field_period_too_many(int max);

    @Message
    String field_needs_verified_identity();

    @Message
    String field_not_staff_here();

    @Message
    String field_not_competent();

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
