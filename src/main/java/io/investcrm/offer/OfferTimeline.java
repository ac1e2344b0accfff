package io.investcrm.offer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.activity.TimelineEntry;
import io.investcrm.activity.TimelineSource;

/** Puts every offer transition (made, submitted, each decision, withdrawn, the company's answer) on the company timeline. */
@ApplicationScoped
public class OfferTimeline implements TimelineSource {

    @Inject
    OfferService offers;

    @Override
    public List<TimelineEntry> entries(long companyId) {
        return offers.companyEvents(companyId).stream()
                .map(e -> TimelineEntry.offer(e.at(), e.actor(), e.action(), e.from(), e.to(), e.note(), e.offerId(), e.title()))
                .toList();
    }
}
