package io.investcrm.matching;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.plan.PlanPanel;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The plan pages' best-fitting companies: the firms that fit a section or a zone, with their pipeline stage. Only for
 * those who work companies (an approver browses the plan without the register).
 */
@ApplicationScoped
public class CandidatesPanel implements PlanPanel {

    static final int LIMIT = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(List<CandidateView> candidates);
    }

    @Inject
    MatchingService matching;

    @Inject
    CurrentUser currentUser;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String section(PlanSection section, Locale locale) {
        return currentUser.worksCompanies() ? render(matching.sectionCandidates(section.ref(), LIMIT), locale) : "";
    }

    @Override
    public String zone(Zone zone, Locale locale) {
        return currentUser.worksCompanies() ? render(matching.zoneCandidates(zone.code(), LIMIT), locale) : "";
    }

    private static String render(List<CandidateView> candidates, Locale locale) {
        return Templates.panel(candidates).setLocale(locale).render();
    }
}
