package io.investcrm.company.words;

import java.text.Normalizer;
import java.util.Locale;

import io.investcrm.company.identity.TraditionalToSimplified;

/**
 * The comparison form of what a person writes for a coded value: full-width folded (NFKC), traditional characters
 * made simplified, lower case, without spaces and punctuation. {@code 六（二）4}, {@code 六(二)4} and {@code 六 (二) 4}
 * compare equal; so do {@code 中國香港} and {@code 中国香港}, {@code Hong-Kong} and {@code hong kong}.
 */
public final class WordKey {

    private WordKey() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = TraditionalToSimplified.convert(s).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Edit distance (insertions, deletions, substitutions) between two keys, by code point. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }
}
