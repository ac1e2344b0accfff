package io.investcrm.company.words;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of one coded field, each pointing to the codes it may mean, in tiers: a word of a stronger tier (a code, a
 * name) wins over the weaker ones (a keyword, a derived short form). Within the tier that first knows a word, one code
 * is an answer and several are a question back to the person.
 */
final class Lexicon {

    /** How many close candidates an unknown value is reported with. */
    static final int CANDIDATES = 3;

    private static final java.util.regex.Pattern LABEL_WITH_CODE = java.util.regex.Pattern.compile("^.*[(（]([^()（）]+)[)）]$");

    private final List<Map<String, Set<String>>> tiers = new ArrayList<>();
    private final Map<String, Choice> choices = new LinkedHashMap<>();

    Lexicon(int tierCount) {
        for (int i = 0; i < tierCount; i++) {
            tiers.add(new HashMap<>());
        }
    }

    void choice(Choice c) {
        choices.put(c.code(), c);
    }

    void word(int tier, String word, String code) {
        String key = WordKey.of(word);
        if (!key.isEmpty()) {
            tiers.get(tier).computeIfAbsent(key, k -> new LinkedHashSet<>()).add(code);
        }
    }

    Choice choice(String code) {
        return choices.get(code);
    }

    /** The label of a code as an export writes it: the label alone when it reads back as this code, else with the code. */
    String label(String code, java.util.Locale locale) {
        Choice c = choices.get(code);
        if (c == null) {
            return code;
        }
        String label = c.label(locale);
        return code.equals(resolve(label).code()) ? label : label + " (" + code + ")";
    }

    Collection<Choice> choices() {
        return choices.values();
    }

    Resolution resolve(String input) {
        if (input == null || input.isBlank()) {
            return Resolution.blank();
        }
        String value = input.strip();
        if (choices.containsKey(value)) {
            return Resolution.found(value, value);
        }
        java.util.regex.Matcher withCode = LABEL_WITH_CODE.matcher(value);
        if (withCode.matches() && choices.containsKey(withCode.group(1).strip())) {
            // what an export writes when a label alone would be ambiguous: 新材料 (new-materials)
            return Resolution.found(value, withCode.group(1).strip());
        }
        String key = WordKey.of(value);
        for (Map<String, Set<String>> tier : tiers) {
            Set<String> codes = tier.get(key);
            if (codes != null && codes.size() == 1) {
                return Resolution.found(value, codes.iterator().next());
            }
            if (codes != null) {
                return new Resolution(value, Resolution.Outcome.AMBIGUOUS, null,
                        codes.stream().map(choices::get).toList());
            }
        }
        return new Resolution(value, Resolution.Outcome.UNKNOWN, null, closest(key));
    }

    /** The codes whose words are nearest the key: containment first, then edit distance relative to length. */
    private List<Choice> closest(String key) {
        if (key.isEmpty()) {
            return List.of();
        }
        Map<String, Double> best = new HashMap<>();
        for (Map<String, Set<String>> tier : tiers) {
            for (Map.Entry<String, Set<String>> e : tier.entrySet()) {
                String word = e.getKey();
                double score;
                if (word.contains(key) || key.contains(word)) {
                    score = 0.1 + Math.abs(word.length() - key.length()) / (double) Math.max(word.length(), key.length()) * 0.3;
                } else {
                    score = WordKey.distance(word, key) / (double) Math.max(word.length(), key.length());
                }
                for (String code : e.getValue()) {
                    best.merge(code, score, Math::min);
                }
            }
        }
        return best.entrySet().stream().filter(e -> e.getValue() <= 0.6)
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(CANDIDATES).map(e -> choices.get(e.getKey())).toList();
    }
}
