package io.investcrm.offer;

/**
 * Where an offer stands: DRAFT → SUBMITTED → APPROVED or REJECTED; DRAFT and SUBMITTED may be WITHDRAWN; an APPROVED
 * offer is then ACCEPTED or DECLINED by the company (recorded by the officer).
 */
public enum OfferStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, WITHDRAWN, ACCEPTED, DECLINED;

    /** Nothing happens to the offer any more. */
    public boolean isClosed() {
        return this == REJECTED || this == WITHDRAWN || this == ACCEPTED || this == DECLINED;
    }
}
