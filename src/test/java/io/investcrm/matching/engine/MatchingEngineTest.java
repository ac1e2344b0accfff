package io.investcrm.matching.engine;

import io.investcrm.matching.engine.ExampleFirms.ExampleFirm;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanParser;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.plan.model.TestPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingEngineTest {

    private static final double EPS = 0.005;

    /** Zone scores carry up to ORDER_BONUS points for where the zone's text names the industry. */
    private static final double ZONE_EPS = MatchingEngine.ORDER_BONUS + EPS;

    private static PlanDocument plan;
    private static MatchingEngine engine;

    @BeforeAll
    static void buildEngine() {
        plan = TestPlans.futian();
        engine = new MatchingEngine(plan);
    }

    private static MatchingEngine engineWith(MatchWeights weights) {
        return new MatchingEngine(plan, weights);
    }

    private static MatchWeights weights(double zonePresence, double zonePreferred, double zoneBreadth,
                                        double minScore) {
        MatchWeights d = MatchWeights.defaults();
        return new MatchWeights(d.declaredIndustry(), d.keywordIndustry(), d.broaderMatch(), d.narrowerMatch(),
                d.hqSector(), d.hqPresence(), d.hqRanking(), d.zoneIndustry(), zonePresence, zonePreferred,
                zoneBreadth, d.sameBelt(), d.targetRanking(), d.targetField(), minScore);
    }

    private static Optional<MatchResult> first(List<MatchResult> results, ResultType... types) {
        List<ResultType> wanted = List.of(types);
        return results.stream().filter(r -> wanted.contains(r.type())).findFirst();
    }

    private static Optional<MatchResult> find(List<MatchResult> results, ResultType type, String code) {
        return results.stream().filter(r -> r.type() == type && r.code().equals(code)).findFirst();
    }

    private static double zoneScore(List<MatchResult> results, String zone) {
        return find(results, ResultType.ZONE, zone).map(MatchResult::score).orElse(0.0);
    }

    private static List<String> zoneOrder(List<MatchResult> results) {
        return results.stream().filter(r -> r.type() == ResultType.ZONE).map(MatchResult::code).toList();
    }

    // --- the example firms -------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> exampleFirmsRankWhatThePlanSays() {
        return ExampleFirms.all().stream().map(firm -> DynamicTest.dynamicTest(firm.key(), () -> {
            List<MatchResult> results = engine.match(firm.profile());
            MatchResult section = first(results, ResultType.SECTION).orElseThrow();
            assertTrue(firm.firstSection().contains(section.ref()),
                    firm.key() + ": first section " + section.ref() + ", expected one of " + firm.firstSection());
            MatchResult zone = first(results, ResultType.ZONE).orElseThrow();
            assertTrue(firm.firstZone().contains(zone.ref()),
                    firm.key() + ": first zone " + zone.ref() + " " + zone.code() + ", expected " + firm.firstZone());
            for (String hq : firm.hqKinds()) {
                assertTrue(find(results, ResultType.HQ_KIND, hq).isPresent(), firm.key() + " fits " + hq);
            }
            for (String target : firm.targets()) {
                assertTrue(find(results, ResultType.TARGET, target).isPresent(), firm.key() + " counts toward " + target);
            }
        }));
    }

    @Test
    void semiconductorDesignHouseGoesToHuaqiangShangbuBecauseOnlyItNamesIcDesign() {
        List<MatchResult> results = engine.match(ExampleFirms.SEMICONDUCTOR_DESIGN_HOUSE.profile());
        MatchResult huaqiang = find(results, ResultType.ZONE, "huaqiang-shangbu").orElseThrow();
        assertTrue(huaqiang.reasons().stream().anyMatch(r -> r.ref().equals("六(二)4") && r.zh().contains("「集成电路设计」")),
                huaqiang.reasons().toString());
        assertTrue(zoneScore(results, "huaqiang-shangbu") > zoneScore(results, "meilin-caitian"));
        assertTrue(zoneScore(results, "meilin-caitian") > 0, "梅林-彩田 names 半导体与集成电路");
        MatchResult section = find(results, ResultType.SECTION, "五(二)1").orElseThrow();
        assertEquals(100.0, section.score(), EPS);
        assertTrue(section.reasons().stream().anyMatch(r -> r.en().contains("IC design → 五(二)1")), section.reasons().toString());
        assertTrue(section.reasons().stream().anyMatch(r -> r.ref().equals("专栏2")), "cites the action plan");
    }

    @Test
    void hongKongTopTenLawFirmCountsTowardBoxNineAndBoxTen() {
        List<MatchResult> results = engine.match(ExampleFirms.HONG_KONG_LAW_FIRM.profile());
        MatchResult box9 = find(results, ResultType.TARGET, "top-professional-firms-50").orElseThrow();
        assertEquals("专栏9", box9.ref());
        assertEquals(100.0, box9.score(), EPS);
        assertTrue(box9.reasons().stream().anyMatch(r -> r.zh().contains("在香港排名前10位")), box9.reasons().toString());
        MatchResult box10 = find(results, ResultType.TARGET, "top-professional-firms-100").orElseThrow();
        assertTrue(box9.score() > box10.score(), "专栏9 names legal services itself, 专栏10 only professional services");
        assertEquals("六(二)3", first(results, ResultType.ZONE).orElseThrow().ref(), "福田中心区 names 法务财务");
    }

    @Test
    void globalBankCountsTowardTheFortune500BaselineAndLicensedInstitutions() {
        List<MatchResult> results = engine.match(ExampleFirms.GLOBAL_BANK_REGIONAL_HQ.profile());
        MatchResult hq = find(results, ResultType.HQ_KIND, "五(一)1").orElseThrow();
        // sector: banking falls under 金融 (one level broader) 0.85; presence and list both match.
        assertEquals(100 * (0.5 * 0.85 + 0.25 + 0.25) / 1.0, hq.score(), EPS);
        assertTrue(find(results, ResultType.HQ_KIND, "五(一)2").isEmpty(), "not a China-500 firm");
        assertEquals(100.0, find(results, ResultType.TARGET, "fortune-global-500").orElseThrow().score(), EPS);
        MatchResult licensed = find(results, ResultType.TARGET, "licensed-financial-institutions").orElseThrow();
        assertEquals(90.0, licensed.score(), EPS);
        assertTrue(licensed.reasons().stream().anyMatch(r -> r.ref().equals("五(二)2")));
        assertTrue(find(results, ResultType.ZONE, "futian-cbd").orElseThrow().reasons().stream()
                .anyMatch(r -> r.ref().equals("七(一)1")), "the space need cites 七(一)1");
    }

    @Test
    void engineeringConsultancyQualifiesForBothBoxesByItsInternationalRank() {
        List<MatchResult> results = engine.match(ExampleFirms.ENGINEERING_CONSULTANCY.profile());
        assertEquals(100.0, find(results, ResultType.TARGET, "top-professional-firms-50").orElseThrow().score(), EPS);
        assertEquals(85.0, find(results, ResultType.TARGET, "top-professional-firms-100").orElseThrow().score(), EPS);
    }

    @Test
    void biotechFitsTheEmergingIndustryHeadquartersAndHetao() {
        List<MatchResult> results = engine.match(ExampleFirms.BIOTECH.profile());
        assertTrue(find(results, ResultType.HQ_KIND, "五(一)3").isPresent());
        MatchResult hetao = find(results, ResultType.ZONE, "hetao").orElseThrow();
        assertTrue(hetao.reasons().stream().anyMatch(r -> r.ref().equals("专栏7")), hetao.reasons().toString());
        assertEquals(List.of("hetao"), zoneOrder(results), "no other zone names biomedicine");
    }

    @Test
    void gameStudioPrefersTheZoneNamingMoreOfItsChain() {
        List<MatchResult> results = engine.match(ExampleFirms.GAME_STUDIO.profile());
        assertTrue(zoneScore(results, "dajinsha-chegongmiao") > zoneScore(results, "bagualing"));
        assertEquals("五(二)3", first(results, ResultType.SECTION).orElseThrow().ref());
    }

    // --- scoring rules -----------------------------------------------------------------------------------------

    @Test
    void aDeclaredIndustryNamedBySectionScoresOneHundred() {
        MatchResult r = first(engine.match(MatchProfile.builder().industry("finance.insurance").build()),
                ResultType.SECTION).orElseThrow();
        assertEquals("五(二)2", r.ref());
        assertEquals(100.0, r.score(), EPS);
    }

    @Test
    void aKeywordOnlyIndustryScoresTheKeywordStrength() {
        MatchResult r = first(engine.match(MatchProfile.builder().activity("再保险业务").build()),
                ResultType.SECTION).orElseThrow();
        assertEquals("五(二)2", r.ref());
        assertEquals(100 * MatchWeights.defaults().keywordIndustry(), r.score(), EPS);
        assertTrue(r.reasons().get(0).zh().contains("含「再保险」"), r.reasons().toString());
    }

    @Test
    void aBroaderNamedIndustryScoresTheBroaderFactorPerLevel() {
        // 六(二)5 梅林-彩田 names 半导体与集成电路, one level above IC design, and nothing else above or below it.
        double score = engine.scoreForZone(MatchProfile.builder().industry("sci-tech.semiconductor.ic-design").build(),
                "meilin-caitian");
        assertEquals(100 * MatchWeights.defaults().broaderMatch(), score, ZONE_EPS);
    }

    @Test
    void aNarrowerNamedIndustryScoresTheNarrowerFactor() {
        // 华强-上步 names 集成电路设计, one level below a firm that only says "semiconductors".
        double score = engine.scoreForZone(MatchProfile.builder().industry("sci-tech.semiconductor").build(),
                "huaqiang-shangbu");
        assertEquals(100 * MatchWeights.defaults().narrowerMatch(), score, ZONE_EPS);
    }

    @Test
    void industriesOnOtherBranchesDoNotMatch() {
        assertEquals(0.0, engine.scoreForZone(MatchProfile.builder().industry("finance.banking").build(), "antuoshan"));
        assertTrue(engine.match(MatchProfile.builder().industry("finance.banking").build()).stream()
                .noneMatch(r -> r.ref().equals("五(三)4")));
    }

    @Test
    void eachPieceOfEvidenceCountsOncePerZone() {
        // 大金沙-车公庙 names 数字创意 and also its child 数字内容; a game studio used to be credited twice there and beat
        // 八卦岭 (数字内容 only) on count. One piece of evidence now counts once: the two are within the order bonus.
        MatchProfile games = MatchProfile.builder().industry("fashion.digital-creative.digital-content.games-animation").build();
        List<MatchResult> one = engine.match(games);
        assertEquals(zoneScore(one, "dajinsha-chegongmiao"), zoneScore(one, "bagualing"), ZONE_EPS);
        // two distinct pieces (games and film; only 大金沙-车公庙 names 创意影视) do add up
        MatchProfile gamesAndFilm = MatchProfile.builder()
                .industry("fashion.digital-creative.digital-content.games-animation", "fashion.digital-creative.film").build();
        List<MatchResult> two = engine.match(gamesAndFilm);
        assertTrue(zoneScore(two, "dajinsha-chegongmiao") > zoneScore(two, "bagualing") + MatchingEngine.ORDER_BONUS);
        List<MatchResult> noBreadth = engineWith(weights(0.1, 0.15, 0, 0)).match(gamesAndFilm);
        assertTrue(zoneScore(noBreadth, "dajinsha-chegongmiao") > zoneScore(noBreadth, "bagualing") - ZONE_EPS);
    }

    @Test
    void aPresenceTheZoneSuitsRaisesItsScoreAndOneItDoesNotLowersIt() {
        MatchProfile none = MatchProfile.builder().industry("finance").build();
        MatchProfile hq = MatchProfile.builder().industry("finance").presence(PresenceKind.GLOBAL_HQ).build();
        double cbdNone = engine.scoreForZone(none, "futian-cbd");
        double cbdHq = engine.scoreForZone(hq, "futian-cbd");
        double xiangmihuHq = engine.scoreForZone(hq, "xiangmihu");
        assertEquals(100.0, cbdNone, ZONE_EPS);
        assertEquals(100.0, cbdHq, ZONE_EPS, "福田中心区 suits headquarters");
        assertTrue(xiangmihuHq < cbdHq, "香蜜湖 names regional and functional HQs only");
        List<MatchResult> results = engine.match(hq);
        assertEquals("futian-cbd", first(results, ResultType.ZONE).orElseThrow().code());
        assertTrue(first(results, ResultType.ZONE).orElseThrow().reasons().stream()
                .anyMatch(r -> r.zh().contains("汇聚金融总部企业")));
    }

    @Test
    void thePreferredZoneAndItsBeltGetCredit() {
        MatchProfile fintech = MatchProfile.builder().industry("finance-plus.fintech").preferredZone("xiangmihu").build();
        List<MatchResult> results = engine.match(fintech);
        assertEquals("xiangmihu", first(results, ResultType.ZONE).orElseThrow().code());
        MatchResult chegongmiao = find(results, ResultType.ZONE, "dajinsha-chegongmiao").orElseThrow();
        assertTrue(chegongmiao.reasons().stream().anyMatch(r -> r.ref().equals("六(一)") && r.zh().contains("西翼")),
                chegongmiao.reasons().toString());
        double d = MatchWeights.defaults().zoneIndustry();
        double p = MatchWeights.defaults().zonePreferred();
        assertEquals(100 * (d + p * MatchWeights.defaults().sameBelt()) / (d + p), chegongmiao.score(), ZONE_EPS);
        assertEquals(100 * d / (d + p), zoneScore(results, "meilin-caitian"), ZONE_EPS, "梅林-彩田 is on the axis");
    }

    @Test
    void aPreferredZoneAloneMatchesNothing() {
        assertEquals(List.of(), engine.match(MatchProfile.builder().preferredZone("hetao").build()));
    }

    @Test
    void hqKindsNeedAPresenceOrAListBesidesTheSector() {
        assertTrue(engine.match(MatchProfile.builder().industry("finance.banking").build()).stream()
                .noneMatch(r -> r.type() == ResultType.HQ_KIND));
        List<MatchResult> listed = engine.match(MatchProfile.builder().industry("construction")
                .ranking(RankingMembership.member("central-soe")).build());
        MatchResult leaders = find(listed, ResultType.HQ_KIND, "五(一)2").orElseThrow();
        assertEquals(100 * (0.5 + 0.25) / 1.0, leaders.score(), EPS);
        assertTrue(leaders.reasons().stream().anyMatch(r -> r.zh().contains("大型央企")));
    }

    @Test
    void anHqKindWithoutListsDoesNotCountTheListWeight() {
        MatchResult emerging = find(engine.match(MatchProfile.builder().industry("new-materials")
                .presence(PresenceKind.RD_CENTER).build()), ResultType.HQ_KIND, "五(一)3").orElseThrow();
        assertEquals(100.0, emerging.score(), EPS);
    }

    @Test
    void boxNineTiersAreAppliedByScopeAndRank() {
        assertTrue(qualifies("top-professional-firms-50", RankingScope.HONG_KONG, 10));
        assertFalse(qualifies("top-professional-firms-50", RankingScope.HONG_KONG, 11));
        assertTrue(qualifies("top-professional-firms-100", RankingScope.HONG_KONG, 11));
        assertTrue(qualifies("top-professional-firms-50", RankingScope.INTERNATIONAL, 20));
        assertFalse(qualifies("top-professional-firms-50", RankingScope.INTERNATIONAL, 21));
        assertTrue(qualifies("top-professional-firms-100", RankingScope.INTERNATIONAL, 50));
        assertFalse(qualifies("top-professional-firms-100", RankingScope.INTERNATIONAL, 51));
        assertTrue(qualifies("top-professional-firms-50", RankingScope.MAINLAND, 5));
        assertFalse(qualifies("top-professional-firms-50", RankingScope.MAINLAND, 6));
        assertTrue(qualifies("top-professional-firms-100", RankingScope.MAINLAND, 20));
        assertFalse(qualifies("top-professional-firms-100", RankingScope.MAINLAND, 21));
        assertFalse(qualifies("top-professional-firms-50", RankingScope.MAINLAND, 0), "an unranked membership");
    }

    private static boolean qualifies(String target, RankingScope scope, int rank) {
        MatchProfile auditor = MatchProfile.builder().industry("professional.accounting-tax")
                .ranking(RankingMembership.of("audit-ranking", scope, "professional.accounting-tax", rank)).build();
        return find(engine.match(auditor), ResultType.TARGET, target).isPresent();
    }

    @Test
    void boxNineCountsOnlyItsFieldsWhileBoxTenCountsAllProfessionalServices() {
        MatchProfile lab = MatchProfile.builder()
                .ranking(RankingMembership.of("testing-ranking", RankingScope.HONG_KONG, "professional.technical-services", 3))
                .build();
        List<MatchResult> results = engine.match(lab);
        assertTrue(find(results, ResultType.TARGET, "top-professional-firms-50").isEmpty());
        assertTrue(find(results, ResultType.TARGET, "top-professional-firms-100").isPresent());
    }

    @Test
    void theRankedFieldDecidesOverTheFirmsOwnIndustries() {
        MatchProfile bankRankedInLaw = MatchProfile.builder().industry("finance.banking")
                .ranking(RankingMembership.of("hk-legal", RankingScope.HONG_KONG, "professional.legal", 2)).build();
        assertTrue(find(engine.match(bankRankedInLaw), ResultType.TARGET, "top-professional-firms-50").isPresent());
        MatchProfile lawFirmRankedInBanking = MatchProfile.builder().industry("professional.legal")
                .ranking(RankingMembership.of("hk-banks", RankingScope.HONG_KONG, "finance.banking", 2)).build();
        assertTrue(find(engine.match(lawFirmRankedInBanking), ResultType.TARGET, "top-professional-firms-50").isEmpty());
    }

    @Test
    void fieldTargetsCountEveryFirmOfTheirFields() {
        assertTrue(find(engine.match(MatchProfile.builder().industry("finance.trust").build()), ResultType.TARGET,
                "licensed-financial-institutions").isPresent());
        assertTrue(find(engine.match(MatchProfile.builder().industry("finance.venture-capital").build()), ResultType.TARGET,
                "licensed-financial-institutions").isEmpty(), "VC funds are not on 五(二)2's list of licensed institutions");
    }

    @Test
    void listTargetsNeedTheListAndReportOnlyTargetsNeverMatch() {
        MatchProfile f500 = MatchProfile.builder().industry("trade-exhibition.trade-distribution")
                .ranking(RankingMembership.member("fortune-global-500")).presence(PresenceKind.BRANCH).build();
        List<MatchResult> results = engine.match(f500);
        assertTrue(find(results, ResultType.TARGET, "fortune-global-500").isPresent());
        assertTrue(find(results, ResultType.TARGET, "national-high-tech-enterprises").isEmpty());
        assertTrue(results.stream().noneMatch(r -> r.ref().startsWith("七(一)") && r.type() == ResultType.TARGET));
        MatchProfile rdOnly = MatchProfile.builder().industry("trade-exhibition.trade-distribution")
                .ranking(RankingMembership.member("fortune-global-500")).presence(PresenceKind.RD_CENTER).build();
        assertTrue(find(engine.match(rdOnly), ResultType.TARGET, "fortune-global-500").isEmpty(),
                "the baseline counts headquarters and branches");
    }

    @Test
    void smartTerminalLeadersNeedARankingInTheirField() {
        MatchProfile maker = MatchProfile.builder().industry("sci-tech.smart-terminals").build();
        assertTrue(find(engine.match(maker), ResultType.TARGET, "smart-terminal-leaders").isEmpty());
        MatchProfile ranked = MatchProfile.builder().industry("sci-tech.smart-terminals")
                .ranking(RankingMembership.of("global-smartphone-brands", RankingScope.INTERNATIONAL, null, 4)).build();
        assertTrue(find(engine.match(ranked), ResultType.TARGET, "smart-terminal-leaders").isEmpty(),
                "三(二) names no list: any ranking used to count; now only the office's list of leaders does");
        MatchProfile leader = MatchProfile.builder().industry("sci-tech.smart-terminals")
                .ranking(RankingMembership.member("smart-terminal-leaders")).build();
        MatchResult r = find(engine.match(leader), ResultType.TARGET, "smart-terminal-leaders").orElseThrow();
        assertEquals("三(二)", r.ref());
    }

    // --- keywords ----------------------------------------------------------------------------------------------

    @Test
    void chineseActivityTextMatchesWithoutAnyIndustryCode() {
        List<MatchResult> results = engine.match(ExampleFirms.KEYWORDS_ONLY_CHIP_TRADER.profile());
        assertFalse(results.isEmpty());
        assertEquals("huaqiang-shangbu", first(results, ResultType.ZONE).orElseThrow().code());
        assertTrue(first(results, ResultType.SECTION).orElseThrow().reasons().get(0).zh()
                .contains("含「集成电路设计」"));
    }

    @Test
    void keywordsMatchChineseSubstringsAndEnglishCaseInsensitively() {
        assertEquals(List.of("sci-tech.semiconductor.ic-design"), engine.industriesMentionedIn("主营集成电路设计服务"));
        assertEquals(List.of("sci-tech.robotics"), engine.industriesMentionedIn("We build ROBOTICS arms"));
        assertEquals(List.of("intelligent-plus.ai"), engine.industriesMentionedIn("ＡＩ视觉算法"), "full-width letters");
        assertEquals(List.of("finance-plus.fintech"), engine.industriesMentionedIn("金融科技"), "longest match wins");
        assertEquals(List.of(), engine.industriesMentionedIn("Shanghai based"), "AI is not a word in Shanghai");
        assertEquals(List.of(), engine.industriesMentionedIn("ASIC设计外包".replace("ASIC", "BASICS")));
        assertEquals(List.of(), engine.industriesMentionedIn(null));
    }

    @Test
    void oneKeywordCanPointToSeveralIndustries() {
        List<String> codes = engine.industriesMentionedIn("跨境电商");
        assertTrue(codes.containsAll(List.of("sci-tech.software-it.e-commerce", "trade-exhibition.cross-border-logistics")),
                codes.toString());
    }

    @Test
    void aDeclaredIndustryOutweighsTheSameIndustryFoundByKeyword() {
        MatchProfile both = MatchProfile.builder().industry("finance.insurance").activity("再保险").build();
        MatchResult r = first(engine.match(both), ResultType.SECTION).orElseThrow();
        assertEquals(100.0, r.score(), EPS);
        assertTrue(r.reasons().get(0).zh().startsWith("所属行业「保险」"));
    }

    // --- weights -----------------------------------------------------------------------------------------------

    @Test
    void weightsChangeTheRanking() {
        MatchProfile chipFirmPreferringHetao = MatchProfile.builder().industry("sci-tech.semiconductor.ic-design")
                .preferredZone("hetao").build();
        assertEquals("hetao", first(engine.match(chipFirmPreferringHetao), ResultType.ZONE).orElseThrow().code(),
                "河套 names 微电子 and the firm prefers it");
        MatchingEngine planOnly = engineWith(weights(0.1, 0, 0.1, 15));
        assertEquals("huaqiang-shangbu", first(planOnly.match(chipFirmPreferringHetao), ResultType.ZONE).orElseThrow().code(),
                "without the preference weight the exact 集成电路设计 of 华强-上步 wins");
    }

    @Test
    void everyWeightOfTheDefaultsIsUsed() {
        MatchWeights d = MatchWeights.defaults();
        MatchProfile firm = MatchProfile.builder().industry("finance.banking").activity("private banking", "跨境电商")
                .presence(PresenceKind.REGIONAL_HQ).preferredZone("xiangmihu")
                .ranking(RankingMembership.member("fortune-global-500"))
                .ranking(RankingMembership.of("x", RankingScope.HONG_KONG, "professional.legal", 1)).build();
        List<MatchResult> base = engine.match(firm);
        double[] values = {d.declaredIndustry(), d.keywordIndustry(), d.broaderMatch(), d.narrowerMatch(), d.hqSector(),
                d.hqPresence(), d.hqRanking(), d.zoneIndustry(), d.zonePresence(), d.zonePreferred(), d.zoneBreadth(),
                d.sameBelt(), d.targetRanking(), d.targetField(), d.minScore()};
        MatchProfile narrower = MatchProfile.builder().industry("sci-tech.semiconductor").build();
        for (int k = 0; k < values.length; k++) {
            double[] changed = values.clone();
            changed[k] = k == values.length - 1 ? 95 : values[k] * 0.5;
            MatchWeights w = new MatchWeights(changed[0], changed[1], changed[2], changed[3], changed[4], changed[5],
                    changed[6], changed[7], changed[8], changed[9], changed[10], changed[11], changed[12], changed[13],
                    changed[14]);
            MatchingEngine other = engineWith(w);
            boolean differs = !other.match(firm).equals(base) || !other.match(narrower).equals(engine.match(narrower));
            assertTrue(differs, "weight #" + k + " has no effect");
        }
    }

    @Test
    void minScoreDropsWeakResults() {
        List<MatchResult> strict = engineWith(weights(0.1, 0.15, 0.1, 90)).match(ExampleFirms.GAME_STUDIO.profile());
        assertFalse(strict.isEmpty());
        assertTrue(strict.stream().allMatch(r -> r.score() >= 90));
        assertTrue(engine.match(ExampleFirms.GAME_STUDIO.profile()).size() > strict.size());
    }

    @Test
    void weightsAreValidated() {
        MatchWeights d = MatchWeights.defaults();
        assertThrows(IllegalArgumentException.class, () -> new MatchWeights(1.5, d.keywordIndustry(), d.broaderMatch(),
                d.narrowerMatch(), d.hqSector(), d.hqPresence(), d.hqRanking(), d.zoneIndustry(), d.zonePresence(),
                d.zonePreferred(), d.zoneBreadth(), d.sameBelt(), d.targetRanking(), d.targetField(), d.minScore()));
        assertThrows(IllegalArgumentException.class, () -> weights(-0.1, 0.15, 0.1, 15));
        assertThrows(IllegalArgumentException.class, () -> weights(0.1, Double.NaN, 0.1, 15));
        assertThrows(IllegalArgumentException.class, () -> weights(0.1, 0.15, 0.1, 101));
    }

    // --- determinism, explanations, edge cases -----------------------------------------------------------------

    @Test
    void matchingIsDeterministic() {
        MatchingEngine again = new MatchingEngine(new PlanParser().parse(TestPlans.FUTIAN_YAML));
        for (ExampleFirm firm : ExampleFirms.all()) {
            List<MatchResult> a = engine.match(firm.profile());
            assertEquals(a, engine.match(firm.profile()), firm.key());
            assertEquals(a, again.match(firm.profile()), firm.key());
        }
    }

    @Test
    void resultsAreOrderedByScoreThenThePlansOwnOrder() {
        // the plan's order: sections as listed, a box right after the part it closes
        java.util.Map<String, Double> position = new java.util.HashMap<>();
        List<io.investcrm.plan.model.PlanSection> sections = plan.sections();
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).kind() != io.investcrm.plan.model.SectionKind.BOX) {
                position.put(sections.get(i).ref(), (double) i);
            }
        }
        for (io.investcrm.plan.model.PlanSection box : sections) {
            if (box.kind() == io.investcrm.plan.model.SectionKind.BOX) {
                double after = position.get(box.parent());
                for (var e : position.entrySet()) {
                    if (e.getKey().startsWith(box.parent()) && !e.getKey().startsWith("专栏")) {
                        after = Math.max(after, e.getValue());
                    }
                }
                position.put(box.ref(), after + 0.5);
            }
        }
        Comparator<MatchResult> order = Comparator.comparingDouble(MatchResult::score).reversed()
                .thenComparingDouble((MatchResult r) -> position.get(r.ref()))
                .thenComparing(MatchResult::type).thenComparing(MatchResult::code);
        for (MatchProfile p : randomProfiles(200, 7)) {
            List<MatchResult> results = engine.match(p);
            List<MatchResult> sorted = new ArrayList<>(results);
            sorted.sort(order);
            assertEquals(sorted, results);
        }
    }

    @Test
    void tiesUsedToGoByUnicodeOrderAndNowGoByThePlan() {
        // A smart-terminal maker that also does AI scores 100 on 五(二)1 and on 五(三)1; by Unicode order 五(三)1
        // came first (三 sorts before 二). Equal scores now follow the plan: 五(二)1 before 五(三)1.
        MatchProfile p = MatchProfile.builder().industry("sci-tech.smart-terminals", "intelligent-plus.ai").build();
        List<String> refs = engine.match(p, ResultType.SECTION).stream().map(MatchResult::ref).toList();
        assertEquals("五(二)1", refs.get(0), refs.toString());
        assertTrue(refs.indexOf("五(二)1") < refs.indexOf("五(三)1"), refs.toString());
        // zones that name the same industry no longer tie: the one whose text names it first wins (香蜜湖 and
        // 福田中心区 open with finance; 梅林-彩田 gets it from 专栏3 only), and 河套 no longer wins by Unicode order
        List<MatchResult> finance = engine.match(MatchProfile.builder().industry("finance").build(), ResultType.ZONE);
        assertEquals(List.of("六(二)2", "六(二)3"), finance.stream().limit(2).map(MatchResult::ref).toList(),
                "both open with finance: the tie goes by the plan's order");
        assertTrue(zoneScore(finance, "meilin-caitian") < zoneScore(finance, "futian-cbd"), finance.toString());
    }

    @Test
    void everyReasonCitesASectionOfThePlanInBothLanguages() {
        List<MatchProfile> profiles = new ArrayList<>(randomProfiles(300, 11));
        ExampleFirms.all().forEach(f -> profiles.add(f.profile()));
        int reasons = 0;
        for (MatchProfile p : profiles) {
            for (MatchResult r : engine.match(p)) {
                assertTrue(plan.hasSection(r.ref()), "result ref " + r.ref());
                assertFalse(r.reasons().isEmpty(), r.ref() + " has no reasons");
                assertTrue(r.score() > 0 && r.score() <= 100, r.ref() + " score " + r.score());
                for (MatchReason reason : r.reasons()) {
                    assertTrue(plan.hasSection(reason.ref()), "reason cites unknown ref " + reason.ref());
                    assertTrue(reason.zh().contains(reason.ref()), reason.zh());
                    assertTrue(reason.en().contains(reason.ref()), reason.en());
                    assertNotEquals(reason.zh(), reason.en());
                    reasons++;
                }
            }
        }
        assertTrue(reasons > 1000, "exercised " + reasons + " reasons");
    }

    @Test
    void resultsCiteTheirOwnSection() {
        for (ExampleFirm firm : ExampleFirms.all()) {
            for (MatchResult r : engine.match(firm.profile())) {
                boolean own = r.reasons().stream().anyMatch(x -> x.ref().equals(r.ref()));
                boolean viaBox = r.type() == ResultType.ZONE;
                assertTrue(own || viaBox, firm.key() + " " + r.ref());
            }
        }
    }

    @Test
    void reasonsReadInTheRequestedLanguage() {
        MatchReason reason = first(engine.match(ExampleFirms.SEMICONDUCTOR_DESIGN_HOUSE.profile()), ResultType.ZONE)
                .orElseThrow().reasons().get(0);
        assertEquals(reason.en(), reason.text(Locale.ENGLISH));
        assertEquals(reason.zh(), reason.text(Locale.SIMPLIFIED_CHINESE));
        assertTrue(reason.en().contains("names “集成电路设计” (IC design)"), reason.en());
    }

    @Test
    void anEmptyProfileYieldsNoMatches() {
        assertEquals(List.of(), engine.match(MatchProfile.empty()));
        assertTrue(MatchProfile.empty().isEmpty());
        assertEquals(List.of(), engine.match(new MatchProfile(null, null, null, null, null, null)));
        assertEquals(List.of(), engine.match(MatchProfile.builder().activity("   ", "").build()));
        assertEquals(0.0, engine.scoreForZone(MatchProfile.empty(), "hetao"));
    }

    @Test
    void unknownCodesAreIgnoredAndAnUnknownZoneIsAnError() {
        assertEquals(List.of(), engine.match(MatchProfile.builder().industry("no.such.industry").build()));
        assertThrows(IllegalArgumentException.class, () -> engine.scoreForZone(MatchProfile.empty(), "atlantis"));
        assertThrows(NullPointerException.class, () -> engine.match(null));
    }

    @Test
    void scoreForZoneAgreesWithMatch() {
        List<MatchProfile> profiles = new ArrayList<>(randomProfiles(200, 3));
        ExampleFirms.all().forEach(f -> profiles.add(f.profile()));
        for (MatchProfile p : profiles) {
            List<MatchResult> results = engine.match(p);
            for (var zone : plan.zones()) {
                double fast = engine.scoreForZone(p, zone.code());
                Optional<MatchResult> full = find(results, ResultType.ZONE, zone.code());
                if (full.isPresent()) {
                    assertEquals(full.get().score(), fast, EPS, zone.code());
                } else {
                    assertTrue(fast < MatchWeights.defaults().minScore(), zone.code() + " " + fast);
                }
            }
        }
    }

    @Test
    void anotherDistrictsPlanMatchesWithTheSameEngine() {
        PlanDocument other = new PlanParser().parseResource(TestPlans.OTHER_DISTRICT_RESOURCE);
        MatchingEngine harbour = new MatchingEngine(other);
        MatchProfile shipper = MatchProfile.builder().activity("国际航运与船舶管理").presence(PresenceKind.REGIONAL_HQ)
                .ranking(RankingMembership.of("shipping-100", RankingScope.INTERNATIONAL, "marine.shipping", 9)).build();
        List<MatchResult> results = harbour.match(shipper);
        assertEquals("harbour", first(results, ResultType.ZONE).orElseThrow().code());
        assertTrue(find(results, ResultType.TARGET, "shipping-leaders").isPresent());
        assertTrue(find(results, ResultType.HQ_KIND, "3.2").isPresent());
        // offshore wind is named in Box A, the action plan of 3.1: it counts for 3.1 too, which comes first
        List<MatchResult> wind = harbour.match(MatchProfile.builder().activity("offshore wind farms").build(),
                ResultType.SECTION);
        assertEquals(List.of("3.1", "Box A"), wind.stream().map(MatchResult::ref).toList());
    }

    /** Profiles drawn from the taxonomy, the keywords and the lists, for property-style checks. */
    static List<MatchProfile> randomProfiles(int count, long seed) {
        Random random = new Random(seed);
        List<String> codes = plan.industries().stream().map(i -> i.code()).toList();
        List<String> words = plan.industries().stream().flatMap(i -> i.keywords().stream()).toList();
        List<String> zones = plan.zones().stream().map(z -> z.code()).toList();
        PresenceKind[] kinds = PresenceKind.values();
        RankingScope[] scopes = RankingScope.values();
        List<MatchProfile> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            MatchProfile.Builder b = MatchProfile.builder();
            for (int k = random.nextInt(3); k > 0; k--) {
                b.industry(codes.get(random.nextInt(codes.size())));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                b.activity("从事" + words.get(random.nextInt(words.size())) + "及相关业务 " + words.get(random.nextInt(words.size())));
            }
            if (random.nextBoolean()) {
                b.presence(kinds[random.nextInt(kinds.length)]);
            }
            if (random.nextInt(3) == 0) {
                b.ranking(RankingMembership.of(random.nextBoolean() ? "fortune-global-500" : "some-ranking",
                        scopes[random.nextInt(scopes.length)],
                        random.nextBoolean() ? codes.get(random.nextInt(codes.size())) : null, 1 + random.nextInt(60)));
            }
            if (random.nextInt(4) == 0) {
                b.preferredZone(zones.get(random.nextInt(zones.size())));
            }
            if (random.nextInt(4) == 0) {
                b.spaceNeedM2(100.0 + random.nextInt(10_000));
            }
            out.add(b.build());
        }
        return out;
    }
}
