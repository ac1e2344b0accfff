package io.investcrm.offer;

/** A decider's verdict on one approval step: approve, reject (final) or return it to the drafter for revision. */
public enum Decision {
    APPROVED, REJECTED, RETURNED
}
