package io.investcrm.company;

import java.util.List;

/**
 * What a merge would move from the loser to the survivor. {@code prospect}: NONE (the loser has none), MOVE (the
 * survivor has none, the loser's moves over) or EVENTS (both have one: the survivor's stays, the loser's history joins it).
 */
public record MergePreview(CompanySummary survivor, CompanySummary loser, int survivorVersion, int loserVersion,
        long contacts, long activities, String prospect, long prospectEvents, long rankingEntries, long followUps,
        long children, long offers, List<String> newAliases, List<String> filledFields) {
}
