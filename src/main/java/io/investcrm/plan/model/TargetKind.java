package io.investcrm.plan.model;

/** What a target counts. */
public enum TargetKind {
    /** Firms to attract (专栏9, 专栏10). */
    ATTRACTION,
    /** A stock already reached, reported as the starting point (e.g. Fortune Global 500 firms in 2020). */
    BASELINE,
    /** One of the plan's numbered indicators with yearly targets (专栏1). */
    INDICATOR,
    /** People to attract or train. */
    TALENT,
    /** Industrial floor space. */
    SPACE
}
