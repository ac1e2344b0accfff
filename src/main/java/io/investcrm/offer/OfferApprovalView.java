package io.investcrm.offer;

import java.time.LocalDateTime;

/** One approval step as clients see it. */
public record OfferApprovalView(int stepNo, String requiredRole, String decidedBy, Decision decision, String reason,
        LocalDateTime decidedAt) {

    static OfferApprovalView from(OfferApproval a) {
        return new OfferApprovalView(a.stepNo, a.requiredRole, a.decidedBy, a.decision, a.reason, a.decidedAt);
    }

    public boolean pending() {
        return decision == null;
    }
}
