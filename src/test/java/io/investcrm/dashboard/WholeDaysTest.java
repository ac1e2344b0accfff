package io.investcrm.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The funnel's days in stage in plain arithmetic on epoch nanoseconds count exactly as ChronoUnit.DAYS.between (and TIMESTAMPDIFF) do. */
class WholeDaysTest {

    private static long days(LocalDateTime from, LocalDateTime to) {
        return DashboardService.wholeDays(DashboardService.epochNanos(from), DashboardService.epochNanos(to));
    }

    @Test
    void countsLikeChronoUnitAcrossDayBoundariesFractionsAndSigns() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 2, 10, 15, 30, 250_000_000);
        // just before, at and after whole days, with the fraction of a second on either side
        for (int d = -3; d <= 40; d++) {
            for (long deltaNanos : new long[] { -1_000_000_000L, -1, 0, 1, 999_999_999L, 1_000_000_000L }) {
                LocalDateTime from = now.minusDays(d).plusNanos(deltaNanos);
                assertEquals(ChronoUnit.DAYS.between(from, now), days(from, now), from + " → " + now);
            }
        }
        Random random = new Random(14);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime from = now.minusSeconds(random.nextInt(400 * 86_400) - 10 * 86_400).withNano(random.nextInt(1_000_000) * 1_000);
            assertEquals(ChronoUnit.DAYS.between(from, now), days(from, now), from + " → " + now);
        }
    }
}
