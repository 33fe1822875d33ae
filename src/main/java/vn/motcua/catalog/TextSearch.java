package vn.motcua.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Search that forgives what people type: case, Vietnamese diacritics ("dang ky khai sinh" finds "Đăng ký khai
 * sinh"), word order and unfinished words (each query word is a prefix of a word of the text).
 */
final class TextSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}.]+");

    private TextSearch() {
    }

    /** Lower case, without diacritics; đ becomes d. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    static List<String> words(String text) {
        return Arrays.stream(SEPARATORS.split(fold(text))).filter(w -> !w.isEmpty()).toList();
    }

    /** How well {@code words} (of a document) match every query word: 0 when one does not match at all. */
    static int score(List<String> query, List<String> name, List<String> other) {
        int score = 0;
        for (String q : query) {
            if (name.stream().anyMatch(w -> w.equals(q))) {
                score += 3;
            } else if (name.stream().anyMatch(w -> w.startsWith(q))) {
                score += 2;
            } else if (other.stream().anyMatch(w -> w.startsWith(q))) {
                score += 1;
            } else {
                return 0;
            }
        }
        return score;
    }
}
