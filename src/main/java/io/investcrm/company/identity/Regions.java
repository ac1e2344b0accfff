package io.investcrm.company.identity;

import java.util.List;

/** Recognises place names (深圳, 深圳市, 南山区, "Hong Kong") at the edges of folded name text. */
final class Regions {

    private Regions() {
    }

    /**
     * Length of the place name, with its 省/市/区 … if any, that opens {@code s}, or 0. Shenzhen
     * districts count only with a suffix (南山区), since bare they are common trade names.
     */
    static int zhAtStart(String s) {
        int best = 0;
        for (String region : NameLexicon.ZH_REGIONS) {
            if (s.startsWith(region)) {
                best = Math.max(best, region.length() + suffixAt(s, region.length()));
            }
        }
        for (String district : NameLexicon.ZH_DISTRICTS) {
            if (s.startsWith(district)) {
                int suffix = suffixAt(s, district.length());
                if (suffix > 0) {
                    best = Math.max(best, district.length() + suffix);
                }
            }
        }
        return best;
    }

    /** Length of the place name (province, city or Shenzhen district, optional suffix) that ends {@code s}, or 0. */
    static int zhAtEnd(String s) {
        int best = regionBefore(s, "");
        for (String suffix : NameLexicon.ZH_ADMIN_SUFFIXES) {
            best = Math.max(best, regionBefore(s, suffix));
        }
        return best;
    }

    /** 深圳, 深圳市, 南山区, 广东深圳 … and nothing else. */
    static boolean isZhPhrase(String zh) {
        String rest = zh;
        while (!rest.isEmpty()) {
            int len = zhAtEnd(rest);
            if (len == 0) {
                return false;
            }
            rest = rest.substring(0, rest.length() - len);
        }
        return !zh.isEmpty();
    }

    /** A run of place names without their suffixes, "广东省深圳市" → "广东深圳"; other text unchanged. */
    static String withoutAdminSuffixes(String phrase) {
        StringBuilder out = new StringBuilder();
        String rest = phrase;
        while (!rest.isEmpty()) {
            int len = zhAtEnd(rest);
            if (len == 0) {
                return phrase;
            }
            String place = rest.substring(rest.length() - len);
            out.insert(0, place.substring(0, place.length() - suffixLength(place)));
            rest = rest.substring(0, rest.length() - len);
        }
        return out.toString();
    }

    /** "深圳市腾讯…" → "深圳腾讯…": the opening place names without 省/市/区, as people type them. */
    static String withoutLeadingAdminSuffixes(String s) {
        StringBuilder places = new StringBuilder();
        String rest = s;
        for (int len; (len = zhAtStart(rest)) > 0 && len < rest.length(); ) {
            places.append(withoutAdminSuffixes(rest.substring(0, len)));
            rest = rest.substring(len);
        }
        return places.length() == 0 ? s : places + rest;
    }

    /** How many words of an English place name open {@code words}, or 0. */
    static int enAtStart(List<String> words) {
        for (List<String> region : NameLexicon.EN_REGIONS) {
            if (words.size() >= region.size() && words.subList(0, region.size()).equals(region)) {
                return region.size();
            }
        }
        return 0;
    }

    /** How many words of an English place name end {@code words}, or 0. */
    static int enAtEnd(List<String> words) {
        for (List<String> region : NameLexicon.EN_REGIONS) {
            if (words.size() >= region.size() && words.subList(words.size() - region.size(), words.size()).equals(region)) {
                return region.size();
            }
        }
        return 0;
    }

    private static int suffixAt(String s, int from) {
        for (String suffix : NameLexicon.ZH_ADMIN_SUFFIXES) {
            if (s.startsWith(suffix, from)) {
                return suffix.length();
            }
        }
        return 0;
    }

    private static int suffixLength(String place) {
        for (String suffix : NameLexicon.ZH_ADMIN_SUFFIXES) {
            if (place.length() > suffix.length() && place.endsWith(suffix)) {
                String bare = place.substring(0, place.length() - suffix.length());
                if (NameLexicon.ZH_REGIONS.contains(bare) || NameLexicon.ZH_DISTRICTS.contains(bare)) {
                    return suffix.length();
                }
            }
        }
        return 0;
    }

    private static int regionBefore(String s, String suffix) {
        if (!s.endsWith(suffix)) {
            return 0;
        }
        String pre = s.substring(0, s.length() - suffix.length());
        int best = 0;
        for (String place : NameLexicon.ZH_REGIONS) {
            if (pre.endsWith(place)) {
                best = Math.max(best, place.length() + suffix.length());
            }
        }
        for (String place : NameLexicon.ZH_DISTRICTS) {
            if (pre.endsWith(place)) {
                best = Math.max(best, place.length() + suffix.length());
            }
        }
        return best;
    }
}
