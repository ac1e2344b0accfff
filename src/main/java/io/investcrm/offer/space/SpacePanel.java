package io.investcrm.offer.space;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.investcrm.matching.MatchView;

/**
 * The "space available" panel other pages include ({@code inject:spacePanel}): the zone page shows its zone's free
 * space, a company's page the free space in the zones that match the firm (plan 七(一)1).
 */
@ApplicationScoped
@Named("spacePanel")
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
