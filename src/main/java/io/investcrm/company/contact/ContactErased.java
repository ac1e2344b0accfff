package io.investcrm.company.contact;

/**
 * Announced in the erasure's transaction, before the person's data is cleared, so every feature that holds a copy
 * (stored import uploads) can drop it (PIPL Art. 47, issue 13). The clear values never leave the process.
 */
public record ContactErased(long contactId, long companyId, String name, String phoneIndex, String emailIndex) {
}
