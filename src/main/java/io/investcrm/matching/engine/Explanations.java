package io.investcrm.matching.engine;

import io.investcrm.plan.model.Belt;
import io.investcrm.plan.model.HqKind;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.IndustryTerm;
import io.investcrm.plan.model.ListTerm;
import io.investcrm.plan.model.LocalizedText;
import io.investcrm.plan.model.Milestone;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.PresenceTerm;
import io.investcrm.plan.model.RankingList;
import io.investcrm.plan.model.Target;
import io.investcrm.plan.model.TargetTier;
import io.investcrm.plan.model.Zone;
import io.investcrm.plan.model.ZoneArea;
import io.investcrm.plan.model.ZonePriority;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the bilingual reasons; every reason carries the ref of the section it rests on. */
final class Explanations {

    private static final int MAX_ACTIVITY_CHARS = 40;

    private final PlanDocument plan;
    private final Taxonomy taxonomy;
    private final Map<String, PlanSection> sections = new HashMap<>();

    Explanations(PlanDocument plan, Taxonomy taxonomy) {
        this.plan = plan;
        this.taxonomy = taxonomy;
        plan.sections().forEach(s -> sections.putIfAbsent(s.ref(), s));
    }

    private Optional<PlanSection> sectionByRef(String ref) {
        return Optional.ofNullable(sections.get(ref));
    }

    MatchReason section(PlanSection s, Evidence e, int named) {
        LocalizedText n = name(named);
        String whereZh = s.ref() + " " + s.title().zh() + (n.zh().equals(s.title().zh()) ? "" : "·" + n.zh());
        String whereEn = s.ref() + " " + s.title().enOrZh()
                + (n.enOrZh().equals(s.title().enOrZh()) ? "" : " · " + n.enOrZh());
        int d = taxonomy.distance(e.industry(), named);
        return new MatchReason(s.ref(), evidenceZh(e) + relZh(d) + whereZh, evidenceEn(e) + relEn(d) + whereEn);
    }

    MatchReason actionPlan(PlanSection box) {
        return new MatchReason(box.ref(), "行动计划：" + box.ref() + " " + box.title().zh(),
                "action plan: " + box.ref() + " " + box.title().enOrZh());
    }

    MatchReason hqSector(HqKind h, IndustryTerm term, Evidence e, int named) {
        int d = taxonomy.distance(e.industry(), named);
        return new MatchReason(term.ref(),
                evidenceZh(e) + relZh(d) + term.ref() + " " + h.title().zh() + " 所列「" + term.term() + "」",
                evidenceEn(e) + relEn(d) + quote(term.term()) + " (" + name(named).enOrZh() + ") named in "
                        + term.ref() + " " + h.title().enOrZh());
    }

    MatchReason hqPresence(HqKind h, PresenceTerm p) {
        return new MatchReason(h.ref(),
                "寻求设立「" + p.kind().label().zh() + "」，" + h.ref() + " " + h.title().zh() + " 列明「" + p.term() + "」",
                "presence sought: " + p.kind().label().enOrZh() + "; " + h.ref() + " " + h.title().enOrZh() + " names "
                        + quote(p.term()));
    }

    MatchReason hqList(HqKind h, ListTerm l) {
        LocalizedText list = listName(l.list());
        return new MatchReason(h.ref(),
                "属于「" + list.zh() + "」，" + h.ref() + " " + h.title().zh() + " 重点引进「" + l.term() + "」",
                "member of " + list.enOrZh() + "; " + h.ref() + " " + h.title().enOrZh() + " targets "
                        + quote(l.term()));
    }

