package io.investcrm.company.contact;

import io.investcrm.security.pii.PersonMentions;

/**
 * Announced in the erasure's transaction, before the person's data is cleared, so every feature that holds a copy
 * (stored import uploads, visit notes and follow-ups that name the person) can drop it (PIPL Art. 47, issue 13). The
 * clear values never leave the process.
 */
public record ContactErased(long contactId, long companyId, String name, String phoneIndex, String emailIndex,
        String phone, String email, String weChat) {

    /** How the person may be written in free text. */
    public PersonMentions mentions() {
        return PersonMentions.of(name, phone, email, weChat);
    }
}
