package io.investcrm.activity;

import java.util.List;

/**
 * A feature that adds its own events to a company's timeline (offers, for one), so the timeline needs no knowledge of
 * them. Called after the caller has been checked to see the company.
 */
public interface TimelineSource {

    List<TimelineEntry> entries(long companyId);
}
