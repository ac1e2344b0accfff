package io.investcrm.company;

import java.util.List;

import io.investcrm.audit.AuditEvent;
import io.investcrm.company.contact.ContactCard;
import io.investcrm.company.contact.RevealView;

/**
 * Everything the company detail page shows: the read model's {@link CompanyDetail} and the panels other features add
 * (rendered HTML), gathered by {@link CompanyPages}.
 */
public record CompanyPage(CompanyView company, GroupView group, List<AliasView> aliases, List<MembershipView> memberships,
        List<ContactCard> contacts, List<DuplicateView> duplicates, List<String> panels, List<AuditEvent> history,
        RevealView revealed, boolean saved, boolean mayMerge, boolean mayErase, Labels labels) {

    /** The coded fields as the labels people read (issue 15: 中国香港特别行政区, 集成电路设计, 华强-上步片区), not codes. */
    public record Labels(String country, List<String> industries, String zone) {
    }

    static CompanyPage of(CompanyDetail d, List<String> panels, RevealView revealed, boolean saved, boolean mayMerge,
            boolean mayErase, Labels labels) {
        return new CompanyPage(d.company(), d.group(), d.aliases(), d.memberships(), d.contacts(), d.duplicates(), panels,
                d.history(), revealed, saved, mayMerge, mayErase, labels);
    }

    /** The revealed value of this contact's field, or null. */
    public String revealedValue(long contactId, String field) {
        return revealed != null && revealed.contactId() == contactId && revealed.field().name().equals(field)
                ? (revealed.value() == null ? "—" : revealed.value()) : null;
    }
}
