package io.investcrm.company.identity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Index terms for the company name search table: with every name's terms stored as rows, a substring query becomes
 * "rows that hold all of the query's terms" on MySQL and MariaDB alike, without a Chinese tokenizer or a full-text
 * parser.
 *
 * <p>A window starts at every character: two characters long where it starts with a Chinese (or any non-Latin)
 * character, three where it starts with a Latin letter or digit. Latin bigrams are poor filters for longer queries
 * (two letters of 26 occur in a large share of all names); Latin trigrams and Chinese bigrams are selective. Because a
 * window's length depends only on its own first character, every window of a query is a window of any text that
 * contains the query: "all query terms present" is a sound pre-filter for substring search.
 *
 * <p>The index also holds each Chinese character on its own and each Latin bigram, so that a one-character Chinese
 * query and a two-letter query (EY, 3M, HK) are index lookups too instead of a scan of every name.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /**
     * The distinct windows of a folded or normalized string (bigrams from non-Latin characters, trigrams from Latin
     * letters and digits), in order of first appearance; none for null or empty, or for a string too short for any
     * window. Whitespace is skipped, and characters outside the BMP count as one character.
     */
    public static Set<String> ngrams(String folded) {
        return collect(folded, false);
    }

    /**
     * The windows of {@link #ngrams}, every non-Latin character on its own and every bigram that starts with a Latin
     * letter or digit: what the index stores for a name.
     */
    public static Set<String> terms(String folded) {
        return collect(folded, true);
    }

    /** The terms a query looks up: its windows, or, when it is too short for one, its other terms. */
    public static Set<String> queryTerms(String folded) {
        Set<String> windows = ngrams(folded);
        return windows.isEmpty() ? terms(folded) : windows;
    }

    /**
     * Every character bigram, whatever the script, in order of first appearance. All of them are in the index (Chinese
     * ones as windows, Latin ones as terms of their own): name similarity counts shared bigrams (see DuplicateFinder).
     */
    public static Set<String> bigrams(String folded) {
        if (folded == null) {
            return Set.of();
        }
        int[] cps = folded.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 2 <= cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return Collections.unmodifiableSet(out);
    }

    private static Set<String> collect(String folded, boolean singles) {
        if (folded == null) {
            return Set.of();
        }
        int[] cps = folded.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < cps.length; i++) {
            boolean latin = isLatinOrDigit(cps[i]);
            int len = latin ? 3 : 2;
            if (i + len <= cps.length) {
                out.add(new String(cps, i, len));
            }
            if (singles && !latin) {
                out.add(new String(cps, i, 1));
            } else if (singles && i + 2 <= cps.length) {
                out.add(new String(cps, i, 2));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    static boolean isLatinOrDigit(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
}
