package io.investcrm.offer;

import jakarta.validation.constraints.Size;

/**
 * A decider's reason (required to reject or return, optional to approve) and, for a collective decision, the meeting's
 * reference; or an officer's note when withdrawing or recalling.
 */
public record DecisionForm(@Size(max = 1000, message = "validation.too-long") String reason,
        @Size(max = 128, message = "validation.too-long") String meetingRef) {

    public DecisionForm(String reason) {
        this(reason, null);
    }

    public static DecisionForm empty() {
        return new DecisionForm(null, null);
    }
}
