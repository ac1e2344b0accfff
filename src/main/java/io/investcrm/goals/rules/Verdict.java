package io.investcrm.goals.rules;

import io.investcrm.plan.model.LocalizedText;

/**
 * What the rules decided for one firm under one target. {@code reason} cites the ranking (or licence) and the rule
 * that qualify it; {@code code} is the stable message key of the decision.
 */
public record Verdict(Firm firm, Status status, String code, Membership membership, Licence licence, String tier,
        LocalizedText reason) {

    public enum Status { COUNTED, FORECAST, EXCLUDED }

    public boolean counted() {
        return status == Status.COUNTED;
    }
}
