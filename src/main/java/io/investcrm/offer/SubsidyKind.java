package io.investcrm.offer;

/** What a subsidy is for (plan 八(二)): settlement award, rent subsidy, talent, R&D, other. */
public enum SubsidyKind {
    SETTLEMENT, RENT, TALENT, RND, OTHER
}
