package io.investcrm.plan.model;

import java.util.List;
import java.util.Objects;

/**
 * A node of the industry taxonomy. {@code ref} is the section that names it, {@code keywords} the terms that point
 * to it in free text (its names included), {@code gbt4754} the GB/T 4754-2017 classes it covers where known,
 * {@code related} the industries of another branch it also belongs to (fintech is finance too, AI is technology).
 */
public record Industry(String code, String parent, String ref, IndustryKind kind, LocalizedText name,
                       List<String> keywords, List<String> gbt4754, List<String> related) {

    public Industry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        gbt4754 = gbt4754 == null ? List.of() : List.copyOf(gbt4754);
        related = related == null ? List.of() : List.copyOf(related);
    }

    public boolean isRoot() {
        return parent == null;
    }
}
