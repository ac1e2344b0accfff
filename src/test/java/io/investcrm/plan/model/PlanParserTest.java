package io.investcrm.plan.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanParserTest {

    /** A minimal valid plan; the broken variants below each change one thing. */
    private static final String MINIMAL = """
            plan: {code: mini, version: "1", zh: 小规划, en: Mini plan, horizon: 2030}
            sections:
              - {ref: A, zh: 产业, en: Industries}
              - {ref: A1, parent: A, zh: 软件, en: Software}
              - {ref: B, zh: 布局, en: Layout}
              - {ref: B1, parent: B, zh: 东区, en: East zone}
            industries:
              - {code: soft, ref: A1, kind: PILLAR, zh: 软件, en: Software, keywords: [软件]}
            zones:
              - code: east
                ref: B1
                zh: 东区
                priorities: [{industry: soft, term: 软件}]
            """;

    private final PlanParser parser = new PlanParser();

    private List<String> problemsOf(String yaml) {
        return assertThrows(PlanValidationException.class, () -> parser.parseString(yaml)).problems();
    }

    @Test
    void futianPlanParsesAndValidates() {
        PlanDocument plan = TestPlans.futian();
        assertEquals("futian-2035", plan.plan().code());
        assertEquals(2035, plan.plan().horizon());
        assertEquals("福田区现代产业体系中长期发展规划", plan.plan().title().zh());
        assertEquals(List.of(), PlanParser.validate(plan));
        assertEquals(8, plan.zones().size());
        assertEquals(3, plan.belts().size());
        assertEquals(3, plan.hqKinds().size());
        assertEquals(15, plan.indicators().size());
        assertEquals(12, plan.sections().stream().filter(s -> s.kind() == SectionKind.BOX).count());
    }

    @Test
    void futianPlanLoadsFromTheClasspathAsTheApplicationDoes() {
        PlanDocument plan = parser.parseResource("plans/futian-2035.yaml");
        assertEquals(TestPlans.futian(), plan);
    }

    @Test
    void sectionKindsFollowTheDepthOfTheHeading() {
        PlanDocument plan = TestPlans.futian();
        assertEquals(SectionKind.CHAPTER, plan.section("五").orElseThrow().kind());
        assertEquals(SectionKind.PART, plan.section("五(二)").orElseThrow().kind());
        assertEquals(SectionKind.ITEM, plan.section("五(二)1").orElseThrow().kind());
        assertEquals(SectionKind.SUBITEM, plan.section("二(一)1(2)").orElseThrow().kind());
        assertEquals(SectionKind.BOX, plan.section("专栏9").orElseThrow().kind());
        assertEquals("五(四)", plan.section("专栏9").orElseThrow().parent());
    }

    @Test
    void lookupHelpersFindIndustriesZonesAndSections() {
        PlanDocument plan = TestPlans.futian();
        Industry icDesign = plan.industry("sci-tech.semiconductor.ic-design").orElseThrow();
        assertEquals("集成电路设计", icDesign.name().zh());
        assertEquals("五(二)1", icDesign.ref());
        assertEquals(IndustryKind.PILLAR, icDesign.kind());
        assertTrue(icDesign.gbt4754().contains("6520"));
        assertTrue(icDesign.keywords().contains("IC design"));
        assertEquals(List.of("sci-tech.semiconductor", "sci-tech"),
                plan.ancestors(icDesign.code()).stream().map(Industry::code).toList());
        assertTrue(plan.descendants("sci-tech").stream().anyMatch(i -> i.code().equals(icDesign.code())));
        assertTrue(plan.isWithin(icDesign.code(), "sci-tech"));
        assertFalse(plan.isWithin("sci-tech", icDesign.code()));
        assertEquals("六(二)4", plan.zone("huaqiang-shangbu").orElseThrow().ref());
        assertEquals("huaqiang-shangbu", plan.zoneByRef("六(二)4").orElseThrow().code());
        assertEquals("科创产业", plan.section("五(二)1").orElseThrow().title().zh());
        assertEquals(List.of("五(二)1", "五(二)2", "五(二)3"),
                plan.childSections("五(二)").stream().map(PlanSection::ref).toList());
        assertEquals(Set.of("axis", "east-wing"),
                plan.beltsOf("meilin-caitian").stream().map(Belt::code).collect(Collectors.toSet()));
        assertTrue(plan.industry("no.such").isEmpty());
        assertTrue(plan.ancestors("no.such").isEmpty());
    }

    @Test
    void industriesCoverThePillarCrossoverAndSupportSections() {
        PlanDocument plan = TestPlans.futian();
        for (String ref : List.of("五(二)1", "五(二)2", "五(二)3", "五(三)1", "五(三)2", "五(三)3", "五(三)4",
                "五(四)1", "五(四)2", "五(四)3")) {
            assertFalse(plan.industriesNamedIn(ref).isEmpty(), "no industry named in " + ref);
        }
        assertEquals(List.of("professional.ip", "professional.legal", "professional.accounting-tax",
                        "professional.management-consulting", "professional.engineering-consulting",
                        "professional.technical-services", "professional.human-capital"),
                plan.childIndustries("professional").stream().map(Industry::code).toList());
        for (Industry root : plan.rootIndustries()) {
            assertTrue(root.kind() != null, root.code());
        }
        assertEquals(IndustryKind.CROSSOVER, plan.industry("health-plus.biomedicine").orElseThrow().kind());
        assertEquals(IndustryKind.SUPPORT, plan.industry("professional.legal").orElseThrow().kind());
    }

    @Test
    void hqKindsNameSectorsPresenceKindsAndLists() {
        PlanDocument plan = TestPlans.futian();
        HqKind global = plan.hqKind("五(一)1").orElseThrow();
        assertEquals(Set.of(PresenceKind.GLOBAL_HQ, PresenceKind.REGIONAL_HQ, PresenceKind.FUNCTIONAL_HQ,
                PresenceKind.BRANCH), global.presence().stream().map(PresenceTerm::kind).collect(Collectors.toSet()));
        assertEquals(List.of("fortune-global-500"), global.lists().stream().map(ListTerm::list).toList());
        assertTrue(global.sectors().stream().anyMatch(s -> s.industry().equals("finance")));
        HqKind leaders = plan.hqKind("五(一)2").orElseThrow();
        assertEquals(List.of("china-500", "private-500", "central-soe", "listed"),
                leaders.lists().stream().map(ListTerm::list).toList());
        HqKind emerging = plan.hqKind("五(一)3").orElseThrow();
        assertTrue(emerging.presence().stream().anyMatch(p -> p.kind() == PresenceKind.RD_CENTER));
        assertTrue(emerging.sectors().stream().anyMatch(s -> s.industry().equals("health-plus.biomedicine")));
    }

    @Test
    void zonesHaveBeltsPrioritiesAndPresenceKinds() {
        PlanDocument plan = TestPlans.futian();
        assertEquals(List.of("hetao", "xiangmihu", "futian-cbd", "huaqiang-shangbu", "meilin-caitian",
                "dajinsha-chegongmiao", "bagualing", "antuoshan"), plan.zones().stream().map(Zone::code).toList());
        for (Zone z : plan.zones()) {
            assertFalse(z.priorities().isEmpty(), z.code());
            assertTrue(plan.belt(z.belt()).orElseThrow().zones().contains(z.code()), z.code());
        }
        Zone cbd = plan.zone("futian-cbd").orElseThrow();
        assertTrue(cbd.suits(PresenceKind.GLOBAL_HQ));
        assertTrue(cbd.suits(PresenceKind.REGIONAL_HQ));
        assertFalse(cbd.suits(PresenceKind.RD_CENTER));
        assertTrue(plan.zone("huaqiang-shangbu").orElseThrow().priorities().stream()
                .anyMatch(p -> p.industry().equals("sci-tech.semiconductor.ic-design") && p.term().equals("集成电路设计")
                        && p.ref().equals("六(二)4")));
        assertTrue(plan.zone("hetao").orElseThrow().priorities().stream()
                .anyMatch(p -> p.ref().equals("专栏7")), "priorities named by a box keep the box's ref");
        assertEquals("west-wing", plan.zone("antuoshan").orElseThrow().belt());
    }

    @Test
    void targetsCarryTheTiersAndNumbersOfThePlan() {
        PlanDocument plan = TestPlans.futian();
        Target top50 = plan.target("top-professional-firms-50").orElseThrow();
        assertEquals("专栏9", top50.ref());
        assertEquals(50, top50.count());
        assertEquals("next 5 years", top50.horizon().en());
        assertEquals(List.of(RankingScope.INTERNATIONAL, RankingScope.HONG_KONG, RankingScope.MAINLAND),
                top50.tiers().stream().map(TargetTier::scope).toList());
        assertEquals(List.of(20, 10, 5), top50.tiers().stream().map(TargetTier::maxRank).toList());
        assertEquals(List.of("professional.accounting-tax", "professional.legal", "professional.management-consulting",
                "professional.ip", "professional.engineering-consulting"),
                top50.fields().stream().map(IndustryTerm::industry).toList());

        Target top100 = plan.target("top-professional-firms-100").orElseThrow();
        assertEquals("专栏10", top100.ref());
        assertEquals(100, top100.count());
        assertEquals(List.of(50, 20, 20), top100.tiers().stream().map(TargetTier::maxRank).toList());

        Target f500 = plan.target("fortune-global-500").orElseThrow();
        assertEquals("二(一)1(2)", f500.ref());
        assertEquals(new Milestone(2020, "145"), f500.baseline());

        Target licensed = plan.target("licensed-financial-institutions").orElseThrow();
        assertEquals(10, licensed.indicator());
        assertEquals(TargetRule.FIELD, licensed.rule());
        assertEquals(new Milestone(2035, "340"), licensed.finalMilestone());
        Target highTech = plan.target("national-high-tech-enterprises").orElseThrow();
        assertEquals(List.of(new Milestone(2025, ">2000"), new Milestone(2030, ">2200"), new Milestone(2035, ">2400")),
                highTech.milestones());

        assertEquals(List.of(new Milestone(2030, ">280"), new Milestone(2035, ">630")),
                plan.target("industrial-space").orElseThrow().milestones());
        assertEquals(5, plan.targetsCiting("七(一)3").size());
        assertEquals(10, plan.target("smart-terminal-leaders").orElseThrow().count());
    }

    @Test
    void indicatorsKeepTheTextsValuesAsStrings() {
        PlanDocument plan = TestPlans.futian();
        Indicator gdp = plan.indicator(1).orElseThrow();
        assertEquals("本区生产总值GDP", gdp.name().zh());
        assertEquals("亿元", gdp.unit().zh());
        assertEquals(new Milestone(2020, "4754"), gdp.actual());
        assertEquals(">12000", gdp.target(2035));
        Indicator rd = plan.indicator(15).orElseThrow();
        assertEquals(">1.5", rd.actual().value());
        assertEquals("万m²", plan.indicator(14).orElseThrow().unit().zh());
        assertNull(gdp.target(2040));
    }

    @Test
    void aMinimalPlanParses() {
        PlanDocument plan = parser.parseString(MINIMAL);
        assertEquals("mini", plan.plan().code());
        assertEquals(SectionKind.PART, plan.section("A1").orElseThrow().kind());
        assertEquals("B1", plan.zone("east").orElseThrow().priorities().get(0).ref());
    }

    @Test
    void duplicateSectionRefIsRejected() {
        List<String> problems = problemsOf(MINIMAL.replace("- {ref: B1, parent: B,", "- {ref: A1, parent: B,"));
        assertTrue(problems.contains("duplicate section ref 'A1'"), problems.toString());
    }

    @Test
    void unknownIndustryInAZoneIsRejected() {
        List<String> problems = problemsOf(MINIMAL.replace("priorities: [{industry: soft,",
                "priorities: [{industry: hardware,"));
        assertEquals(List.of("zone 'east': priority '软件' refers to unknown industry 'hardware'"), problems);
    }

    @Test
    void unknownRefParentAndBeltAreRejected() {
        String yaml = MINIMAL.replace("ref: A1, kind: PILLAR", "ref: Z9, kind: PILLAR")
                .replace("{ref: B1, parent: B,", "{ref: B1, parent: Q,")
                .replace("    zh: 东区\n", "    zh: 东区\n    belt: ring\n");
        List<String> problems = problemsOf(yaml);
        assertTrue(problems.contains("industry 'soft': ref 'Z9' is not a section"), problems.toString());
        assertTrue(problems.contains("section 'B1': parent 'Q' is not a section"), problems.toString());
        assertTrue(problems.contains("zone 'east': unknown belt 'ring'"), problems.toString());
        assertEquals(3, problems.size(), "every problem is reported at once: " + problems);
    }

    @Test
    void childCodesMustExtendTheirParent() {
        String yaml = MINIMAL.replace("keywords: [软件]}",
                "keywords: [软件], children: [{code: cloud, ref: A1, zh: 云}]}");
        assertEquals(List.of("industry 'cloud': code must extend its parent's code 'soft'"), problemsOf(yaml));
    }

    @Test
    void malformedCodesAndClassesAreRejected() {
        String yaml = MINIMAL.replace("code: soft, ref: A1, kind: PILLAR, zh: 软件, en: Software, keywords: [软件]",
                "code: Soft_Ware, ref: A1, kind: PILLAR, zh: 软件, keywords: [软件], gbt4754: [\"65\"]")
                .replace("industry: soft,", "industry: Soft_Ware,");
        List<String> problems = problemsOf(yaml);
        assertTrue(problems.contains("industry 'Soft_Ware': code must be lowercase letters, digits and '-', joined by '.'"),
                problems.toString());
        assertTrue(problems.contains("industry 'Soft_Ware': GB/T 4754 class '65' must be 4 digits"), problems.toString());
    }

    @Test
    void targetsAndHqKindsReferToKnownIndustriesAndLists() {
        String yaml = MINIMAL + """
                hqKinds:
                  - {ref: A1, zh: 总部, sectors: [{industry: nothing, term: 无}], lists: [{list: fortune-10, term: 十强}]}
                targets:
                  - {code: t1, ref: A1, kind: ATTRACTION, zh: 目标, rule: FIELD}
                  - {code: t1, ref: A1, kind: ATTRACTION, zh: 目标, rule: RANKING, lists: [nope],
                     tiers: [{scope: HONG_KONG, maxRank: 0, zh: 前零}]}
                """;
        List<String> problems = problemsOf(yaml);
        assertTrue(problems.contains("hqKind 'A1': sector '无' refers to unknown industry 'nothing'"), problems.toString());
        assertTrue(problems.contains("hqKind 'A1': unknown ranking list 'fortune-10'"), problems.toString());
        assertTrue(problems.contains("duplicate target code 't1'"), problems.toString());
        assertTrue(problems.contains("target 't1': rule FIELD needs fields"), problems.toString());
        assertTrue(problems.contains("target 't1': unknown ranking list 'nope'"), problems.toString());
        assertTrue(problems.contains("target 't1': a tier needs a scope and a maxRank of at least 1"),
                problems.toString());
    }

    @Test
    void missingChineseTitleIsRejected() {
        List<String> problems = problemsOf(MINIMAL.replace("{ref: A, zh: 产业, en: Industries}", "{ref: A, en: Industries}"));
        assertEquals(List.of("section 'A': zh is missing"), problems);
    }

    @Test
    void unknownPropertyIsReportedWithItsPath() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> parser.parseString(MINIMAL.replace("    zh: 东区\n", "    zh: 东区\n    colour: red\n")));
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("zones[0]"), problem);
        assertTrue(problem.contains("colour"), problem);
    }

    @Test
    void unknownEnumValueIsReported() {
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> parser.parseString(MINIMAL.replace("kind: PILLAR", "kind: PILLARS")));
        assertTrue(e.problems().get(0).startsWith("industries[0].kind"), e.problems().toString());
        assertTrue(e.getMessage().contains("PILLARS"), e.getMessage());
    }

    @Test
    void emptyAndMissingResourcesAreRejected() {
        assertEquals(List.of("the file is empty"), problemsOf(""));
        PlanValidationException e = assertThrows(PlanValidationException.class,
                () -> parser.parseResource("plans/none.yaml"));
        assertEquals(List.of("resource not found on the classpath"), e.problems());
    }

    @Test
    void anotherDistrictsPlanLoadsWithoutCodeChanges() {
        PlanDocument other = parser.parseResource(TestPlans.OTHER_DISTRICT_RESOURCE);
        assertEquals("harbour-2030", other.plan().code());
        assertEquals(List.of(), PlanParser.validate(other));
        assertEquals(SectionKind.PART, other.section("3.1").orElseThrow().kind());
        assertEquals(List.of("marine.shipping", "marine.offshore-wind"),
                other.descendants("marine").stream().map(Industry::code).toList());
        assertEquals("Box A", other.zone("new-town").orElseThrow().priorities().get(1).ref());
        assertEquals(">300", other.indicator(1).orElseThrow().target(2030));
        assertEquals(List.of(new Milestone(2023, "120")), List.of(other.indicator(1).orElseThrow().actual()));
    }

    @Test
    void localizedTextFallsBackToChinese() {
        LocalizedText both = new LocalizedText("金融", "Finance");
        assertEquals("Finance", both.get(Locale.ENGLISH));
        assertEquals("Finance", both.get(Locale.UK));
        assertEquals("金融", both.get(Locale.SIMPLIFIED_CHINESE));
        assertEquals("金融", both.get(null));
        LocalizedText zhOnly = new LocalizedText("金融", " ");
        assertNull(zhOnly.en());
        assertEquals("金融", zhOnly.get(Locale.ENGLISH));
        assertEquals("金融", zhOnly.enOrZh());
    }
}
