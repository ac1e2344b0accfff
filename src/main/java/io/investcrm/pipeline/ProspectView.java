package io.investcrm.pipeline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One prospect with its gate facts, verification and full history (never the entity itself). */
public record ProspectView(
        Long id,
        int version,
        Long companyId,
        String companyName,
        Stage stage,
        ProspectStatus status,
        String statusReason,
        String lostTo,
        String owner,
        LocalDateTime ownerSince,
        String leader,
        String teamCode,
        boolean confidential,
        int probability,
        boolean probabilityOverridden,
        LocalDate expectedLandingDate,
        LocalDateTime stageEnteredAt,
        long daysInStage,
        LocalDateTime lastActivityAt,
        LocalDateTime lastProgressAt,
        long daysWithoutProgress,
        Staleness staleness,
        LocalDate signedOn,
        String agreementRef,
        LocalDate registeredOn,
        String localCreditCode,
        String landingEvidence,
        String landingRecordedBy,
        String landingVerifiedBy,
        LocalDateTime landingVerifiedAt,
        boolean awaitsVerification,
        boolean landingCounts,
        LocalDate departedOn,
        List<ProspectEventView> history) {

    /** The officer's own estimate, or null when the stage default applies (the details form shows it). */
    public Integer probabilityOverriddenValue() {
        return probabilityOverridden ? probability : null;
    }

    public boolean inPool() {
        return owner == null;
    }

    public String light() {
        return staleness.name().toLowerCase(java.util.Locale.ROOT);
    }
}
