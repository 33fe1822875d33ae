package vn.motcua.dossier.domain;

/**
 * Text as a person types it (văn bản người dùng nhập): letters, digits, punctuation, spaces, line breaks and tabs.
 * Any other control character (a NUL above all, which PostgreSQL refuses to store) is not something a form or a
 * reason can hold, and is refused beside its field.
 */
public final class TypedText {

    private TypedText() {
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
