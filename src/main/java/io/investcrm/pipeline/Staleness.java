package io.investcrm.pipeline;

/** Traffic light of a prospect by days without progress; closed or landed pursuits show none. */
public enum Staleness {
    GREEN, YELLOW, RED, NONE;

    static Staleness of(long daysWithoutProgress, int yellowDays, int redDays) {
        if (daysWithoutProgress >= redDays) {
            return RED;
        }
        return daysWithoutProgress >= yellowDays ? YELLOW : GREEN;
    }
}
