package io.investcrm.offer;

/** The company's answer to an approved offer, as the officer records it. */
public enum OfferOutcome {
    ACCEPTED, DECLINED;

    OfferStatus status() {
        return this == ACCEPTED ? OfferStatus.ACCEPTED : OfferStatus.DECLINED;
    }
}
