package io.investcrm.offer;

/** What a space offer does to its building's free area: HELD while decided, COMMITTED once approved, RELEASED after. */
public enum SpaceState {
    HELD, COMMITTED, RELEASED
}
