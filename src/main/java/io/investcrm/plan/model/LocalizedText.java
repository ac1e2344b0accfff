package io.investcrm.plan.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Chinese (the plan's language, always present) and English (optional).
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        en = en == null || en.isBlank() ? null : en;
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** English for an English locale when there is one; Chinese otherwise. */
    public String get(Locale locale) {
        if (en != null && locale != null && "en".equals(locale.getLanguage())) {
            return en;
        }
        return zh;
    }

    /** English when there is one, else Chinese. */
    public String enOrZh() {
        return en != null ? en : zh;
    }
}
