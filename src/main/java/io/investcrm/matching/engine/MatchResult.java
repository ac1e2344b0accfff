package io.investcrm.matching.engine;

import io.investcrm.plan.model.LocalizedText;

import java.util.List;

/**
 * A ranked match: {@code score} is on a 0–100 scale (100 = the plan names exactly this firm's case), {@code ref} the
 * plan section, {@code code} the zone or target code (the ref for sections and HQ kinds), {@code reasons} the
 * explanation, each step citing a section.
 */
public record MatchResult(ResultType type, String ref, String code, LocalizedText title, double score,
                          List<MatchReason> reasons) {

    public MatchResult {
        reasons = List.copyOf(reasons);
    }
}
