package io.investcrm.pipeline;

/** The pursuit of a firm, in order (线索 → 接洽 → 考察 → 洽谈 → 方案 → 签约 → 落地). */
public enum Stage {
    LEAD, CONTACTED, VISITED, NEGOTIATING, OFFER, SIGNED, LANDED;

    public boolean isAfter(Stage other) {
        return ordinal() > other.ordinal();
    }

    public boolean atLeast(Stage other) {
        return ordinal() >= other.ordinal();
    }
}
