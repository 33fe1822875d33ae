package vn.motcua.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Search that forgives what people type: case, Vietnamese diacritics ("dang ky khai sinh" finds "Đăng ký khai
 * sinh"), word order, unfinished words (each query word is a prefix of a word of the text) and small typos ("dang
 * ky khia sinh": one letter swapped, missing, extra or wrong in a word of four letters or more; two in one of eight or
 * more).
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
            } else if (name.stream().anyMatch(w -> near(q, w))) {
                score += 1;
            } else {
                return 0;
            }
        }
        return score;
    }

    /**
     * Whether {@code typed} is a small typo of {@code word} or of its beginning (an unfinished word with a typo):
     * within one edit for four to seven letters, two from eight. Shorter words must match exactly, or every short
     * word would find half the catalog.
     */
    static boolean near(String typed, String word) {
        int n = typed.length();
        if (n < 4) {
            return false;
        }
        int allowed = n >= 8 ? 2 : 1;
        if (Math.abs(word.length() - n) <= allowed && distance(typed, word) <= allowed) {
            return true;
        }
        // An unfinished word: compare with the word's beginning of about the same length.
        for (int len = n - allowed; len <= n + allowed; len++) {
            if (len > 0 && len < word.length() && distance(typed, word.substring(0, len)) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
