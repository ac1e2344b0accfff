package io.investcrm.pipeline;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Announced in the verification's transaction when a second person confirms a firm's landing (plan 七: only then does
 * it count), so features that wait for the landing act on it in the same transaction — offers turn their subsidy
 * conditions into follow-ups (issue 11). {@code landedOn} is the local entity's registration day; {@code owner} the
 * pursuit's owner (null when it sits in the pool).
 */
public record LandingVerified(long prospectId, long companyId, String owner, LocalDate landedOn, String verifiedBy,
        LocalDateTime verifiedAt) {
}
