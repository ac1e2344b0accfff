package io.investcrm.offer;

/**
 * Where an offer stands (issue 11): DRAFT → SUBMITTED (step k of n) → APPROVED → ISSUED (the letter) → ACCEPTED /
 * DECLINED / EXPIRED; REJECTED is final; RETURNED goes back to the drafter and is resubmitted; a submitter may recall
 * a SUBMITTED offer to DRAFT before the first decision; DRAFT, RETURNED and SUBMITTED may be WITHDRAWN. The names are
 * read by the dashboard ("awaiting approval" = SUBMITTED): keep them stable.
 */
public enum OfferStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED, ISSUED, REJECTED, WITHDRAWN, ACCEPTED, DECLINED, EXPIRED;

    /** Nothing happens to the offer any more. */
    public boolean isClosed() {
        return this == REJECTED || this == WITHDRAWN || this == ACCEPTED || this == DECLINED || this == EXPIRED;
    }

    /** The drafter may change the terms (locked while in approval and after). */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }

    /** A promise that stands or is being decided: counts towards the group's cumulative amount or area. */
    public boolean counts() {
        return this == SUBMITTED || this == APPROVED || this == ISSUED || this == ACCEPTED;
    }
}
