package io.investcrm.company.ranking;

import jakarta.validation.constraints.NotNull;

/** A person's decision on an entry's link: confirm the proposal, reject it, or link to another company. */
public record ReviewForm(@NotNull(message = "validation.required") Decision decision, Long companyId) {

    /** What the reviewer decided. */
    public enum Decision {
        CONFIRM, REJECT, LINK
    }
}
