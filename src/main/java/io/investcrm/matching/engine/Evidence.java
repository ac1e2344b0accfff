package io.investcrm.matching.engine;

/**
 * Why the engine thinks a firm is in an industry: declared by the officer ({@code keyword} null) or found as
 * {@code keyword} in the business activity {@code activity}.
 */
record Evidence(int industry, double strength, String keyword, String activity) {

    boolean declared() {
        return keyword == null;
    }
}
