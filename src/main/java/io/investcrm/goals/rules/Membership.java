package io.investcrm.goals.rules;

import io.investcrm.plan.model.LocalizedText;
import io.investcrm.plan.model.RankingScope;

/** A firm's (or its group's) place on a ranking list: which list, of which year, market and field, at which rank. */
public record Membership(String listCode, LocalizedText listName, int listYear, RankingScope scope, String fieldCode,
        int rank) {
}
