package io.investcrm.offer.space;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.matching.MatchView;

/**
 * The "space available" lists behind the panels offer adds to other pages: a zone page shows its zone's free space
 * ({@link SpacePlanPanel}), a company's page the free space in the zones that match the firm
 * ({@link SpaceCompanyPanel}) (plan 七(一)1).
 */
@ApplicationScoped
public class SpacePanel {

    static final int LIMIT = 8;

    @Inject
    SpaceService space;

    public List<BuildingView> inZone(String zoneCode) {
        return space.availableIn(List.of(zoneCode)).stream().limit(LIMIT).toList();
    }

    public List<BuildingView> forMatches(List<MatchView> matches) {
        List<String> zones = matches.stream().filter(m -> "ZONE".equals(m.type()) && m.code() != null)
                .map(MatchView::code).distinct().toList();
        return space.availableIn(zones).stream().limit(LIMIT).toList();
    }
}
