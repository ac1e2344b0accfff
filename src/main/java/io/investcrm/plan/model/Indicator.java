package io.investcrm.plan.model;

import java.util.List;

/** A numbered indicator (专栏1): the actual value of the base year and the targets, as the text gives them. */
public record Indicator(int number, String ref, LocalizedText dimension, LocalizedText name, LocalizedText unit,
                        Milestone actual, List<Milestone> targets) {

    public Indicator {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public String target(int year) {
        return targets.stream().filter(m -> m.year() == year).map(Milestone::value).findFirst().orElse(null);
    }
}
