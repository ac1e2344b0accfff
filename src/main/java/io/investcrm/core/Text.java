package io.investcrm.core;

/** The text helpers every form and import needs: one meaning of "blank" across the application. */
public final class Text {

    private Text() {
    }

    /** Null, empty or only whitespace. */
    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The trimmed text, or null when it is blank: what is stored for an optional field. */
    public static String trimOrNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
