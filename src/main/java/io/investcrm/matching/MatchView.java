package io.investcrm.matching;

import java.util.List;
import java.util.Locale;

import io.investcrm.matching.engine.MatchResult;

/** One ranked match in the reader's language: score, the section or zone, and the explanation with its refs. */
public record MatchView(String type, String ref, String code, String title, int score, List<Reason> reasons) {

    public record Reason(String ref, String text) {
    }

    public static MatchView from(MatchResult r, Locale locale) {
        return new MatchView(r.type().name(), r.ref(), r.code(), r.title().get(locale), (int) Math.round(r.score()),
                r.reasons().stream().map(x -> new Reason(x.ref(), x.text(locale))).toList());
    }
}
