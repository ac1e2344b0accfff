package io.investcrm.company;

import java.util.List;

import io.investcrm.audit.AuditEvent;
import io.investcrm.company.contact.ContactView;
import io.investcrm.company.contact.RevealView;
import io.investcrm.matching.MatchView;

/** Everything the company detail page shows, gathered by {@link CompanyPages}. */
public record CompanyPage(CompanyView company, GroupView group, List<AliasView> aliases, List<MembershipView> memberships,
        List<ContactCard> contacts, List<DuplicateView> duplicates, List<MatchView> matches, List<AuditEvent> history,
        RevealView revealed, boolean saved, boolean mayMerge, boolean mayErase) {

    /** A contact as a card: masked data, and whether this reader may reveal it. */
    public record ContactCard(ContactView contact, boolean mayReveal) {
    }

    /** The revealed value of this contact's field, or null. */
    public String revealedValue(long contactId, String field) {
        return revealed != null && revealed.contactId() == contactId && revealed.field().name().equals(field)
                ? (revealed.value() == null ? "—" : revealed.value()) : null;
    }
}
