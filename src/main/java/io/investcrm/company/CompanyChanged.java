package io.investcrm.company;

import java.util.List;

/**
 * Companies created or changed (fields, industries, a merge), announced synchronously at the end of the write inside
 * its transaction: features that keep something derived from a company (matching's stored scores) bring it up to
 * date before the commit, so a read right after it sees the change.
 */
public record CompanyChanged(List<Long> companyIds) {

    public CompanyChanged {
        companyIds = List.copyOf(companyIds);
    }
}
