package io.investcrm.security.pii;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ways an erased person may be written in free text (visit notes, follow-ups), so erasure can take them out
 * (PIPL art. 47, issue 13): the full name; for a Chinese name also the given name alone (two characters or more),
 * the surname with a form of address (王总, 欧阳经理; compound surnames included — not 小王 or 老王, which would
 * also take 小高层 or 老方案 apart); for a Latin name the words in
 * either order and a title with either word (Ms Chen); the phone number however it is spaced or dashed, with or without
 * its country code; the e-mail address and the WeChat ID in any case. Each mention becomes {@link #MARK}; the rest of
 * the text stays, since a visit note records the firm's business, not the person.
 */
public final class PersonMentions {

    /** What a mention becomes: the same mark the masked values use, in no language. */
    public static final String MARK = "***";

    /** Two-character surnames: the given name starts after them. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "歐陽",
            "諸葛", "司馬", "東方", "長孫");

    /** Forms of address that follow a surname (longest first where one starts another). */
    private static final List<String> ADDRESS = List.of("总经理", "董事长", "总监", "总裁", "总", "董", "经理", "先生",
            "女士", "小姐", "老师", "主任", "博士", "教授", "律师", "处长", "局长", "部长", "院长", "行长", "所长", "书记",
            "秘书", "老板", "会计", "總", "經理");

    /** {@link #ADDRESS} as one regex alternation, built once. */
    private static final String ADDRESS_ALTERNATION = "(?:"
            + String.join("|", ADDRESS.stream().map(Pattern::quote).toList()) + ")";

    private static final String LATIN_TITLES = "(?:mr|mrs|ms|miss|dr|prof)\\.?\\s+";

    private final Pattern pattern;

    private PersonMentions(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Mentions of a person with these clear values (any may be null); none at all when every value is empty. */
    public static PersonMentions of(String name, String phone, String email, String weChat) {
        List<String> alternatives = new ArrayList<>();
        alternatives.addAll(name(clean(name)));
        String digits = phone(clean(phone));
        if (digits != null) {
            alternatives.add("(?<!\\d)" + String.join("[\\s\\-.]?", digits.split("")) + "(?!\\d)");
        }
        String mail = clean(email);
        if (mail != null && mail.contains("@")) {
            alternatives.add("(?<![\\w.+-])" + Pattern.quote(mail) + "(?![\\w-])");
        }
        String wx = clean(weChat);
        if (wx != null && wx.length() >= 3) {
            alternatives.add("(?<![\\w-])" + Pattern.quote(wx) + "(?![\\w-])");
        }
        if (alternatives.isEmpty()) {
            return new PersonMentions(null);
        }
        // longest first, so "欧阳娜娜" is taken whole before "娜娜"
        alternatives.sort(Comparator.comparingInt(String::length).reversed());
        return new PersonMentions(Pattern.compile(String.join("|", alternatives),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The text with every mention replaced by {@link #MARK}; null stays null. */
    public String redact(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        return pattern.matcher(text).replaceAll(MARK);
    }

    /** Whether the text mentions the person. */
    public boolean mentionedIn(String text) {
        return text != null && pattern != null && pattern.matcher(text).find();
    }

    private static List<String> name(String name) {
        if (name == null || name.codePointCount(0, name.length()) < 2) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        if (name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            String compact = name.replaceAll("[\\s·•]", "");
            out.add(Pattern.quote(compact));
            String surname = compact.length() >= 3 && COMPOUND_SURNAMES.contains(compact.substring(0, 2))
                    ? compact.substring(0, 2) : compact.substring(0, 1);
            String given = compact.substring(surname.length());
            if (given.length() >= 2) {
                out.add(Pattern.quote(given));
            }
            out.add(Pattern.quote(surname) + ADDRESS_ALTERNATION);
            return List.copyOf(out);
        }
        String[] words = name.split("\\s+");
        out.add(latin(String.join("\\s+", quoted(words))));
        if (words.length == 2) {
            out.add(latin(Pattern.quote(words[1]) + ",?\\s+" + Pattern.quote(words[0])));
        }
        for (String word : new String[] { words[0], words[words.length - 1] }) {
            if (word.length() >= 2) {
                out.add(latin(LATIN_TITLES + Pattern.quote(word)));
            }
        }
        return List.copyOf(out);
    }

    private static String latin(String core) {
        return "(?<![\\p{L}])" + core + "(?![\\p{L}])";
    }

    private static List<String> quoted(String[] words) {
        List<String> q = new ArrayList<>();
        for (String w : words) {
            q.add(Pattern.quote(w));
        }
        return q;
    }

    /** The national digits of a phone number (country code of the Chinese regions dropped), at least seven. */
    private static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        boolean international = phone.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (international || digits.length() > 11) {
            for (String cc : List.of("852", "853", "886", "86")) {
                if (digits.startsWith(cc) && digits.length() - cc.length() >= 7) {
                    digits = digits.substring(cc.length());
                    break;
                }
            }
        }
        return digits.length() >= 7 ? digits : null;
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        return s.isEmpty() ? null : s;
    }
}
