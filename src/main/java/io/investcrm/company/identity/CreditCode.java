package io.investcrm.company.identity;

import java.util.Optional;

/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, mod-31 check character.
 *
 * <p>Layout: 1 registration authority, 2 entity category, 3–8 administrative division (digits),
 * 9–17 entity identifier, 18 check character. {@link #isValid} and {@link #validationError}
 * accept what a person typed (see {@link #normalize}); store the normalized form.
 *
 * <p>A few codes issued in 2015 pilot regions (e.g. some in Fujian) break the checksum yet are
 * legal; callers that must accept them should treat {@value #CHECKSUM} as a warning a user may override.
 */
public final class CreditCode {

    public static final String BLANK = "company.credit-code.blank";
    public static final String LENGTH = "company.credit-code.length";
    public static final String CHARSET = "company.credit-code.charset";
    public static final String CHECKSUM = "company.credit-code.checksum";

    public static final int LENGTH_CHARS = 18;

    /** The 31 characters the standard uses; I, O, S, V and Z are left out to avoid misreading. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 3^i mod 31 for positions 1–17, as tabulated in the standard. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Trimmed, upper-case, half-width and without inner whitespace; null stays null. */
    public static String normalize(String raw) {
        return IdentifierText.compact(raw);
    }

    public static boolean isValid(String raw) {
        return validationError(raw).isEmpty();
    }

    /** The message key of the first problem found, or empty when the (normalized) code is valid. */
    public static Optional<String> validationError(String raw) {
        String code = normalize(raw);
        if (code == null || code.isEmpty()) {
            return Optional.of(BLANK);
        }
        if (code.length() != LENGTH_CHARS) {
            return Optional.of(LENGTH);
        }
        for (int i = 0; i < LENGTH_CHARS; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(CHARSET);
            }
        }
        for (int i = 2; i < 8; i++) {
            // the administrative division code (GB/T 2260) is digits only
            if (code.charAt(i) > '9') {
                return Optional.of(CHARSET);
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of(CHECKSUM);
        }
        return Optional.empty();
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("expected the first 17 characters of a credit code");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside the credit-code alphabet at position " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
