package io.investcrm.plan.model;

/** Where an industry sits in the plan: pillar (五(二)), cross-over and emerging (五(三)) or strategic support (五(四)). */
public enum IndustryKind {
    PILLAR,
    CROSSOVER,
    SUPPORT
}
