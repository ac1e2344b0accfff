package io.investcrm.company.identity;

import java.util.List;
import java.util.Objects;

/** The verdict of {@link DuplicateRule}: why two records look alike, and how sure that makes us. */
public record DuplicateMatch(Confidence confidence, List<DuplicateReason> reasons) {

    /** How likely the two records are one company. */
    public enum Confidence {
        /** A registry identifier is the same: block the new record. */
        CERTAIN,
        /** Same or nearly the same name, no conflicting identifier: ask before saving. */
        PROBABLE,
        /** Related (branch, group, similar name) or same name with different identifiers: show, do not block. */
        POSSIBLE
    }

    public DuplicateMatch {
        Objects.requireNonNull(confidence, "confidence");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a match needs at least one reason");
        }
    }

    public boolean has(DuplicateReason.Kind kind) {
        return reasons.stream().anyMatch(r -> r.kind() == kind);
    }
}
