package io.investcrm.matching.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds keywords in free text: text and keywords are NFKC-normalised and lower-cased (full-width letters, case), then
 * segmented and stemmed by {@link TextAnalysis} (Chinese words, English Porter stems); a character trie walked from
 * every position finds the keywords, and a hit counts only where it starts and ends on word edges, so 媒体 is not
 * found in 多媒体, "AI" not in "Shanghai", while "sensors" finds "sensor". Overlapping hits keep the longest
 * ("集成电路设计" wins over "集成电路" and "设计"); a masked term ({@link #mask}) is a hit that points nowhere, so
 * a longer word that merely contains a keyword (燃料电池, 保险柜) or business-scope boilerplate (技术咨询) claims its
 * text and yields no industry.
 *
 * <p>Keywords are added first; {@link #freeze()} then packs the trie into arrays (a direct table for the first
 * character, sorted child arrays below) so that matching allocates little. Frozen, it is safe to share.
 */
final class KeywordMatcher {

    /** A keyword found at [start, end) of the normalised text, pointing to industry indexes. */
    record Hit(String keyword, int start, int end, int[] industries) {
    }

    private static final class Node {
        private final Map<Character, Node> next = new HashMap<>();
        private String keyword;
        private int[] industries;
        private int id;
    }

    private static final Comparator<Hit> LONGEST_FIRST = Comparator.comparingInt((Hit h) -> h.end() - h.start())
            .reversed().thenComparingInt(Hit::start);

    private static final boolean[] WORD_CHARS = new boolean[128];
    private static final boolean[] WHITESPACE = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD_CHARS[c] = Character.isLetterOrDigit(c);
            WHITESPACE[c] = Character.isWhitespace(c);
        }
    }

    private Node root = new Node();
    private int[] rootChild;
    private char[][] childChars;
    private int[][] childNodes;
    private String[] keywordOf;
    private int[][] industriesOf;

    void add(String keyword, int industry) {
        if (rootChild != null) {
            throw new IllegalStateException("frozen");
        }
        put(keyword, new int[] {industry});
    }

    /** A term that claims its text without pointing to any industry (boilerplate, or a longer unrelated word). */
    void mask(String term) {
        if (rootChild != null) {
            throw new IllegalStateException("frozen");
        }
        put(term, new int[0]);
    }

    private void put(String keyword, int[] industries) {
        String normalized = TextAnalysis.keyword(normalize(keyword));
        if (normalized.isEmpty()) {
            return;
        }
        Node node = root;
        for (int i = 0; i < normalized.length(); i++) {
            node = node.next.computeIfAbsent(normalized.charAt(i), c -> new Node());
        }
        if (node.keyword == null) {
            node.keyword = keyword.strip();
            node.industries = industries;
        } else {
            for (int industry : industries) {
                if (Arrays.stream(node.industries).noneMatch(x -> x == industry)) {
                    int[] grown = Arrays.copyOf(node.industries, node.industries.length + 1);
                    grown[grown.length - 1] = industry;
                    node.industries = grown;
                }
            }
        }
    }

    /** Packs the trie into arrays; no keyword can be added afterwards. */
    void freeze() {
        List<Node> nodes = new ArrayList<>();
        number(root, nodes);
        int n = nodes.size();
        childChars = new char[n][];
        childNodes = new int[n][];
        keywordOf = new String[n];
        industriesOf = new int[n][];
        for (Node node : nodes) {
            Character[] keys = node.next.keySet().toArray(new Character[0]);
            Arrays.sort(keys);
            childChars[node.id] = new char[keys.length];
            childNodes[node.id] = new int[keys.length];
            for (int k = 0; k < keys.length; k++) {
                childChars[node.id][k] = keys[k];
                childNodes[node.id][k] = node.next.get(keys[k]).id;
            }
            keywordOf[node.id] = node.keyword;
            industriesOf[node.id] = node.industries;
        }
        rootChild = new int[Character.MAX_VALUE + 1];
        Arrays.fill(rootChild, -1);
        for (int k = 0; k < childChars[0].length; k++) {
            rootChild[childChars[0][k]] = childNodes[0][k];
        }
        root = null;
    }

    private static void number(Node node, List<Node> nodes) {
        node.id = nodes.size();
        nodes.add(node);
        node.next.values().forEach(child -> number(child, nodes));
    }

    /** The non-overlapping hits in {@code text}, in text order (masked ones included, with no industries). */
    List<Hit> find(String text) {
        if (rootChild == null) {
            throw new IllegalStateException("not frozen");
        }
        TextAnalysis.Analysed analysed = TextAnalysis.analyse(normalize(text));
        char[] s = analysed.text();
        boolean[] edge = analysed.edge();
        int length = s.length;
        List<Hit> candidates = null;
        for (int i = 0; i < length; i++) {
            char first = s[i];
            int node = rootChild[first];
            if (node < 0 || !edge[i] || (i > 0 && isWordChar(first) && isWordChar(s[i - 1]))) {
                continue;
            }
            for (int j = i; ; ) {
                if (keywordOf[node] != null && edge[j + 1]
                        && (!isWordChar(s[j]) || j + 1 >= length || !isWordChar(s[j + 1]))) {
                    if (candidates == null) {
                        candidates = new ArrayList<>(4);
                    }
                    candidates.add(new Hit(keywordOf[node], i, j + 1, industriesOf[node]));
                }
                if (++j >= length) {
                    break;
                }
                char[] chars = childChars[node];
                int k = chars.length == 1 ? (chars[0] == s[j] ? 0 : -1) : Arrays.binarySearch(chars, s[j]);
                if (k < 0) {
                    break;
                }
                node = childNodes[node][k];
            }
        }
        if (candidates == null) {
            return List.of();
        }
        return candidates.size() == 1 ? candidates : longestNonOverlapping(candidates, length);
    }

    private static List<Hit> longestNonOverlapping(List<Hit> candidates, int length) {
        candidates.sort(LONGEST_FIRST);
        boolean[] taken = new boolean[length];
        List<Hit> accepted = new ArrayList<>(candidates.size());
        for (Hit h : candidates) {
            boolean free = true;
            for (int k = h.start(); k < h.end() && free; k++) {
                free = !taken[k];
            }
            if (free) {
                Arrays.fill(taken, h.start(), h.end(), true);
                accepted.add(h);
            }
        }
        accepted.sort(Comparator.comparingInt(Hit::start));
        return accepted;
    }

    /** Latin letters and digits: a keyword must not cut such a word or number in two. */
    private static boolean isWordChar(char c) {
        return c < 128 && WORD_CHARS[c];
    }

    /**
     * NFKC, lower case, whitespace runs collapsed to one space and trimmed. Text made only of ASCII, full-width ASCII,
     * CJK ideographs and common CJK punctuation (what activity texts are) takes a fast path with the same result;
     * anything else goes through {@link Normalizer}.
     */
    static String normalize(String text) {
        return new String(normalizedChars(text));
    }

    private static char[] normalizedChars(String text) {
        char[] out = new char[text.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = (char) (c - 0xFEE0);
            } else if (c == 0x3000) {
                c = ' ';
            } else if (c >= 128 && !isStableUnderNfkc(c)) {
                return slowNormalize(text).toCharArray();
            }
            if (c < 128 ? WHITESPACE[c] : Character.isWhitespace(c)) {
                space = n > 0;
                continue;
            }
            if (space) {
                out[n++] = ' ';
                space = false;
            }
            out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Characters that NFKC and lower-casing leave alone: CJK ideographs, CJK and general punctuation used in text. */
    private static boolean isStableUnderNfkc(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3035) || c == 0x2010
                || (c >= 0x2012 && c <= 0x2016) || (c >= 0x2018 && c <= 0x2023) || c == 0x00B7 || c == 0x00D7;
    }

    static String slowNormalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
