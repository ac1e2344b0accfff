package io.investcrm.plan.model;

/** A ranking cut-off of a target: rank 1..{@code maxRank} in a ranking of {@code scope} qualifies. */
public record TargetTier(RankingScope scope, int maxRank, LocalizedText label) {

    public boolean admits(RankingScope rankingScope, int rank) {
        return scope == rankingScope && rank >= 1 && rank <= maxRank;
    }
}
