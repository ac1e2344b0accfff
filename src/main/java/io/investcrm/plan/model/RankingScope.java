package io.investcrm.plan.model;

/** The market a ranking covers; 专栏9 and 专栏10 set a different cut-off for each. */
public enum RankingScope {
    INTERNATIONAL("国际", "international"),
    HONG_KONG("香港", "Hong Kong"),
    MAINLAND("内地", "mainland China");

    private final LocalizedText label;

    RankingScope(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public LocalizedText label() {
        return label;
    }
}
