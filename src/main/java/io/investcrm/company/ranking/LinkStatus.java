package io.investcrm.company.ranking;

/**
 * How far an entry's link to a company is settled: no candidate (UNLINKED), a likely one awaiting review (PROPOSED),
 * settled by an identifier or a person (CONFIRMED), or a proposal a person turned down (REJECTED).
 */
public enum LinkStatus {
    UNLINKED, PROPOSED, CONFIRMED, REJECTED
}
