package io.investcrm.pipeline;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A prospect as a row of a list or a card of the board, with its traffic light. */
public record ProspectSummary(Long id, Long companyId, String companyName, Stage stage, ProspectStatus status,
        String owner, String leader, boolean confidential, int probability, Staleness staleness,
        long daysWithoutProgress, long daysInStage, LocalDateTime lastActivityAt, LocalDate expectedLandingDate,
        boolean awaitsVerification, boolean landingCounts) {

    public boolean inPool() {
        return owner == null;
    }

    public String light() {
        return staleness.name().toLowerCase(java.util.Locale.ROOT);
    }
}
