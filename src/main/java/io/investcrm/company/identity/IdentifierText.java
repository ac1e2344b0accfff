package io.investcrm.company.identity;

/** Shared clean-up of typed-in registry identifiers: half-width, no whitespace, upper-case. */
final class IdentifierText {

    private IdentifierText() {
    }

    /** Full-width ASCII (U+FF01–FF5E) and the ideographic space folded to their half-width forms. */
    static String toHalfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Half-width, upper-case, every whitespace character removed; null stays null.
     * Inner spaces go too because people paste codes grouped for reading ("9144 0300 …").
     */
    static String compact(String raw) {
        if (raw == null) {
            return null;
        }
        String half = toHalfWidth(raw);
        StringBuilder out = new StringBuilder(half.length());
        half.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .map(cp -> cp < 128 ? Character.toUpperCase(cp) : cp)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
