package io.investcrm.plan.model;

/** The level of a numbered heading (一 / (一) / 1 / (1)) or a box (专栏). */
public enum SectionKind {
    CHAPTER,
    PART,
    ITEM,
    SUBITEM,
    BOX
}
