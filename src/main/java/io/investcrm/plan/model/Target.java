package io.investcrm.plan.model;

import java.util.List;
import java.util.Objects;

/**
 * Something the office reports against. {@code count}/{@code countText} is the number of firms to reach,
 * {@code baseline} and {@code milestones} the values by year, {@code indicator} the number in 专栏1 where it is one.
 * {@code rule}, {@code tiers}, {@code fields}, {@code lists} and {@code presence} say which firms count.
 */
public record Target(String code, String ref, TargetKind kind, LocalizedText title, Integer count, String countText,
                     LocalizedText horizon, Integer year, LocalizedText unit, Integer indicator, Milestone baseline,
                     List<Milestone> milestones, LocalizedText note, TargetRule rule, List<TargetTier> tiers,
                     List<IndustryTerm> fields, List<String> lists, List<PresenceKind> presence) {

    public Target {
        Objects.requireNonNull(code, "code");
        rule = rule == null ? TargetRule.REPORT : rule;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        fields = fields == null ? List.of() : List.copyOf(fields);
        lists = lists == null ? List.of() : List.copyOf(lists);
        presence = presence == null ? List.of() : List.copyOf(presence);
    }

    /** The last milestone, i.e. the value at the horizon, if any. */
    public Milestone finalMilestone() {
        return milestones.isEmpty() ? null : milestones.get(milestones.size() - 1);
    }
}
