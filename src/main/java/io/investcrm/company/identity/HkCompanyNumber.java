package io.investcrm.company.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hong Kong company number: the Companies Registry's CR No. (7 digits, shown with leading zeros)
 * or, for companies incorporated since 27 Dec 2023, the 8-digit Business Registration Number that
 * the Registry adopted as unique business identifier. Registered non-Hong Kong companies carry an
 * {@code F} prefix (F0012345).
 *
 * <p>Normal form: up to 7 digits are left-padded with zeros to 7 ("12345" → "0012345");
 * 8 digits are kept as they are, since a BRN may itself start with 0.
 */
public final class HkCompanyNumber {

    public static final String BLANK = "company.hk-company-no.blank";
    public static final String INVALID = "company.hk-company-no.invalid";

    private static final Pattern CR_NO = Pattern.compile("F?\\d{1,7}");
    private static final Pattern BRN = Pattern.compile("\\d{8}");
    /** Prefixes people copy along with the number. */
    private static final Pattern LABEL = Pattern.compile("^(?:CR\\s*NO|CRNO|CR|NO|BRN|BR\\s*NO)[.:#]*", Pattern.CASE_INSENSITIVE);

    private HkCompanyNumber() {
    }

    /**
     * The canonical form, or the compacted input (half-width, upper-case, no whitespace) when it is
     * not a company number; null stays null.
     */
    public static String normalize(String raw) {
        String compact = IdentifierText.compact(raw);
        if (compact == null) {
            return null;
        }
        String bare = LABEL.matcher(compact).replaceFirst("");
        if (BRN.matcher(bare).matches()) {
            return bare;
        }
        if (CR_NO.matcher(bare).matches()) {
            boolean foreign = bare.charAt(0) == 'F';
            String digits = foreign ? bare.substring(1) : bare;
            return (foreign ? "F" : "") + "0".repeat(7 - digits.length()) + digits;
        }
        return compact;
    }

    public static boolean isValid(String raw) {
        return validationError(raw).isEmpty();
    }

    /** The message key of the problem, or empty when the (normalized) number is well-formed. */
    public static Optional<String> validationError(String raw) {
        String number = normalize(raw);
        if (number == null || number.isEmpty()) {
            return Optional.of(BLANK);
        }
        boolean wellFormed = BRN.matcher(number).matches() || CR_NO.matcher(number).matches();
        if (!wellFormed || number.chars().filter(Character::isDigit).allMatch(c -> c == '0')) {
            return Optional.of(INVALID);
        }
        return Optional.empty();
    }
}
