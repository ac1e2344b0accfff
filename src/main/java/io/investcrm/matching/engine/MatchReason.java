package io.investcrm.matching.engine;

import java.util.Locale;

/** One step of an explanation, citing the plan section it rests on. */
public record MatchReason(String ref, String zh, String en) {

    public String text(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
