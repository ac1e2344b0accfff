package io.investcrm.offer;

/** A decider's verdict on one approval step. */
public enum Decision {
    APPROVED, REJECTED
}
