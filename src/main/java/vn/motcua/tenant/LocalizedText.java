package vn.motcua.tenant;

import java.util.Locale;

/** A text in Vietnamese (the default) and English. */
public record LocalizedText(String vi, String en) {

    /** The text in the given language, Vietnamese when English is missing. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
