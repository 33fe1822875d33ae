package vn.motcua.platform.error;

import java.util.List;

import vn.motcua.platform.i18n.Messages;

/** The localized message of each {@link FieldIssue}. */
final class FieldTexts {

    private FieldTexts() {
    }

    static String text(FieldIssue issue, Messages m, List<Object> args) {
        return switch (issue) {
            case REQUIRED -> m.field_required();
            case NOT_TEXT -> m.field_not_text();
            case TOO_LONG -> m.field_too_long(((Number) args.get(0)).intValue());
            case PATTERN -> m.field_pattern();
            case NOT_NUMBER -> m.field_not_number();
            case OUT_OF_RANGE -> m.field_out_of_range(((Number) args.get(0)).intValue(), ((Number) args.get(1)).intValue());
            case NOT_DATE -> m.field_not_date();
            case NOT_TIME -> m.field_not_time();
            case WORKING_DAYS -> m.field_working_days(((Number) args.get(0)).intValue());
            case DATE_IN_FUTURE -> m.field_date_in_future();
            case NOT_AN_OPTION -> m.field_not_an_option(String.valueOf(args.get(0)));
            case CITIZEN_ID_FORMAT -> m.field_citizen_id_format();
            case CITIZEN_ID_PROVINCE -> m.field_citizen_id_province(String.valueOf(args.get(0)));
            case CITIZEN_ID_BIRTH_YEAR -> m.field_citizen_id_birth_year(String.valueOf(args.get(0)));
            case CITIZEN_ID_SEX -> m.field_citizen_id_sex();
            case PHONE -> m.field_phone();
            case NOT_GROUP -> m.field_not_group();
            case UNKNOWN_FIELD -> m.field_unknown_field();
            case CHANNEL_NOT_OFFERED -> m.field_channel_not_offered(String.valueOf(args.get(0)));
            case CHANNEL_NOT_YOURS -> m.field_channel_not_yours();
            case NOT_A_TENANT -> m.field_not_a_tenant();
            case NO_POST_OFFICE -> m.field_no_post_office();
            case NEEDS_VERIFIED_IDENTITY -> m.field_needs_verified_identity();
            case NOT_A_PROCEDURE -> m.field_not_a_procedure();
            case REASON_REQUIRED -> m.field_reason_required();
            case SAME_TENANT -> m.field_same_tenant();
            case NOT_IN_FUTURE -> m.field_not_in_future();
            case NOT_LATE -> m.field_not_late();
            case NO_SUCH_DOCUMENT -> m.field_no_such_document(((Number) args.get(0)).intValue());
            case EMPTY_FILE -> m.field_empty_file();
        };
    }
}