    MatchReason zonePriority(Zone z, ZonePriority p, Evidence e, int named) {
        LocalizedText n = name(named);
        boolean own = p.ref().equals(z.ref());
        String title = own ? "" : sectionByRef(p.ref()).map(s -> s.title().zh()).orElse("");
        String titleEn = own ? "" : sectionByRef(p.ref()).map(s -> s.title().enOrZh()).orElse("");
        // where the paragraph gives the priority to one of the zone's named areas, the explanation says which
        Optional<ZoneArea> area = p.area() == null ? Optional.empty() : z.area(p.area());
        String areaZh = area.map(a -> "·" + a.name().zh()).orElse("");
        String areaEn = area.map(a -> " · " + a.name().enOrZh()).orElse("");
        String srcZh = own ? z.ref() + " " + z.name().zh() + areaZh : p.ref() + " " + title + " 为" + z.name().zh() + areaZh;
        String srcEn = own ? z.ref() + " " + z.name().enOrZh() + areaEn : p.ref() + " " + titleEn;
        String gloss = p.term().contains(n.zh()) ? "" : "（" + n.zh() + "）";
        int d = taxonomy.distance(e.industry(), named);
        String matchZh = d == 0 ? "对应" + evidenceZh(e)
                : d > 0 ? evidenceZh(e) + "属于该领域" : "为" + evidenceZh(e) + "的细分领域";
        String matchEn = d == 0 ? "matching " + evidenceEn(e) : d > 0 ? "which covers " + evidenceEn(e)
                : "a part of " + evidenceEn(e);
        return new MatchReason(p.ref(),
                srcZh + " 列明「" + p.term() + "」" + gloss + "，" + matchZh,
                srcEn + " names " + quote(p.term()) + " (" + n.enOrZh() + ")" + (own ? "" : " for " + z.name().enOrZh() + areaEn)
                        + ", " + matchEn);
    }

    MatchReason zonePresence(Zone z, PresenceTerm p) {
        return new MatchReason(z.ref(),
                "寻求设立「" + p.kind().label().zh() + "」，" + z.ref() + " " + z.name().zh() + "：「" + p.term() + "」",
                "presence sought: " + p.kind().label().enOrZh() + "; " + z.ref() + " " + z.name().enOrZh()
                        + " suits it: " + quote(p.term()));
    }

    MatchReason zoneArea(Zone z, ZoneArea area, String place) {
        return new MatchReason(z.ref(), "企业所述位置「" + place + "」属" + z.ref() + " " + z.name().zh() + "·" + area.name().zh(),
                "the firm's text places it at " + quote(place) + ", in " + z.ref() + " " + z.name().enOrZh() + " · "
                        + area.name().enOrZh());
    }

    MatchReason preferredZone(Zone z) {
        return new MatchReason(z.ref(), "企业意向片区：" + z.ref() + " " + z.name().zh(),
                "the firm's preferred zone: " + z.ref() + " " + z.name().enOrZh());
    }

    MatchReason sameBelt(Zone preferred, Belt b) {
        return new MatchReason(b.ref(),
                "与意向片区" + preferred.name().zh() + "同属" + b.name().zh() + "（" + b.ref() + "「" + b.term() + "」）",
                "on the same " + b.name().enOrZh() + " (" + b.ref() + ") as the preferred zone "
                        + preferred.name().enOrZh());
    }

    MatchReason space(Target spaceTarget, double m2) {
        String area = String.format(Locale.ROOT, "%,.0f", m2);
        String title = sectionByRef(spaceTarget.ref()).map(PlanSection::title).orElse(spaceTarget.title()).zh();
        String titleEn = sectionByRef(spaceTarget.ref()).map(PlanSection::title).orElse(spaceTarget.title())
                .enOrZh();
        return new MatchReason(spaceTarget.ref(),
                "用房需求约" + area + "平方米：见" + spaceTarget.ref() + " " + title + "，可用空间以空间台账为准",
                "needs about " + area + " m²: see " + spaceTarget.ref() + " " + titleEn
                        + "; availability comes from the space inventory");
    }

