package io.investcrm.company.identity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Character n-grams for the search index table: with every name's bigrams stored as rows, a
 * substring query becomes "rows that hold all of the query's bigrams" on MySQL and MariaDB alike,
 * without a Chinese tokenizer or a full-text parser.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /**
     * The distinct character bigrams of a folded or normalized string, in order of first appearance;
     * a single character for a one-character string; none for null or empty. Whitespace is skipped,
     * and characters outside the BMP count as one character.
     */
    public static Set<String> ngrams(String normalized) {
        if (normalized == null) {
            return Set.of();
        }
        int[] cps = normalized.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        if (cps.length == 0) {
            return Set.of();
        }
        if (cps.length == 1) {
            return Set.of(new String(cps, 0, 1));
        }
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return Collections.unmodifiableSet(grams);
    }
}
