package io.investcrm.company;

/**
 * A company's preferred zone changes, announced synchronously inside the update's transaction: features that keep
 * counts by the firm's zone (the activity counts of the managers' dashboard, issue 10) move the firm's share.
 */
public record CompanyZoneChanged(long companyId, String oldZone, String newZone) {
}
