package io.investcrm.company;

import java.util.List;

/** Where a company sits in its group: the top entity, its parent and its direct subsidiaries or offices. */
public record GroupView(CompanySummary top, CompanySummary parent, List<CompanySummary> children, long groupSize) {
}
