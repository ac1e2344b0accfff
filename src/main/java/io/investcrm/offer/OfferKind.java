package io.investcrm.offer;

/** What the office offers a company: office space (rent, rent-free months) or a subsidy (an amount on a policy basis). */
public enum OfferKind {
    SPACE, SUBSIDY
}
