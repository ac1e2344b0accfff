package io.investcrm.plan.model;

/** The kind of presence a firm sets up in the district, as 五(一) distinguishes them. */
public enum PresenceKind {
    GLOBAL_HQ("总部", "headquarters"),
    REGIONAL_HQ("区域总部", "regional headquarters"),
    FUNCTIONAL_HQ("职能总部", "functional headquarters"),
    RD_CENTER("研发中心", "R&D centre"),
    BRANCH("分支机构", "branch");

    private final LocalizedText label;

    PresenceKind(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public LocalizedText label() {
        return label;
    }
}
