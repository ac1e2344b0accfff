package io.investcrm.matching.engine;

import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.plan.model.TestPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The precision rules of issue 12, each shown on a firm that used to rank wrong (the comment says how it ranked
 * before the rule).
 */
class PrecisionRulesTest {

    private static MatchingEngine engine;

    @BeforeAll
    static void build() {
        engine = new MatchingEngine(TestPlans.futian());
    }

    private static MatchProfile described(String... texts) {
        return MatchProfile.builder().activity(texts).build();
    }

    private static Set<String> industries(String text) {
        return Set.copyOf(engine.industriesMentionedIn(text));
    }

    private static List<String> zones(MatchProfile p) {
        return engine.match(p, ResultType.ZONE).stream().map(MatchResult::code).toList();
    }

    private static Optional<MatchResult> find(MatchProfile p, ResultType type, String code) {
        return engine.match(p, type).stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static String topSection(MatchProfile p) {
        return engine.match(p, ResultType.SECTION).get(0).ref();
    }

    // --- mappings narrowed to the plan's words ---------------------------------------------------------------

    @Test
    void aPlainSoftwareHouseNoLongerFitsHetaoThroughInformationScience() {
        // 河套's 信息科学 was mapped to the whole sci-tech root: every software house fitted 河套 at 85.
        MatchProfile software = MatchProfile.builder().industry("sci-tech.software-it").build();
        // what is left is 河套's 大数据及人工智能, a narrower field than the firm's
        double hetao = find(software, ResultType.ZONE, "hetao").map(MatchResult::score).orElse(0.0);
        assertTrue(hetao <= 100 * MatchWeights.defaults().narrowerMatch() + MatchingEngine.ORDER_BONUS, "hetao " + hetao);
        assertTrue(Set.of("meilin-caitian", "dajinsha-chegongmiao").contains(zones(software).get(0)),
                "梅林-彩田 names 软件与信息技术服务, 大金沙-车公庙 软件: " + zones(software));
    }

    @Test
    void aHighStreetBankNoLongerFitsHuaqiangThroughIndustrialFinance() {
        // 华强-上步's 产业金融 was mapped to the whole finance root: every bank fitted 华强-上步 at 100.
        MatchProfile bank = MatchProfile.builder().industry("finance.banking").build();
        Optional<MatchResult> huaqiang = find(bank, ResultType.ZONE, "huaqiang-shangbu");
        assertTrue(huaqiang.isEmpty() || huaqiang.get().score() < 60, huaqiang.toString());
        assertTrue(Set.of("xiangmihu", "futian-cbd").contains(zones(bank).get(0)));
        MatchProfile techFinance = MatchProfile.builder().industry("finance-plus.sci-tech-finance").build();
        assertTrue(find(techFinance, ResultType.ZONE, "huaqiang-shangbu").orElseThrow().score() >= 90);
    }

    // --- presence as a bonus -------------------------------------------------------------------------------------

    @Test
    void aNewEnergyHeadquartersIsNotMarkedDownInAntuoshan() {
        // 安托山 names no presence kind; a firm stating one was capped at 70/80 there and 河套 (which names R&D
        // centres) won the new-energy firm that moves its headquarters.
        MatchProfile p = MatchProfile.builder().industry("green-plus.new-energy").presence(PresenceKind.GLOBAL_HQ).build();
        assertEquals("antuoshan", zones(p).get(0));
        assertTrue(find(p, ResultType.ZONE, "antuoshan").orElseThrow().score() >= 99);
    }

    // --- keywords: segmentation, stemming, masks, gaps ------------------------------------------------------------

    @Test
    void chineseTermsNoLongerMatchInsideLongerWords() {
        assertFalse(industries("手机银行系统开发").contains("finance.banking"), "手机银行 is not a bank");
        assertFalse(industries("手机银行系统开发").contains("sci-tech.smart-terminals"), "nor a phone maker");
        assertTrue(industries("手机银行系统开发").contains("finance-plus.fintech"));
        assertEquals(Set.of("green-plus.low-carbon-tech"), industries("氢燃料电池电堆研发"), "燃料电池 is hydrogen, not 电池");
        assertEquals(Set.of("new-materials"), industries("量子点显示材料"), "量子点 is a material, not 量子 information");
        assertFalse(industries("多媒体展厅设计").contains("fashion.digital-creative.media"), "多媒体 is not 媒体");
        assertEquals(Set.of(), industries("保险柜、保险箱销售"), "a 保险柜 is a safe");
    }

    @Test
    void englishWordsAreStemmed() {
        // "sensor" and "sensors" were different keywords; a firm writing "Sensor modules" matched nothing
        assertTrue(industries("Sensor modules and MEMS").contains("sci-tech.electronics.components"));
        assertTrue(industries("we build drones").contains("sci-tech.smart-terminals"));
        assertTrue(industries("Hospitals and clinics in the Greater Bay Area").contains("health-plus.medical-treatment-testing"));
        assertFalse(industries("Shanghai trading office").contains("intelligent-plus.ai"), "AI is a word, not a substring");
    }

    @Test
    void businessScopeBoilerplateIsNoEvidence() {
        // a registration record's standard clauses used to make every firm a trader and a law firm
        String scope = "一般经营项目是：国内贸易，经营进出口业务；技术开发、技术咨询、技术服务、技术转让；"
                + "（法律、行政法规、国务院决定规定在登记前须经批准的项目除外）";
        assertEquals(Set.of(), industries(scope));
        assertTrue(engine.match(described(scope)).isEmpty());
    }

    @Test
    void theGapsAreFilled() {
        assertTrue(industries("化学药品制剂、原料药的研发").contains("health-plus.biomedicine"));
        assertTrue(industries("Pharmaceutical company").contains("health-plus.biomedicine"));
        assertTrue(industries("民营专科医院").contains("health-plus.medical-treatment-testing"));
        assertTrue(industries("在线教育平台").contains("intelligent-plus.smart-city"));
        assertTrue(industries("工业级无人机研发").contains("sci-tech.smart-terminals"));
        assertTrue(industries("UAV flight controllers").contains("sci-tech.smart-terminals"));
        assertTrue(industries("多层印制电路板（PCB）").contains("sci-tech.electronics.components"));
        assertTrue(industries("LED芯片封装").contains("sci-tech.electronics.components"));
        assertTrue(industries("融资担保业务").contains("finance"));
        assertTrue(industries("商业保理").contains("finance"));
    }

    @Test
    void fintechRelatesToFinanceAndAiToTechnology() {
        // fintech and AI sat on branches of their own: a fintech firm never met 五(二)2, an AI firm never 五(二)1
        MatchProfile fintech = MatchProfile.builder().industry("finance-plus.fintech").build();
        assertTrue(find(fintech, ResultType.SECTION, "五(二)2").isPresent());
        assertEquals("五(三)2", topSection(fintech));
        MatchProfile ai = MatchProfile.builder().industry("intelligent-plus.ai").build();
        assertTrue(find(ai, ResultType.SECTION, "五(二)1").isPresent());
        assertEquals("五(三)1", topSection(ai));
        assertEquals("meilin-caitian", zones(ai).get(0), "梅林-彩田 is built on frontier AI applications");
    }

    // --- plan words newly encoded ---------------------------------------------------------------------------------

    @Test
    void hetaoNamesGreenTransportEcoEnvironmentAndSourceGridLoadStorageInBoxEight() {
        MatchProfile p = MatchProfile.builder().industry("green-plus.energy-saving").build();
        MatchResult hetao = find(p, ResultType.ZONE, "hetao").orElseThrow();
        assertTrue(hetao.reasons().stream().anyMatch(r -> r.ref().equals("专栏8") && r.zh().contains("环保生态")),
                hetao.reasons().toString());
    }

    @Test
    void aBranchLevelSpecialisedInstitutionIsALicensedInstitution() {
        MatchProfile p = described("某银行深圳分行级专营机构（科技金融中心）");
        MatchResult target = find(p, ResultType.TARGET, "licensed-financial-institutions").orElseThrow();
        assertTrue(target.reasons().stream().anyMatch(r -> r.zh().contains("分行级专营机构")), target.reasons().toString());
    }

    @Test
    void boxesNineAndTenCountProfessionalServiceRankingsOnly() {
        // a bank ranked 3rd in a Hong Kong league table used to count toward 专栏9 through its own industry
        MatchProfile bank = MatchProfile.builder().industry("finance.banking")
                .ranking(RankingMembership.of("hk-banks", RankingScope.HONG_KONG, "finance.banking", 3)).build();
        assertTrue(find(bank, ResultType.TARGET, "top-professional-firms-50").isEmpty());
        assertTrue(find(bank, ResultType.TARGET, "top-professional-firms-100").isEmpty());
        MatchProfile unstated = MatchProfile.builder().industry("professional.legal")
                .ranking(RankingMembership.of("some-list", RankingScope.HONG_KONG, null, 3)).build();
        assertTrue(find(unstated, ResultType.TARGET, "top-professional-firms-50").isEmpty(),
                "a ranking that does not say it ranks professional-service firms does not count");
        MatchProfile lawFirm = MatchProfile.builder().industry("professional.legal")
                .ranking(RankingMembership.of("hk-law-firms", RankingScope.HONG_KONG, "professional.legal", 3)).build();
        assertTrue(find(lawFirm, ResultType.TARGET, "top-professional-firms-50").isPresent());
    }

    @Test
    void theHundredFirmTargetHasNoInventedYear() {
        var target = TestPlans.futian().targets().stream().filter(t -> t.code().equals("top-professional-firms-100"))
                .findFirst().orElseThrow();
        assertEquals(null, target.year());
        MatchProfile lawFirm = MatchProfile.builder().industry("professional.legal")
                .ranking(RankingMembership.of("hk-law-firms", RankingScope.HONG_KONG, "professional.legal", 3)).build();
        String summary = find(lawFirm, ResultType.TARGET, "top-professional-firms-100").orElseThrow().reasons().get(0).zh();
        assertFalse(summary.contains("2035"), summary);
    }

    @Test
    void explanationsCiteEveryRefTheyUse() {
        MatchProfile p = described("芯片设计与人工智能算法，产品用于智能手机", "金融科技与数据服务");
        for (MatchResult r : engine.match(p)) {
            Set<String> cited = r.reasons().stream().map(MatchReason::ref).collect(Collectors.toSet());
            assertTrue(cited.contains(r.ref()) || r.type() == ResultType.TARGET, r.toString());
            r.reasons().forEach(reason -> assertTrue(reason.zh().contains(reason.ref()) || reason.ref().equals(r.ref()),
                    reason.toString()));
        }
    }
}
