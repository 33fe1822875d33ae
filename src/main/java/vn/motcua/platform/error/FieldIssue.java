package vn.motcua.platform.error;

/** What is wrong with one field of a request; its text is in {@link FieldMessages}, keyed {@link #key()}. */
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
    /** Not an e-mail address (name@domain). */
    EMAIL,
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
    /** A paper the procedure requires, not attached to a draft submitted wholly online. */
    PAPER_MISSING,
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
    /** Desk sessions not typed like 07:30-11:30, 13:30-17:00 (in order, apart, within the day's bounds). */
    DESK_SESSIONS,
    /** Desk hours with no day open. */
    DESK_CLOSED_ALL_WEEK,
    /** A day that has passed: what was counted on it stays. */
    DATE_PASSED,
    /** A day beyond what may be set ahead. */
    DATE_TOO_FAR,
    /** A calendar day the tenant already set (take it back first). */
    DAY_ALREADY_SET,
    /** A calendar day the tenant did not set. */
    NO_DAY_SET,
    /** An extra working day that is already a working day. */
    ALREADY_WORKING_DAY,
    /** A closure of a day that is not worked anyway. */
    NOT_A_WORKING_DAY,
    /** More calendar days in a year than allowed. */
    TOO_MANY_DAYS,
    /** The two days of a swap the same, or too far apart. */
    SWAP_APART,
    /** A closure that leaves too many days in a row without a working day. */
    TOO_LONG_CLOSED,
    /** A version of a procedure's terms already in force: add a later one. */
    VERSION_IN_EFFECT,
    /** No version of that date to withdraw. */
    NO_VERSION,
    /** A fee above the catalog's for that channel. */
    ABOVE_CATALOG_FEE,
    /** A counter payment of another amount than the dossier's fee. */
    NOT_THE_FEE,
    /** A processing time above the catalog's at this office. */
    ABOVE_CATALOG_DAYS,
    /** A processing time that is not a positive number of half days. */
    HALF_DAYS,
    /** A paper component of a dossier handed in on paper, neither scanned nor exempt (Circular 03/2025/TT-VPCP). */
    NOT_DIGITIZED,
    /** A period whose end comes before its start. */
    PERIOD_REVERSED,
    /** A period longer than what is printed at once. */
    PERIOD_TOO_LONG,
    /** A period holding more dossiers than are printed at once. */
    PERIOD_TOO_MANY;

    /** The key of its text in {@link FieldMessages}: {@code field_<name>} in lower case. */
    public String key() {
        return "field_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
