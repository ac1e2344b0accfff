package io.investcrm.matching.engine;

/**
 * Why the engine thinks a firm is in an industry: declared by the officer ({@code keyword} null) or found as
 * {@code keyword} in the business activity {@code activity}. Lives for one match call; its phrase in the
 * explanations is built once, on first use.
 */
final class Evidence {

    private final int industry;
    private final double strength;
    private final String keyword;
    private final String activity;
    private String zh;
    private String en;

    Evidence(int industry, double strength, String keyword, String activity) {
        this.industry = industry;
        this.strength = strength;
        this.keyword = keyword;
        this.activity = activity;
    }

    int industry() {
        return industry;
    }

    double strength() {
        return strength;
    }

    String keyword() {
        return keyword;
    }

    String activity() {
        return activity;
    }

    boolean declared() {
        return keyword == null;
    }

    String zh() {
        return zh;
    }

    String en() {
        return en;
    }

    void describe(String zhText, String enText) {
        this.zh = zhText;
        this.en = enText;
    }
}
