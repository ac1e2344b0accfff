package io.investcrm.matching.engine;

/** What a match result points at. */
public enum ResultType {
    /** An industry section of 五 (or a box) that names the firm's industry. */
    SECTION,
    /** A zone of 六(二). */
    ZONE,
    /** A target the firm would count toward (专栏9, 专栏10, 专栏1 indicators, the F500 baseline). */
    TARGET,
    /** A kind of headquarters of 五(一). */
    HQ_KIND
}
