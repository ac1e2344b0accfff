package io.investcrm.security;

import java.util.regex.Pattern;

/**
 * Spreadsheet cells that cannot run (issue 13, #8; OWASP "CSV injection"): a value Excel, LibreOffice or WPS would
 * read as a formula or DDE call is written as text by a leading apostrophe. A plain number such as {@code -12.5}
 * stays a number; anything else starting with {@code = + - @}, a tab, a line break (also after leading blanks), or
 * their full-width forms, is quoted, so {@code -1+cmd|' /C calc'!A0} and {@code +1+HYPERLINK(…)} cannot pass.
 */
public final class FormulaGuard {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern TRIGGER = Pattern.compile("(?s)^[\\s\\u3000]*[=+\\-@\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20].*");

    private FormulaGuard() {
    }

    /** The cell text for {@code value}; null becomes "". */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (NUMBER.matcher(value).matches() || !TRIGGER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }
}
