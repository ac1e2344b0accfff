package io.investcrm.offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One offer with its approval steps and history (never the entity itself). {@code canEdit} and {@code canDecide} say
 * what the caller may do with it now, so clients need not repeat the rules.
 */
public record OfferView(
        Long id,
        int version,
        Long companyId,
        String companyName,
        Long prospectId,
        OfferKind kind,
        String title,
        OfferStatus status,
        String zoneCode,
        String building,
        BigDecimal floorAreaSqm,
        BigDecimal rentPerSqmMonth,
        Integer rentFreeMonths,
        BigDecimal monthlyRentCny,
        BigDecimal subsidyAmountCny,
        String policyBasis,
        int termMonths,
        String conditions,
        String awaitingRole,
        String closingNote,
        String owner,
        String createdBy,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        String submittedBy,
        LocalDateTime submittedAt,
        LocalDateTime decidedAt,
        LocalDateTime outcomeAt,
        boolean canEdit,
        boolean canDecide,
        List<OfferApprovalView> approvals,
        List<OfferEventView> history,
        Long buildingId,
        String unitLabel,
        BigDecimal discountPct,
        LocalDate startDate,
        SubsidyKind subsidyKind,
        Long policyId,
        Integer instalments,
        BigDecimal minLocalTaxCny,
        Integer minHeadcount,
        Integer stayYears,
        String clawback,
        SpaceState spaceState,
        BigDecimal chargedCny,
        LocalDateTime holdExpiresAt,
        int roundNo,
        LocalDateTime issuedAt,
        LocalDate validUntil,
        /* the pending step k of n (0 when nothing is pending) */
        int currentStep,
        int stepCount,
        boolean meetingRequired,
        /* the caller submitted it and nobody decided yet */
        boolean canRecall,
        /* what the latest resubmission changed */
        List<OfferChangeView> changes) {

    public boolean isSpace() {
        return kind == OfferKind.SPACE;
    }

    public boolean isDraft() {
        return status.isEditable();
    }

    public boolean isWithdrawable() {
        return status.isEditable() || status == OfferStatus.SUBMITTED;
    }

    public boolean isIssued() {
        return status == OfferStatus.ISSUED;
    }

    /** The letter exists once issued (and stays with the answer or the expiry). */
    public boolean hasLetter() {
        return issuedAt != null;
    }

    public boolean isApproved() {
        return status == OfferStatus.APPROVED;
    }
}
