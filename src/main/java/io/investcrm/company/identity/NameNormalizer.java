package io.investcrm.company.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Normalises company names in Simplified Chinese, Traditional Chinese and English into match keys.
 *
 * <p>Folding: NFKC (full-width → half-width), Traditional → Simplified, lower-case, Latin accents
 * dropped, dotted initials joined ("L.L.C." → "llc"), "&amp;" read as "and", other punctuation removed.
 * The {@link NameKeys#normalized() normalized} key then drops the legal form (有限公司, Ltd, GmbH …);
 * the {@link NameKeys#core() core} key also drops region words (深圳市…, (中国), (Hong Kong)),
 * branch suffixes (深圳分公司, Hong Kong Branch) and group words (集团, 控股, Holdings).
 * A branch keeps its branch words in the normalized key: it is a different entity of the same group.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NameNormalizer {

    private static final NameNormalizer STANDARD = new NameNormalizer(TraditionalToSimplified::convert);

    private static final Pattern COMBINING_ACCENTS = Pattern.compile("[\\u0300-\\u036f]+");
    private static final Pattern DOTTED_INITIALS = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}");
    private static final Pattern SPACES = Pattern.compile(" +");

    private final UnaryOperator<String> toSimplified;

    /**
     * @param toSimplified Traditional → Simplified conversion, e.g. a library's converter; the
     *                     {@link #standard()} instance uses the bundled {@link TraditionalToSimplified} table
     */
    public NameNormalizer(UnaryOperator<String> toSimplified) {
        this.toSimplified = Objects.requireNonNull(toSimplified, "toSimplified");
    }

    /** The normalizer backed by the bundled Traditional → Simplified table. */
    public static NameNormalizer standard() {
        return STANDARD;
    }

    /** Folded text without punctuation or whitespace but with nothing stripped: the text to build search n-grams from. */
    public String fold(String name) {
        return compact(canonical(name).replace('(', ' ').replace(')', ' '));
    }

    public NameKeys keys(String name) {
        Bracketed text = splitBrackets(canonical(name));
        Branch branch = splitBranch(text.full());
        String normalized = compact(normalizedText(branch));
        if (normalized.isEmpty()) {
            return NameKeys.EMPTY;
        }
        String core = compact(coreText(text.withoutQualifiers()));
        return new NameKeys(normalized, core.isEmpty() ? normalized : core, compact(branch.tail()));
    }

    public String normalized(String name) {
        return keys(name).normalized();
    }

    public String core(String name) {
        return keys(name).core();
    }

    /** The words of the normalized name, before they are joined into the key (a run of Chinese is one word). */
    public List<String> tokens(String name) {
        String text = normalizedText(splitBranch(splitBrackets(canonical(name)).full()));
        return text.isEmpty() ? List.of() : List.of(text.split(" "));
    }

    /** Folded text, words separated by single spaces, brackets kept as "(" and ")" words. */
    private String canonical(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = toSimplified.apply(s).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(COMBINING_ACCENTS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC);
        s = DOTTED_INITIALS.matcher(s).replaceAll(m -> m.group().replace(".", ""));
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            if (isOpenBracket(cp)) {
                out.append(" ( ");
            } else if (isCloseBracket(cp)) {
                out.append(" ) ");
            } else if (cp == '&') {
                out.append(" and ");
            } else if (isJoiner(cp)) {
                // apostrophes and middle dots sit inside a word: McDonald's, 迪士尼·乐园
                return;
            } else if (isWordChar(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(' ');
            }
        });
        return SPACES.matcher(out.toString().strip()).replaceAll(" ");
    }

    private static String normalizedText(Branch branch) {
        return join(Regions.withoutLeadingAdminSuffixes(stripLegalForms(branch.head())), branch.tail());
    }

    private static String coreText(String text) {
        String s = splitBranch(text).head();
        String previous;
        do {
            previous = s;
            s = stripLegalForm(s);
            s = stripSuffix(s, NameLexicon.ZH_GROUP_WORDS, 1);
            s = stripWords(s, NameLexicon.EN_GROUP_WORDS);
            s = stripTrailingRegion(s);
        } while (!s.equals(previous));
        return Regions.withoutLeadingAdminSuffixes(stripLeadingRegions(stripLeadingThe(s)));
    }

    // ---- brackets ----

    /** Name text with bracketed legal forms dropped; {@code full} keeps bracketed regions and group words as plain words. */
    private record Bracketed(String full, String withoutQualifiers) {
    }

    private enum BracketKind { LEGAL_FORM, QUALIFIER, OTHER }

    private static Bracketed splitBrackets(String canonical) {
        List<String> full = new ArrayList<>();
        List<String> trimmed = new ArrayList<>();
        List<String> group = new ArrayList<>();
        int depth = 0;
        for (String word : canonical.isEmpty() ? new String[0] : canonical.split(" ")) {
            if (word.equals("(")) {
                depth++;
            } else if (word.equals(")")) {
                if (depth > 0 && --depth == 0) {
                    addBracketed(String.join(" ", group), full, trimmed);
                    group.clear();
                }
            } else if (depth > 0) {
                group.add(word);
            } else {
                full.add(word);
                trimmed.add(word);
            }
        }
        // an unclosed bracket: keep its words as ordinary text
        full.addAll(group);
        trimmed.addAll(group);
        return new Bracketed(String.join(" ", full), String.join(" ", trimmed));
    }

    private static void addBracketed(String content, List<String> full, List<String> trimmed) {
        switch (classify(content)) {
            case LEGAL_FORM -> { }
            case QUALIFIER -> full.add(Regions.isZhPhrase(compact(content)) ? Regions.withoutAdminSuffixes(compact(content)) : content);
            case OTHER -> {
                full.add(content);
                trimmed.add(content);
            }
        }
    }

    private static BracketKind classify(String content) {
        String zh = compact(content);
        List<String> words = content.isEmpty() ? List.of() : Arrays.asList(content.split(" "));
        if (zh.isEmpty() || NameLexicon.ZH_BRACKET_LEGAL_FORMS.contains(zh) || NameLexicon.ZH_LEGAL_FORMS.contains(zh)
                || NameLexicon.EN_LEGAL_FORMS.contains(words)) {
            return BracketKind.LEGAL_FORM;
        }
        boolean groupWords = stripSuffix(stripSuffix(zh, NameLexicon.ZH_GROUP_WORDS, 0), NameLexicon.ZH_GROUP_WORDS, 0).isEmpty();
        if (Regions.isZhPhrase(zh) || groupWords || NameLexicon.EN_REGIONS.contains(words)
                || NameLexicon.EN_GROUP_WORDS.contains(words)) {
            return BracketKind.QUALIFIER;
        }
        return BracketKind.OTHER;
    }

    // ---- branches ----

    private record Branch(String head, String tail) {
    }

    /** Splits "…有限公司深圳分公司" into the parent's name and the branch part. */
    private static Branch splitBranch(String text) {
        for (String word : NameLexicon.ZH_BRANCH_WORDS) {
            if (text.endsWith(word)) {
                String pre = text.substring(0, text.length() - word.length()).strip();
                if (!pre.isEmpty()) {
                    int cut = zhBranchCut(pre);
                    return new Branch(pre.substring(0, cut).strip(), compact(pre.substring(cut)) + word);
                }
            }
        }
        List<String> words = words(text);
        for (List<String> phrase : NameLexicon.EN_BRANCH_WORDS) {
            if (words.size() > phrase.size() && endsWith(words, phrase)) {
                List<String> pre = words.subList(0, words.size() - phrase.size());
                int cut = enBranchCut(pre);
                return new Branch(String.join(" ", pre.subList(0, cut)), String.join(" ", words.subList(cut, words.size())));
            }
        }
        return new Branch(text, "");
    }

    /** Where the branch qualifier starts: after the last legal form, else after 银行/证券/保险, else before trailing place names. */
    private static int zhBranchCut(String pre) {
        int cut = lastEnd(pre, NameLexicon.ZH_LEGAL_FORMS);
        if (cut < 0) {
            cut = lastEnd(pre, NameLexicon.ZH_BRANCH_ANCHORS);
        }
        if (cut > 0) {
            return cut;
        }
        String head = pre;
        for (int len; (len = Regions.zhAtEnd(head)) > 0 && len < head.length(); ) {
            head = head.substring(0, head.length() - len).strip();
        }
        return head.length();
    }

    private static int enBranchCut(List<String> pre) {
        for (int i = pre.size(); i > 1; i--) {
            List<String> head = pre.subList(0, i);
            if (NameLexicon.EN_LEGAL_FORMS.stream().anyMatch(form -> head.size() > form.size() && endsWith(head, form))) {
                return i;
            }
        }
        int cut = pre.size();
        for (int len; (len = Regions.enAtEnd(pre.subList(0, cut))) > 0 && len < cut
                && !NameLexicon.EN_LINKING_WORDS.contains(pre.get(cut - len - 1)); ) {
            cut -= len;
        }
        return cut;
    }

    // ---- legal forms, group words, regions ----

    private static String stripLegalForms(String s) {
        String previous;
        do {
            previous = s;
            s = stripLegalForm(s);
        } while (!s.equals(previous));
        return stripLeadingThe(s);
    }

    private static String stripLegalForm(String s) {
        String zh = stripSuffix(s, NameLexicon.ZH_LEGAL_FORMS, 1);
        if (!zh.equals(s)) {
            return zh;
        }
        String en = stripWords(s, NameLexicon.EN_LEGAL_FORMS);
        if (!en.equals(s)) {
            // "Jardine Matheson & Co" leaves a dangling "and"
            List<String> words = words(en);
            if (words.size() > 1 && words.get(words.size() - 1).equals("and")) {
                return String.join(" ", words.subList(0, words.size() - 1));
            }
        }
        return en;
    }

    private static String stripLeadingThe(String s) {
        List<String> words = words(s);
        return words.size() > 1 && words.get(0).equals("the") ? String.join(" ", words.subList(1, words.size())) : s;
    }

    /** Removes the longest of {@code suffixes} that ends {@code s}, if at least {@code minRemaining} characters remain. */
    private static String stripSuffix(String s, List<String> suffixes, int minRemaining) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix)) {
                String rest = s.substring(0, s.length() - suffix.length()).strip();
                return length(rest) >= minRemaining ? rest : s;
            }
        }
        return s;
    }

    /** Removes the longest trailing word sequence of {@code phrases}, never the last word. */
    private static String stripWords(String s, List<List<String>> phrases) {
        List<String> words = words(s);
        for (List<String> phrase : phrases) {
            if (endsWith(words, phrase)) {
                return words.size() > phrase.size() ? String.join(" ", words.subList(0, words.size() - phrase.size())) : s;
            }
        }
        return s;
    }

    private static String stripTrailingRegion(String s) {
        int zh = Regions.zhAtEnd(s);
        if (zh > 0 && length(s.substring(0, s.length() - zh)) >= 2) {
            return s.substring(0, s.length() - zh).strip();
        }
        List<String> words = words(s);
        int en = Regions.enAtEnd(words);
        if (en > 0 && words.size() > en && !NameLexicon.EN_LINKING_WORDS.contains(words.get(words.size() - en - 1))) {
            String rest = String.join(" ", words.subList(0, words.size() - en));
            // "Air China" keeps its place name; "HSBC Bank China" does not
            if (length(rest) >= 4) {
                return rest;
            }
        }
        return s;
    }

    /**
     * Peels 深圳市, 广东省, 中国, "Shenzhen" … off the front while at least three characters (two
     * words) remain, so that 北京银行, 中国人寿 and "Shenzhen Airlines" keep the place name that is
     * part of their trade name.
     */
    private static String stripLeadingRegions(String s) {
        while (true) {
            int len = Regions.zhAtStart(s);
            if (len > 0 && length(s.substring(len)) >= 3) {
                s = s.substring(len).strip();
                continue;
            }
            List<String> words = words(s);
            int en = Regions.enAtStart(words);
            if (en > 0 && words.size() - en >= 2 && !NameLexicon.EN_LINKING_WORDS.contains(words.get(en))) {
                s = String.join(" ", words.subList(en, words.size()));
                continue;
            }
            return s;
        }
    }

    // ---- small helpers ----

    private static int lastEnd(String s, List<String> words) {
        int end = -1;
        for (String word : words) {
            int at = s.lastIndexOf(word);
            if (at > 0) {
                end = Math.max(end, at + word.length());
            }
        }
        return end;
    }

    private static boolean endsWith(List<String> words, List<String> phrase) {
        return words.size() >= phrase.size() && words.subList(words.size() - phrase.size(), words.size()).equals(phrase);
    }

    private static List<String> words(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
    }

    private static String join(String head, String tail) {
        return tail.isEmpty() ? head : head + " " + tail;
    }

    private static String compact(String s) {
        return s.replace(" ", "");
    }

    /** Characters, not counting spaces. */
    private static int length(String s) {
        String c = compact(s);
        return c.codePointCount(0, c.length());
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isJoiner(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\u00B7' || cp == '\u30FB' || cp == '\u2027';
    }

    private static boolean isOpenBracket(int cp) {
        return cp == '(' || cp == '[' || cp == '{' || cp == '\u3010' || cp == '\u3014' || cp == '\u3016';
    }

    private static boolean isCloseBracket(int cp) {
        return cp == ')' || cp == ']' || cp == '}' || cp == '\u3011' || cp == '\u3015' || cp == '\u3017';
    }
}
