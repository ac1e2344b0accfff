package io.investcrm.plan.model;

/**
 * An industry a zone is meant for, in the plan's words ({@code term}) as section {@code ref} gives them: the zone's
 * own section, or a box or 五 item that names the zone.
 */
public record ZonePriority(String industry, String term, String ref) {
}
