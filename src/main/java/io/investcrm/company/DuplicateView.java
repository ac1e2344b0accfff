package io.investcrm.company;

import java.util.List;

import io.investcrm.company.identity.DuplicateMatch;

/** A record that may be the same firm, with how sure we are and why (reason keys such as {@code company.duplicate.same-lei}). */
public record DuplicateView(long companyId, String displayName, String creditCode, DuplicateMatch.Confidence confidence,
        List<String> reasons) {
}
