package io.investcrm.security.pii;

import java.text.Normalizer;
import java.util.Locale;

/** Canonical forms of e-mail addresses and phone numbers, so that blind indexes of equal values match. */
public final class PiiNormalizer {

    private PiiNormalizer() {
    }

    /** Trimmed, NFKC (full-width ＠ and letters folded) and lower-case; null or blank gives null. */
    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * E.164-style digits: "+8613812345678" for "138 1234 5678", "+86 138-1234-5678" or "0086…";
     * "+8675512345678" for the Shenzhen landline "0755-12345678". A number with a "+" or "00"
     * prefix keeps its country code; a number without one that is not recognisably mainland
     * Chinese is returned as bare digits. Null, blank or digit-free input gives null.
     */
    public static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        String digits = s.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (s.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.startsWith("00") && digits.length() > 4) {
            return "+" + digits.substring(2);
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return "+86" + digits;
        }
        if (digits.length() == 13 && digits.startsWith("861")) {
            return "+" + digits;
        }
        if (digits.charAt(0) == '0' && digits.length() >= 10 && digits.length() <= 12) {
            // mainland landline with trunk prefix and area code: 0755-12345678
            return "+86" + digits.substring(1);
        }
        return digits;
    }
}
