package io.investcrm.plan;

import java.util.Locale;

import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;

/**
 * A section another feature adds to a plan page (matching's best-fitting companies, offer's free space in a zone), so
 * the plan needs no knowledge of it — as {@code CompanyPanel} does for the company page. Called after the section or
 * zone has been found; a panel with nothing to show for the reader returns an empty string.
 */
public interface PlanPanel {

    /** Where the panel goes among the others (lower first). */
    int order();

    /** The panel's HTML on a section page, rendered by the feature's own template (which escapes what it shows). */
    default String section(PlanSection section, Locale locale) {
        return "";
    }

    /** The panel's HTML on a zone page, rendered by the feature's own template. */
    default String zone(Zone zone, Locale locale) {
        return "";
    }
}
