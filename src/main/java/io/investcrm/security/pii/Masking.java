package io.investcrm.security.pii;

/**
 * Masks personal data for display to users who may not see it in full. Every method is null-safe
 * (null in, null out) and keeps a blank input as it is.
 */
public final class Masking {

    private static final char STAR = '*';

    private Masking() {
    }

    /**
     * "13812345678" → "138****5678"; "+86 138 1234 5678" → "+86 138****5678"; "91234567" → "****4567".
     * Eleven digits or more keep the first three and last four, seven to ten keep the last four,
     * five or six the last two, shorter numbers nothing. Separators are dropped; a recognised
     * country code (86, 852, 853, 886) is kept in front.
     */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String s = phone.strip();
        String digits = s.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return stars(s.codePointCount(0, s.length()));
        }
        boolean international = s.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        String countryCode = countryCode(digits, international);
        String national = digits.substring(countryCode.length());
        String masked = maskDigits(national);
        if (!countryCode.isEmpty()) {
            return "+" + countryCode + " " + masked;
        }
        return international ? "+" + masked : masked;
    }

    /** "zhang.san@example.com" → "z***@example.com": the first character and a fixed "***", so the length does not show. */
    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String s = email.strip();
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return firstAndStars(s);
        }
        String local = s.substring(0, at);
        return (local.isEmpty() ? "***" : firstAndStars(local)) + s.substring(at);
    }

    /**
     * "张三丰" → "张**", "Zhang Sanfeng" → "Z**** S******", "张" → "*". A Chinese name keeps only its
     * first character, spaces or not ("张 三" → "张 *"); a Latin name keeps the first letter of each
     * word of two letters or more. Every other letter or digit becomes a star; separators such as
     * "·", "-", "'" and spaces stay.
     */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String s = name.strip().replaceAll("\\s+", " ");
        if (s.codePoints().anyMatch(Character::isIdeographic)) {
            return s.codePoints().filter(Character::isLetterOrDigit).count() >= 2 ? maskAllButFirst(s) : maskAll(s);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (String word : s.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean keepFirst = word.codePoints().filter(Character::isLetterOrDigit).count() >= 2;
            out.append(keepFirst ? maskAllButFirst(word) : maskAll(word));
        }
        return out.toString();
    }

    /**
     * "wxid_abc123" → "wx*******23": the first two and last two characters of an id of six or more,
     * the first of an id of three to five, nothing of a shorter one. A WeChat id that is a phone
     * number is masked as one.
     */
    public static String maskWeChat(String weChatId) {
        if (weChatId == null || weChatId.isBlank()) {
            return weChatId;
        }
        String s = weChatId.strip();
        if (s.matches("\\+?[\\d\\s-]{7,}")) {
            return maskPhone(s);
        }
        int[] cps = s.codePoints().toArray();
        int n = cps.length;
        if (n <= 2) {
            return stars(n);
        }
        if (n <= 5) {
            return new String(cps, 0, 1) + stars(n - 1);
        }
        return new String(cps, 0, 2) + stars(n - 4) + new String(cps, n - 2, 2);
    }

    private static String countryCode(String digits, boolean international) {
        if (international) {
            for (String cc : new String[] {"852", "853", "886", "86"}) {
                if (digits.startsWith(cc) && digits.length() > cc.length() + 4) {
                    return cc;
                }
            }
            return "";
        }
        // "8613812345678" written without the plus
        return digits.length() == 13 && digits.startsWith("861") ? "86" : "";
    }

    private static String maskDigits(String digits) {
        int n = digits.length();
        int head = n >= 11 ? 3 : 0;
        int tail = n >= 7 ? 4 : n >= 5 ? 2 : 0;
        return digits.substring(0, head) + stars(n - head - tail) + digits.substring(n - tail);
    }

    private static String maskAllButFirst(String s) {
        int first = Character.charCount(s.codePointAt(0));
        return s.substring(0, first) + maskAll(s.substring(first));
    }

    private static String maskAll(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                out.append(STAR);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String firstAndStars(String s) {
        return new String(Character.toChars(s.codePointAt(0))) + "***";
    }

    private static String stars(int n) {
        return String.valueOf(STAR).repeat(Math.max(n, 0));
    }
}
