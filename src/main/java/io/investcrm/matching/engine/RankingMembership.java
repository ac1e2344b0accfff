package io.investcrm.matching.engine;

import io.investcrm.plan.model.RankingScope;

/**
 * A firm's place on a list: {@code listCode} (e.g. fortune-global-500 or any professional-services ranking),
 * the market it ranks ({@code scope}), the field it is ranked in (an industry code, or null) and its rank
 * (1 = first; 0 or less for lists without ranks, such as a certification).
 */
public record RankingMembership(String listCode, RankingScope scope, String field, int rank) {

    public static RankingMembership of(String listCode, RankingScope scope, String field, int rank) {
        return new RankingMembership(listCode, scope, field, rank);
    }

    /** A membership of a list that has no ranks. */
    public static RankingMembership member(String listCode) {
        return new RankingMembership(listCode, null, null, 0);
    }
}
