package io.investcrm.offer;

import java.time.LocalDateTime;

/** One approval step as clients see it: its round, step and role; who decided (and for whom, if lent) what and why. */
public record OfferApprovalView(int roundNo, int stepNo, String stepName, String requiredRole, boolean meetingRequired,
        String decidedBy, String onBehalfOf, Decision decision, String reason, String meetingRef, LocalDateTime decidedAt,
        LocalDateTime dueAt) {

    static OfferApprovalView from(OfferApproval a) {
        return new OfferApprovalView(a.roundNo, a.stepNo, a.stepName, a.requiredRole, a.meetingRequired, a.decidedBy,
                a.onBehalfOf, a.decision, a.reason, a.meetingRef, a.decidedAt, a.dueAt);
    }

    public boolean pending() {
        return decision == null;
    }
}
