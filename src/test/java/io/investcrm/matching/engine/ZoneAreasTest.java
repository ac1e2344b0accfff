package io.investcrm.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.TestPlans;
import io.investcrm.plan.model.Zone;
import io.investcrm.plan.model.ZoneArea;
import io.investcrm.plan.model.ZonePriority;

/**
 * The areas the zone paragraphs of 六(二) name (issue 12), as encoded in config/plans/futian-2035.yaml, each test
 * citing the plan's line (../shared/plan/futian-modern-industry-plan.zh.txt), and what matching makes of them.
 */
class ZoneAreasTest {

    private static PlanDocument plan;
    private static MatchingEngine engine;

    @BeforeAll
    static void build() {
        plan = TestPlans.futian();
        engine = new MatchingEngine(plan);
    }

    private static Zone zone(String code) {
        return plan.zone(code).orElseThrow();
    }

    private static String areaOf(String zoneCode, String term) {
        return zone(zoneCode).priorities().stream().filter(p -> p.term().equals(term)).findFirst()
                .map(ZonePriority::area).orElse("(no such priority)");
    }

    private static List<String> places(String zoneCode, String area) {
        return zone(zoneCode).area(area).map(ZoneArea::places).orElse(List.of());
    }

    @Test
    void hetaosShenzhenParkIncludesHuanggangPortAndTheFutianBondedZoneAndHoldsTheSixFields() {
        // line 1789: 深圳园区（包括皇岗口岸片区、福田保税区片区）聚焦生命科学、信息科学和材料科学三大方向，
        // lines 1790–1791: 医疗科技、大数据及人工智能、机器人、新材料、微电子、金融科技六大领域
        assertTrue(places("hetao", "shenzhen-park").containsAll(List.of("皇岗口岸", "福田保税区")));
        for (String field : List.of("生命科学", "信息科学", "材料科学", "医疗科技", "大数据及人工智能", "机器人", "新材料", "微电子", "金融科技")) {
            assertEquals("shenzhen-park", areaOf("hetao", field), field);
        }
        // line 1785: 香港园区为港方管辖范围内、深港双方合作发展的港深创新及科技园
        assertTrue(places("hetao", "hk-park").contains("港深创新及科技园"));
    }

    @Test
    void xiangmiLakesCentralAreaHasTheFinanceAndItsNorthAreaTheConferencesAndHotels() {
        // line 1830: 香蜜湖中区（红荔路以南）规划建设新金融中心，重点发展 / 1831: 高端金融业、专业服务业、金融科技与数据服务
        for (String term : List.of("高端金融业", "专业服务业", "金融科技与数据服务")) {
            assertEquals("central", areaOf("xiangmihu", term), term);
        }
        // lines 1836–1837: 湖北区（红荔西路以北）建设国际交流中心，布局城市公园、会议、酒店及配套功能，承担重大国事活动、高端会议
        assertEquals("north", areaOf("xiangmihu", "会议、酒店及配套功能"));
        assertEquals("north", areaOf("xiangmihu", "高端会议"));
    }

    @Test
    void theZonesNamedAfterTwoPlacesHaveBoth() {
        // line 1857: 4.华强-上步片区; 1881: 5.梅林-彩田片区; 1894: 6.大金沙-车公庙片区; line 1875: 华强北商业街
        assertEquals(List.of("华强北"), places("huaqiang-shangbu", "huaqiangbei"));
        assertEquals("huaqiangbei", areaOf("huaqiang-shangbu", "华强北商业街等文体旅游消费聚集区"));
        assertEquals(List.of("上步"), places("huaqiang-shangbu", "shangbu"));
        assertEquals(List.of("梅林"), places("meilin-caitian", "meilin"));
        assertEquals(List.of("彩田"), places("meilin-caitian", "caitian"));
        assertEquals(List.of("车公庙"), places("dajinsha-chegongmiao", "chegongmiao"));
    }

    @Test
    void aFirmInTheFutianBondedZoneIsPlacedInHetaosShenzhenParkWithTheLineCited() {
        // before the areas were encoded, the bonded zone meant nothing: a robot maker there ranked 华强-上步/八卦岭 first
        MatchProfile there = MatchProfile.builder().activity("工业机器人研发，注册地址位于福田保税区").build();
        MatchProfile nowhere = MatchProfile.builder().activity("工业机器人研发").build();
        MatchResult hetao = engine.match(there, ResultType.ZONE).get(0);
        assertEquals("hetao", hetao.code());
        double before = engine.match(nowhere, ResultType.ZONE).stream().filter(r -> r.code().equals("hetao"))
                .findFirst().map(MatchResult::score).orElse(0.0);
        assertTrue(hetao.score() > before, hetao.score() + " vs " + before);
        assertTrue(hetao.reasons().stream().anyMatch(r -> r.ref().equals("六(二)1") && r.zh().contains("福田保税区")
                && r.zh().contains("深圳园区")), hetao.reasons().toString());
        // and the 机器人 field is explained as the Shenzhen park's
        assertTrue(hetao.reasons().stream().anyMatch(r -> r.zh().contains("深圳园区") && r.zh().contains("机器人")),
                hetao.reasons().toString());
    }

    @Test
    void aWealthManagerIsExplainedWithXiangmiLakesCentralAreaAndEveryReasonCitesARef() {
        MatchProfile wealth = MatchProfile.builder().industry("finance.wealth-management").build();
        MatchResult xiangmihu = engine.match(wealth, ResultType.ZONE).stream().filter(r -> r.code().equals("xiangmihu"))
                .findFirst().orElseThrow();
        assertTrue(xiangmihu.reasons().stream().anyMatch(r -> r.ref().equals("六(二)2") && r.zh().contains("香蜜湖中区")
                && r.text(Locale.ENGLISH).contains("central area")), xiangmihu.reasons().toString());
        for (MatchResult r : engine.match(wealth)) {
            assertTrue(r.reasons().stream().allMatch(x -> x.ref() != null && !x.ref().isBlank()), r.toString());
        }
    }
}
