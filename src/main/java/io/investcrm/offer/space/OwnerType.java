package io.investcrm.offer.space;

/** Who owns a building of the inventory (plan 七(一)1): government-owned (国有) or a partner's (合作). */
public enum OwnerType {
    GOVERNMENT, PARTNER
}
