package io.investcrm.company;

import java.util.List;

import io.investcrm.company.identity.DuplicateMatch;

/**
 * A record that may be the same firm, with how sure we are and why (reason keys such as {@code company.duplicate.same-lei}).
 * A {@code hidden} one is a record the signed-in user may not see: it says only that one exists (issue 13, #3).
 */
public record DuplicateView(long companyId, String displayName, String creditCode, DuplicateMatch.Confidence confidence,
        List<String> reasons, boolean hidden) {

    public DuplicateView(long companyId, String displayName, String creditCode, DuplicateMatch.Confidence confidence,
            List<String> reasons) {
        this(companyId, displayName, creditCode, confidence, reasons, false);
    }

    /** "A record you cannot see matches this — ask a manager": never which one, nor its name or codes. */
    public static DuplicateView hiddenRecord(DuplicateMatch.Confidence confidence, List<String> reasons) {
        return new DuplicateView(0, null, null, confidence, reasons, true);
    }
}
