package io.investcrm.offer;

import jakarta.validation.constraints.Size;

/** A decider's reason (required to reject, optional to approve) or an officer's note when withdrawing. */
public record DecisionForm(@Size(max = 1000, message = "validation.too-long") String reason) {

    public static DecisionForm empty() {
        return new DecisionForm(null);
    }
}
