package io.investcrm.company.identity;

import java.util.Objects;

/**
 * The two match keys of a company name.
 *
 * @param normalized the name without punctuation, whitespace or legal form; equal keys mean the same name
 * @param core       additionally without region, branch and group words: equal cores mean the same
 *                   trade name, which can still be a branch or sister company
 * @param branch     the branch part that ends the normalized key ("深圳分公司", "hongkongbranch"), or ""
 */
public record NameKeys(String normalized, String core, String branch) {

    public static final NameKeys EMPTY = new NameKeys("", "", "");

    public NameKeys {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(branch, "branch");
    }

    public boolean isBranch() {
        return !branch.isEmpty();
    }

    public boolean isEmpty() {
        return normalized.isEmpty();
    }
}
