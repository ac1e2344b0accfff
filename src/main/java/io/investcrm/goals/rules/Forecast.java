package io.investcrm.goals.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A target's forecast by count (issue 10): landings expected by the deadline from each open qualified prospect's
 * probability and expected landing date, and the gap as qualified prospects still needed at today's conversion rate.
 *
 * @param expected        sum of the probabilities of qualified prospects expected to land by the deadline
 * @param undated         qualified open prospects without an expected landing date (not in {@code expected})
 * @param gap             firms still missing after the expected landings (never negative)
 * @param prospectsNeeded new qualified prospects the gap takes at {@code conversionRate}; null when no rate is known
 */
public record Forecast(int target, int counted, double expected, int undated, double gap, double conversionRate,
        Integer prospectsNeeded) {

    /** One open prospect that would count if it landed. */
    public record Candidate(int probabilityPercent, LocalDate expectedLanding) {
    }

    public static Forecast of(int target, int counted, List<Candidate> candidates, LocalDate deadline, double conversionRate) {
        double expected = 0;
        int undated = 0;
        for (Candidate c : candidates) {
            if (c.expectedLanding() == null) {
                undated++;
            } else if (deadline == null || !c.expectedLanding().isAfter(deadline)) {
                expected += c.probabilityPercent() / 100.0;
            }
        }
        double gap = Math.max(0, target - counted - expected);
        Integer needed = conversionRate > 0 ? (int) Math.ceil(gap / conversionRate - 1e-9) : null;
        return new Forecast(target, counted, round(expected), undated, round(gap), conversionRate, needed);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public double projected() {
        return round(counted + expected);
    }
}
