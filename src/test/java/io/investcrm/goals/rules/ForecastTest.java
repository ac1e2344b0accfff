package io.investcrm.goals.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected landings by the deadline and the gap in qualified prospects at the conversion rate. */
class ForecastTest {

    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

    @Test
    void expectedLandingsAddTheProbabilitiesOfProspectsDueByTheDeadline() {
        Forecast f = Forecast.of(50, 20, List.of(new Forecast.Candidate(90, LocalDate.of(2026, 9, 1)),
                new Forecast.Candidate(60, LocalDate.of(2026, 12, 31)), new Forecast.Candidate(40, LocalDate.of(2027, 1, 1)),
                new Forecast.Candidate(20, null)), DEADLINE, 0.25);
        assertEquals(1.5, f.expected());
        assertEquals(1, f.undated());
        assertEquals(21.5, f.projected());
        assertEquals(28.5, f.gap());
        assertEquals(114, f.prospectsNeeded());
    }

    @Test
    void noGapOnceTheTargetIsReached() {
        Forecast f = Forecast.of(10, 9, List.of(new Forecast.Candidate(100, LocalDate.of(2026, 1, 1)),
                new Forecast.Candidate(90, LocalDate.of(2026, 2, 1))), DEADLINE, 0.1);
        assertEquals(0.0, f.gap());
        assertEquals(0, f.prospectsNeeded());
    }

    @Test
    void withoutAConversionRateNoNumberOfProspectsIsInvented() {
        Forecast f = Forecast.of(10, 0, List.of(), DEADLINE, 0);
        assertEquals(10.0, f.gap());
        assertNull(f.prospectsNeeded());
    }
}