    MatchReason targetSummary(Target t) {
        String head = t.ref() + (t.indicator() != null ? " 第" + t.indicator() + "项" : "") + " " + t.title().zh();
        String headEn = t.ref() + (t.indicator() != null ? " #" + t.indicator() : "") + " " + t.title().enOrZh();
        StringBuilder zh = new StringBuilder(head);
        StringBuilder en = new StringBuilder(headEn);
        String unit = t.unit() == null ? "" : t.unit().zh();
        String unitEn = t.unit() == null ? "" : " " + t.unit().enOrZh();
        if (t.count() != null || t.countText() != null) {
            String count = t.countText() != null ? t.countText() : t.count() + "家";
            zh.append("：").append(t.horizon() != null ? t.horizon().zh() : t.year() != null ? t.year() + "年前" : "")
                    .append(count);
            en.append(": ").append(t.count() != null ? t.count() + " firms" : count)
                    .append(t.horizon() != null ? ", " + t.horizon().enOrZh()
                            : t.year() != null ? " by " + t.year() : "");
        } else if (t.baseline() != null || t.finalMilestone() != null) {
            Milestone b = t.baseline();
            Milestone f = t.finalMilestone();
            zh.append("：").append(b == null ? "" : b.year() + "年 " + b.value() + unit)
                    .append(f == null ? "" : (b == null ? "" : " → ") + f.year() + "年 " + f.value() + unit);
            en.append(": ").append(b == null ? "" : b.value() + unitEn + " in " + b.year())
                    .append(f == null ? "" : (b == null ? "" : " → ") + f.value() + unitEn + " by " + f.year());
        }
        return new MatchReason(t.ref(), zh.toString(), en.toString());
    }

    MatchReason targetTier(Target t, TargetTier tier, RankingMembership m) {
        return new MatchReason(t.ref(),
                "在" + tier.scope().label().zh() + "排名第" + m.rank() + "位，符合" + t.ref() + "「" + tier.label().zh() + "」",
                "ranked #" + m.rank() + " (" + tier.scope().label().enOrZh() + "), within " + t.ref() + " “"
                        + tier.label().enOrZh() + "”");
    }

    MatchReason targetList(Target t, RankingMembership m) {
        LocalizedText list = listName(m.listCode());
        return new MatchReason(t.ref(), "属于「" + list.zh() + "」，计入" + t.ref() + " " + t.title().zh(),
                "member of " + list.enOrZh() + ", counted in " + t.ref() + " " + t.title().enOrZh());
    }

    /** {@code e} is null when the ranking itself states the field ({@code firm}). */
    MatchReason targetField(IndustryTerm field, Evidence e, int firm, int named) {
        int d = taxonomy.distance(firm, named);
        String whoZh = e != null ? evidenceZh(e) : "排名领域「" + name(firm).zh() + "」";
        String whoEn = e != null ? evidenceEn(e) : "ranked field " + name(firm).enOrZh();
        return new MatchReason(field.ref(), whoZh + relZh(d) + field.ref() + " 所列「" + field.term() + "」",
                whoEn + relEn(d) + quote(field.term()) + " (" + name(named).enOrZh() + ") in " + field.ref());
    }

    private String evidenceZh(Evidence e) {
        describe(e);
        return e.zh();
    }

    private String evidenceEn(Evidence e) {
        describe(e);
        return e.en();
    }

    private void describe(Evidence e) {
        if (e.zh() != null) {
            return;
        }
        Industry i = taxonomy.get(e.industry());
        if (e.declared()) {
            e.describe("所属行业「" + i.name().zh() + "」", "industry " + i.name().enOrZh());
        } else {
            String activity = shorten(e.activity());
            e.describe("经营范围「" + activity + "」含「" + e.keyword() + "」（" + i.name().zh() + "）",
                    "activity “" + activity + "” mentions “" + e.keyword() + "” (" + i.name().enOrZh() + ")");
        }
    }

    private static String relZh(int d) {
        return d == 0 ? " → " : d > 0 ? " 属于 " : " 涵盖 ";
    }

    private static String relEn(int d) {
        return d == 0 ? " → " : d > 0 ? " falls under " : " covers ";
    }

    private LocalizedText name(int industry) {
        return taxonomy.get(industry).name();
    }

    private LocalizedText listName(String code) {
        return plan.rankingList(code).map(RankingList::name).orElse(new LocalizedText(code, code));
    }

    /** Quotes the plan's words; words that carry their own quotation marks go in corner brackets. */
    private static String quote(String term) {
        return term.contains("“") ? "「" + term + "」" : "“" + term + "”";
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ACTIVITY_CHARS ? s : s.substring(0, MAX_ACTIVITY_CHARS) + "…";
    }
}
