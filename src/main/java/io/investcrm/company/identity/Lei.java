package io.investcrm.company.identity;

import java.util.Optional;

/**
 * Legal Entity Identifier (ISO 17442): 18 alphanumeric characters and two check digits
 * under ISO 7064 MOD 97-10, letters counting A=10 … Z=35 as in IBANs.
 */
public final class Lei {

    public static final String BLANK = "company.lei.blank";
    public static final String LENGTH = "company.lei.length";
    public static final String CHARSET = "company.lei.charset";
    public static final String CHECKSUM = "company.lei.checksum";

    public static final int LENGTH_CHARS = 20;

    private Lei() {
    }

    /** Trimmed, upper-case, half-width and without inner whitespace; null stays null. */
    public static String normalize(String raw) {
        return IdentifierText.compact(raw);
    }

    public static boolean isValid(String raw) {
        return validationError(raw).isEmpty();
    }

    /** The message key of the first problem found, or empty when the (normalized) LEI is valid. */
    public static Optional<String> validationError(String raw) {
        String lei = normalize(raw);
        if (lei == null || lei.isEmpty()) {
            return Optional.of(BLANK);
        }
        if (lei.length() != LENGTH_CHARS) {
            return Optional.of(LENGTH);
        }
        for (int i = 0; i < LENGTH_CHARS; i++) {
            char c = lei.charAt(i);
            boolean allowed = i < 18 ? isAlphanumeric(c) : c >= '0' && c <= '9';
            if (!allowed) {
                return Optional.of(CHARSET);
            }
        }
        if (mod97(lei) != 1) {
            return Optional.of(CHECKSUM);
        }
        return Optional.empty();
    }

    /**
     * The two check digits for an 18-character LEI prefix.
     *
     * @throws IllegalArgumentException if {@code first18} is not 18 characters of 0-9 A-Z
     */
    public static String checkDigits(String first18) {
        if (first18 == null || first18.length() != 18 || !first18.chars().allMatch(c -> isAlphanumeric((char) c))) {
            throw new IllegalArgumentException("expected 18 characters of 0-9 and A-Z");
        }
        int check = 98 - mod97(first18 + "00");
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** The remainder mod 97 of the digit string that letters expand to, computed piecewise to stay in an int. */
    private static int mod97(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = Character.digit(text.charAt(i), 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
