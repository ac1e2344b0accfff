package io.investcrm.company.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason why two company records may describe the same company.
 *
 * @param kind  what matched
 * @param score the name similarity for {@link Kind#SIMILAR_NAME}, otherwise 1
 */
public record DuplicateReason(Kind kind, double score) {

    /** What matched, strongest evidence first. */
    public enum Kind {
        SAME_CREDIT_CODE,
        SAME_HK_COMPANY_NUMBER,
        SAME_LEI,
        SAME_NORMALIZED_NAME,
        /** Same trade name once region, branch and group words are gone: a branch or sister company. */
        SAME_CORE_NAME,
        SIMILAR_NAME,
        SAME_GROUP;

        /** Message key for the UI, e.g. {@code company.duplicate.similar-name}. */
        public String messageKey() {
            return "company.duplicate." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean isIdentifier() {
            return this == SAME_CREDIT_CODE || this == SAME_HK_COMPANY_NUMBER || this == SAME_LEI;
        }
    }

    public DuplicateReason {
        Objects.requireNonNull(kind, "kind");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must lie in [0, 1]: " + score);
        }
    }

    public static DuplicateReason of(Kind kind) {
        return new DuplicateReason(kind, 1.0);
    }

    public static DuplicateReason similarName(double score) {
        return new DuplicateReason(Kind.SIMILAR_NAME, score);
    }

    /** {@code SAME_CREDIT_CODE}, or {@code SIMILAR_NAME(0.87)} with the score to two decimals. */
    @Override
    public String toString() {
        return kind == Kind.SIMILAR_NAME ? String.format(Locale.ROOT, "%s(%.2f)", kind, score) : kind.name();
    }
}
