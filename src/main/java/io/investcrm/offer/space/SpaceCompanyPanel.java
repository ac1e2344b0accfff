package io.investcrm.offer.space;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.company.CompanyDetail;
import io.investcrm.company.CompanyPanel;
import io.investcrm.matching.MatchesPanel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The company page's "space available" section: free space in the zones that match the firm (plan 七(一)1). */
@ApplicationScoped
public class SpaceCompanyPanel implements CompanyPanel {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(List<BuildingView> buildings);
    }

    @Inject
    SpacePanel space;

    @Inject
    MatchesPanel matches;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String html(CompanyDetail detail, Locale locale) {
        return Templates.panel(space.forMatches(matches.matches(detail, locale))).setLocale(locale).render();
    }
}
