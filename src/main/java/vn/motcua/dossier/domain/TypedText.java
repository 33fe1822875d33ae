package vn.motcua.dossier.domain;

/**
 * Text as a person types it (văn bản người dùng nhập): letters, digits, punctuation, spaces, line breaks and tabs.
 * Any other control character (a NUL above all, which PostgreSQL refuses to store) is not something a form or a
 * reason can hold, and is refused beside its field.
 */
public final class TypedText {

    private TypedText() {
    }

    /**
     * Whether {@code s} can be a person's name: no control character and no invisible formatting character (Unicode
     * category Cf: bidirectional overrides that make "Nguyễn" display as something else, zero-width spaces and
     * joiners that make two equal-looking names differ).
     */
    public static boolean isName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text in Unicode's composed form (NFC): Vietnamese typed on one keyboard as "ê" + a combining acute and on
     * another as "ế" are then the same text, found by the same search and printed with the same glyphs.
     */
    public static String nfc(String s) {
        return s == null ? null : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    /** Whether {@code s} holds a control character other than a line break or a tab. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
