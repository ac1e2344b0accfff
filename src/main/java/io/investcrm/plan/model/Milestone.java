package io.investcrm.plan.model;

/** A value for a year, as the text writes it (e.g. "4754", ">6600", "约2.5"). */
public record Milestone(int year, String value) {
}
