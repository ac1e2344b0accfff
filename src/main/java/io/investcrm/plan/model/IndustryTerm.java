package io.investcrm.plan.model;

/**
 * An industry as the plan words it in one place: {@code term} is copied from the text of section {@code ref}
 * (the owning item's ref when the data does not name another).
 */
public record IndustryTerm(String industry, String term, String ref) {
}
