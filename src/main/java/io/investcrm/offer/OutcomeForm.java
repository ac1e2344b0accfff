package io.investcrm.offer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The company's answer to an approved offer; a decline needs the company's reason. */
public record OutcomeForm(@NotNull(message = "validation.required") OfferOutcome outcome,
        @Size(max = 1000, message = "validation.too-long") String note) {

    public static OutcomeForm empty() {
        return new OutcomeForm(null, null);
    }
}
