package vn.motcua.notification.domain;

import java.text.Normalizer;

/**
 * An SMS's text: Vietnamese without diacritics, within one or a few segments. An SMS with any character outside GSM 7-bit
 * goes as UCS-2, 70 characters a segment instead of 160, and Vietnamese brand-name SMS are billed per segment; eSMS's
 * customer-care templates are also registered without diacritics ({@code IsUnicode: 0}). So "Hồ sơ đã được tiếp nhận"
 * goes as "Ho so da duoc tiep nhan".
 */
public final class SmsText {

    /** The longest SMS sent: three GSM segments of a concatenated message (153 characters each). */
    public static final int MAX = 459;

    private SmsText() {
    }

    public static String of(String text) {
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                // Whatever is still outside printable ASCII (a typographic quote, a dash) becomes a plain one or goes.
                .replace('\u2019', '\'').replace('\u2013', '-').replace('\u2014', '-')
                .replaceAll("[^\\x20-\\x7E\\n]", "")
                .replaceAll("\\s+", " ").strip();
        return folded.length() <= MAX ? folded : folded.substring(0, MAX - 3) + "...";
    }
}
