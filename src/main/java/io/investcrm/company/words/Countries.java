package io.investcrm.company.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Countries and regions from the JDK's locale data (CLDR): ISO codes (HK, HKG), the names in Simplified and Traditional
 * Chinese and English (中国香港特别行政区, 中國香港特別行政區, Hong Kong SAR China) and the short forms people write,
 * derived from those names by dropping the administrative words (香港, 中國香港, Hong Kong, Hong Kong, China).
 */
final class Countries {

    private static final List<Locale> NAME_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
            Locale.forLanguageTag("zh-HK"), Locale.ENGLISH);

    private Countries() {
    }

    static Lexicon lexicon() {
        Lexicon l = new Lexicon(2);
        for (String code : Locale.getISOCountries()) {
            Locale region = new Locale("", code);
            String zh = region.getDisplayCountry(Locale.SIMPLIFIED_CHINESE);
            String en = region.getDisplayCountry(Locale.ENGLISH);
            l.choice(new Choice(code, zh, en));
            l.word(0, code, code);
            l.word(0, region.getISO3Country(), code);
            for (Locale lang : NAME_LOCALES) {
                String name = region.getDisplayCountry(lang);
                l.word(0, name, code);
                for (String shortForm : shortForms(name)) {
                    l.word(1, shortForm, code);
                }
            }
        }
        return l;
    }

    /** 中国香港特别行政区 → 中国香港, 香港; Hong Kong SAR China → Hong Kong, Hong Kong China. */
    static List<String> shortForms(String name) {
        List<String> out = new ArrayList<>();
        String zh = name.replaceAll("(特别行政区|特別行政區)$", "");
        if (!zh.equals(name)) {
            out.add(zh);
            String bare = zh.replaceAll("^(中国|中國)", "");
            if (!bare.equals(zh) && bare.length() >= 2) {
                out.add(bare);
                out.add(bare + "特别行政区");
            }
        }
        String en = name.replaceAll("\\s+SAR( China)?$", "");
        if (!en.equals(name)) {
            out.add(en);
            out.add(en + " China");
            out.add(en + " SAR");
        }
        return out;
    }
}
