package io.investcrm.company.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Character-by-character Traditional → Simplified Chinese conversion from the bundled table
 * {@value #RESOURCE}, loaded once on first use.
 *
 * <p>One character at a time is enough for matching names: both sides of a comparison go through
 * the same table, so the rare one-to-many cases cannot make two equal names differ.
 */
public final class TraditionalToSimplified {

    public static final String RESOURCE = "/company/t2s.txt";

    private TraditionalToSimplified() {
    }

    /** The text with every Traditional character in the table replaced; null stays null. */
    public static String convert(String text) {
        if (text == null) {
            return null;
        }
        Map<Integer, Integer> table = Table.MAP;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Integer simplified = table.get(cp);
            if (simplified != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(simplified != null ? simplified : cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    /** How many characters the table maps. */
    public static int size() {
        return Table.MAP.size();
    }

    /** Lazy holder: the table is read on first use, exactly once. */
    private static final class Table {
        static final Map<Integer, Integer> MAP = load();

        private static Map<Integer, Integer> load() {
            InputStream in = TraditionalToSimplified.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            Map<Integer, Integer> map = new HashMap<>(4096);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int lineNo = 0;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int[] cps = line.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
                    if (cps.length != 2) {
                        throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected two characters");
                    }
                    map.put(cps[0], cps[1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return Map.copyOf(map);
        }
    }
}
