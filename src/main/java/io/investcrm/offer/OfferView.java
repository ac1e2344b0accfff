package io.investcrm.offer;

import java.math.BigDecimal;
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
        List<OfferEventView> history) {

    public boolean isSpace() {
        return kind == OfferKind.SPACE;
    }

    public boolean isDraft() {
        return status == OfferStatus.DRAFT;
    }

    public boolean isWithdrawable() {
        return status == OfferStatus.DRAFT || status == OfferStatus.SUBMITTED;
    }

    public boolean isApproved() {
        return status == OfferStatus.APPROVED;
    }
}
