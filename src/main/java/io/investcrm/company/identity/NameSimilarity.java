package io.investcrm.company.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deterministic similarity score in [0, 1] between two company names.
 *
 * <p>The mean of the character-bigram Dice coefficients of the normalized keys and of the core keys:
 * bigrams need no word segmentation and so suit Chinese, and the core term keeps shared place names
 * and legal words from making unrelated names look alike. For two Latin-script names the Jaccard
 * index of their word sets joins the mean, so that "ABC Trading" and "ABD Trading" – close in
 * letters, different in words – score lower. Equal normalized keys score 1.
 */
public final class NameSimilarity {

    private static final NameSimilarity STANDARD = new NameSimilarity(NameNormalizer.standard());

    private final NameNormalizer normalizer;

    public NameSimilarity(NameNormalizer normalizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    public static NameSimilarity standard() {
        return STANDARD;
    }

    /** The similarity of two names as typed; 0 when either is blank. */
    public double score(String nameA, String nameB) {
        NameKeys a = normalizer.keys(nameA);
        NameKeys b = normalizer.keys(nameB);
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        if (a.normalized().equals(b.normalized())) {
            return 1.0;
        }
        double letters = dice(a.normalized(), b.normalized()) + dice(a.core(), b.core());
        if (isLatin(a.normalized()) && isLatin(b.normalized())) {
            return (letters + jaccard(normalizer.tokens(nameA), normalizer.tokens(nameB))) / 3;
        }
        return letters / 2;
    }

    /** Dice coefficient of the bigram multisets of two keys (a one-character key is its own bigram). */
    public static double dice(String keyA, String keyB) {
        Map<String, Integer> a = bigramCounts(keyA);
        Map<String, Integer> b = bigramCounts(keyB);
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA + sizeB == 0) {
            return 0.0;
        }
        int shared = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            shared += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * shared / (sizeA + sizeB);
    }

    /** Jaccard index of two word collections, compared as sets. */
    public static double jaccard(List<String> wordsA, List<String> wordsB) {
        Set<String> union = new HashSet<>(wordsA);
        union.addAll(wordsB);
        if (union.isEmpty()) {
            return 0.0;
        }
        Set<String> shared = new HashSet<>(wordsA);
        shared.retainAll(new HashSet<>(wordsB));
        return (double) shared.size() / union.size();
    }

    private static Map<String, Integer> bigramCounts(String key) {
        Map<String, Integer> counts = new HashMap<>();
        if (key == null) {
            return counts;
        }
        int[] cps = key.codePoints().toArray();
        if (cps.length == 1) {
            counts.put(key, 1);
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            counts.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        return counts;
    }

    private static boolean isLatin(String key) {
        return key.codePoints().noneMatch(cp -> Character.isIdeographic(cp) || cp > 0x2E7F);
    }
}
