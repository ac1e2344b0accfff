package io.investcrm.company.contact;

/** One personal field in full, for a person allowed to see it; the reveal is already in the audit trail. */
public record RevealView(long contactId, PiiField field, String value) {
}
