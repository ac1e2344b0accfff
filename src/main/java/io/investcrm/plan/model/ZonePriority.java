package io.investcrm.plan.model;

/**
 * An industry a zone is meant for, in the plan's words ({@code term}) as section {@code ref} gives them: the zone's
 * own section, or a box or 五 item that names the zone; {@code area} the zone's named area it is meant for, if the
 * paragraph says.
 */
public record ZonePriority(String industry, String term, String ref, String area) {

    public ZonePriority(String industry, String term, String ref) {
        this(industry, term, ref, null);
    }
}
