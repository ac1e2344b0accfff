package io.investcrm.plan.model;

/** A presence kind the plan welcomes somewhere, with the plan's words for it. */
public record PresenceTerm(PresenceKind kind, String term) {
}
