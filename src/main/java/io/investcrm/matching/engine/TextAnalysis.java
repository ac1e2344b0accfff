package io.investcrm.matching.engine;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns free text into the form keywords are matched in: Lucene's smartcn segmenter cuts Chinese into words (so
 * 多媒体 and 保险柜 are one word each, and 媒体 or 保险 cannot be found inside them) and stems English with Porter
 * (sensors = sensor, drones = drone). The words are written back one after another — Chinese words joined directly,
 * Latin words and anything that had a gap between it separated by one space — and every word's start and end is
 * marked, so a keyword is accepted only where it starts and ends on word edges. Keywords go through the same steps,
 * so both sides are segmented and stemmed alike. Thread-safe (Lucene's analyzer keeps its state per thread).
 */
final class TextAnalysis {

    /** The analysed text and, for every position 0..length, whether a word starts or ends there. */
    record Analysed(char[] text, boolean[] edge) {
    }

    // No stop words: the plan's own keywords include short words ("AI", "IT") that a stop list could drop.
    private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    private TextAnalysis() {
    }

    /** Analyses text that {@link KeywordMatcher#normalize} has already normalised. */
    static Analysed analyse(String normalised) {
        StringBuilder out = new StringBuilder(normalised.length() + 8);
        boolean[] edge = new boolean[normalised.length() * 2 + 2];
        try (TokenStream ts = ANALYZER.tokenStream("text", normalised)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int previousEnd = -1;
            char previousLast = 0;
            while (ts.incrementToken()) {
                if (term.length() == 0) {
                    continue;
                }
                char first = term.charAt(0);
                if (previousEnd >= 0 && (offset.startOffset() > previousEnd
                        || (isLatin(previousLast) && isLatin(first)))) {
                    out.append(' ');
                }
                edge = ensure(edge, out.length() + term.length() + 1);
                edge[out.length()] = true;
                out.append(term.buffer(), 0, term.length());
                edge[out.length()] = true;
                previousEnd = offset.endOffset();
                previousLast = term.charAt(term.length() - 1);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        char[] chars = new char[out.length()];
        out.getChars(0, out.length(), chars, 0);
        boolean[] edges = new boolean[chars.length + 1];
        System.arraycopy(edge, 0, edges, 0, Math.min(edge.length, edges.length));
        return new Analysed(chars, edges);
    }

    /** The analysed form of a keyword (its words segmented and stemmed like a text's), or "" if nothing is left. */
    static String keyword(String normalised) {
        return new String(analyse(normalised).text());
    }

    private static boolean isLatin(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean[] ensure(boolean[] edge, int size) {
        if (size < edge.length) {
            return edge;
        }
        boolean[] grown = new boolean[Math.max(size + 1, edge.length * 2)];
        System.arraycopy(edge, 0, grown, 0, edge.length);
        return grown;
    }
}
