package io.investcrm.company.words;

import java.util.List;
import java.util.stream.Collectors;

import io.investcrm.core.DomainException.FieldError;

/**
 * What a written value turned out to be: one code, nothing (blank), several candidates (the word fits more than one
 * value: "which one did you mean"), or none (with the closest candidates).
 */
public record Resolution(String input, Outcome outcome, String code, List<Choice> candidates) {

    public enum Outcome { BLANK, FOUND, AMBIGUOUS, UNKNOWN }

    public static Resolution blank() {
        return new Resolution(null, Outcome.BLANK, null, List.of());
    }

    public static Resolution found(String input, String code) {
        return new Resolution(input, Outcome.FOUND, code, List.of());
    }

    public boolean ok() {
        return outcome == Outcome.BLANK || outcome == Outcome.FOUND;
    }

    /** The field error a person reads, or null when the value was understood (or blank). */
    public FieldError error(String field) {
        String listed = candidates.stream().map(Choice::described).collect(Collectors.joining("; "));
        return switch (outcome) {
            case BLANK, FOUND -> null;
            case AMBIGUOUS -> new FieldError(field, "words.ambiguous", input, listed);
            case UNKNOWN -> candidates.isEmpty() ? new FieldError(field, "words.unknown.none", input)
                    : new FieldError(field, "words.unknown", input, listed);
        };
    }
}
