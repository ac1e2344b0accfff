package io.investcrm.offer.space;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.plan.PlanPanel;
import io.investcrm.plan.model.Zone;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The zone page's "space available" section: the zone's buildings with free space (plan 七(一)1). */
@ApplicationScoped
public class SpacePlanPanel implements PlanPanel {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(List<BuildingView> buildings);
    }

    @Inject
    SpacePanel space;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String zone(Zone zone, Locale locale) {
        return Templates.panel(space.inZone(zone.code())).setLocale(locale).render();
    }
}
