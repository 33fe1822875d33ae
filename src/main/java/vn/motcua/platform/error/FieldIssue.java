package vn.motcua.platform.error;

/** What is wrong with one field of a request; its text is in the platform's bundle, keyed {@link #key()}. */
public enum FieldIssue {
    REQUIRED,
    NOT_TEXT,
    TOO_LONG,
    PATTERN,
    NOT_NUMBER,
    /** A whole number was expected (not a fraction, not text), within what its field can hold. */
    NOT_WHOLE_NUMBER,
    OUT_OF_RANGE,
    NOT_DATE,
    NOT_TIME,
    WORKING_DAYS,
    DATE_IN_FUTURE,
    NOT_AN_OPTION,
    CITIZEN_ID_FORMAT,
    CITIZEN_ID_PROVINCE,
    CITIZEN_ID_BIRTH_YEAR,
    CITIZEN_ID_SEX,
    PHONE,
    NOT_GROUP,
    UNKNOWN_FIELD,
    CHANNEL_NOT_OFFERED,
    CHANNEL_NOT_YOURS,
    NOT_A_TENANT,
    NOT_A_PROCEDURE,
    REASON_REQUIRED,
    SAME_TENANT,
    NOT_IN_FUTURE,
    NOT_LATE,
    NO_SUCH_DOCUMENT,
    EMPTY_FILE,
    NO_POST_OFFICE,
    NEEDS_VERIFIED_IDENTITY,
    /** An assignee who is not a staff member of the office holding the dossier (or not one who may hold its step). */
    NOT_STAFF_HERE,
    /** A forward to an office that is neither competent for the procedure nor above the one holding the dossier. */
    NOT_COMPETENT,
    /** An office that does not handle the procedure named as the competent one. */
    PROCEDURE_NOT_OFFERED,
    /** A desk other than the competent office's, for a procedure only that office receives. */
    NOT_RECEIVED_ANYWHERE,
    /** A receiving desk and a competent office in different provinces. */
    NOT_SAME_PROVINCE,
    /** A photo in which no QR code could be found or read (too dark, blurred, cut off, or not the card's front). */
    CARD_QR_UNREADABLE,
    /** A QR code was read, but it is not a citizen ID card's. */
    CARD_QR_NOT_A_CARD,
    /** A period whose end comes before its start. */
    PERIOD_REVERSED,
    /** A period longer than what is printed at once. */
    PERIOD_TOO_LONG,
    /** A period holding more dossiers than are printed at once. */
    PERIOD_TOO_MANY;

    /** The key of its text in the platform's bundle: {@code field_<name>} in lower case. */
    public String key() {
        return "field_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
