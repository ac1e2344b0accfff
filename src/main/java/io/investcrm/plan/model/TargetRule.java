package io.investcrm.plan.model;

/** How a single firm can count toward a target. */
public enum TargetRule {
    /** A ranking membership of the firm must satisfy the target's tiers and lists, in one of its fields. */
    RANKING,
    /** Being in one of the target's fields is enough (e.g. every licensed bank counts toward 专栏1 #10). */
    FIELD,
    /** Reported only; no single firm is matched to it. */
    REPORT
}
