package vn.motcua.dossier.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import vn.motcua.platform.error.FieldIssue;

/**
 * A postal item's tracking number (số hiệu bưu gửi), as the clerk types or scans it: the UPU S10 form Vietnam Post
 * prints on registered items ({@code EE123456789VN}: two letters, nine digits, two letters), or a domestic barcode of 8
 * to 20 letters and digits with at least six digits. Spaces and dashes a person types are dropped, letters are upper
 * case; anything else is refused.
 */
public final class TrackingNumbers {

    static final Pattern S10 = Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");
    static final Pattern DOMESTIC = Pattern.compile("[A-Z0-9]{8,20}");

    /** Longer than this as typed is refused before it is looked at. */
    public static final int MAX_TYPED = 40;

    private TrackingNumbers() {
    }

    /** The number in its stored form, or a 400 naming {@code field}. */
    public static String normalize(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            throw DossierCommands.validation(field, FieldIssue.REQUIRED);
        }
        if (typed.length() > MAX_TYPED) {
            throw DossierCommands.validation(field, FieldIssue.TOO_LONG, MAX_TYPED);
        }
        String n = typed.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (S10.matcher(n).matches()) {
            return n;
        }
        if (DOMESTIC.matcher(n).matches() && n.chars().filter(Character::isDigit).count() >= 6) {
            return n;
        }
        throw DossierCommands.validation(field, FieldIssue.PATTERN);
    }
}
