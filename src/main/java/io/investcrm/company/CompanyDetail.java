package io.investcrm.company;

import java.util.List;

import io.investcrm.audit.AuditEvent;
import io.investcrm.company.contact.ContactCard;

/**
 * What the company detail page shows of the company itself, read once by {@link CompanyDetails}: the company, its
 * group, aliases, list memberships, contacts, likely duplicates (a live company only) and history.
 */
public record CompanyDetail(CompanyView company, GroupView group, List<AliasView> aliases,
        List<MembershipView> memberships, List<ContactCard> contacts, List<DuplicateView> duplicates,
        List<AuditEvent> history) {

    public boolean live() {
        return company.survivorId() == null;
    }
}
