package io.investcrm.plan.model;

import java.util.Objects;

/** A numbered heading of the plan or one of its boxes; {@code parent} is null for a chapter. */
public record PlanSection(String ref, String parent, SectionKind kind, LocalizedText title) {

    public PlanSection {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
    }

    /** The reference followed by the Chinese title, e.g. "五(二)1 科创产业". */
    public String citeZh() {
        return ref + " " + title.zh();
    }

    /** The reference followed by the English title when there is one. */
    public String citeEn() {
        return ref + " " + title.enOrZh();
    }
}
