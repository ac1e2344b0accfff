package io.investcrm.matching;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.company.CompanyDetail;
import io.investcrm.company.CompanyPanel;
import io.investcrm.company.CompanyView;
import io.investcrm.company.MembershipView;
import io.investcrm.matching.engine.MatchProfile;
import io.investcrm.matching.engine.RankingMembership;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.RankingScope;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The company page's matches: the plan sections, HQ kinds and zones that want the firm, scored from what the page
 * already read (no query of its own) — the same profile {@link CompanyProfiles} reads for the lists.
 */
@ApplicationScoped
public class MatchesPanel implements CompanyPanel {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(List<MatchView> matches);
    }

    @Inject
    MatchingEngines engines;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String html(CompanyDetail detail, Locale locale) {
        return Templates.panel(matches(detail, locale)).setLocale(locale).render();
    }

    /** The company's matches, from what its page read; none for a merged record (it is history). */
    public List<MatchView> matches(CompanyDetail detail, Locale locale) {
        return !detail.live() ? List.of()
                : engines.engine().match(profile(detail)).stream().map(r -> MatchView.from(r, locale)).toList();
    }

    /** The engine's profile of the company: industries, activities, presence, confirmed list places, space, zone. */
    static MatchProfile profile(CompanyDetail detail) {
        CompanyView c = detail.company();
        List<RankingMembership> lists = detail.memberships().stream().filter(m -> "CONFIRMED".equals(m.linkStatus()))
                .map(MatchesPanel::membership).toList();
        return new MatchProfile(c.industries(), CompanyProfiles.activities(c.businessActivities()),
                c.presenceSought() == null ? null : PresenceKind.valueOf(c.presenceSought()), lists,
                c.spaceNeedSqm() == null ? null : c.spaceNeedSqm().doubleValue(), c.preferredZone());
    }

    private static RankingMembership membership(MembershipView m) {
        return RankingMembership.of(m.listCode(), m.scope() == null ? null : RankingScope.valueOf(m.scope()), m.fieldCode(),
                m.rank());
    }
}
