package io.investcrm.matching.engine;

import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.RankingScope;

import java.util.List;
import java.util.Set;

/**
 * Example firms with what the Futian plan says about them; the matching tests assert the engine agrees and later
 * integration tests can reuse them.
 * <ul>
 * <li>{@link #SEMICONDUCTOR_DESIGN_HOUSE} — an IC design house: 五(二)1 names 集成电路设计; of the zones only 六(二)4
 * 华强-上步 names 集成电路设计 itself (六(二)5 梅林-彩田 and 六(二)1 河套 name the broader 半导体与集成电路 / 微电子),
 * and it suits R&D (电子通讯设备研发…).</li>
 * <li>{@link #GLOBAL_BANK_REGIONAL_HQ} — a Fortune Global 500 bank's regional HQ: 五(二)2 names banks (first section),
 * 五(一)1 wants F500 regional HQs; 六(二)2 香蜜湖 (高端金融业, 财富管理 in 专栏3, 跨国管理与运营) or 六(二)3 福田中心区
 * (金融总部企业, 总部楼宇); it counts toward the F500 baseline 二(一)1(2) and 专栏1 #10.</li>
 * <li>{@link #HONG_KONG_LAW_FIRM} — a Hong Kong top-10 law firm: 五(四)1 法律服务业, 专栏9 (Hong Kong top 10) and
 * 专栏10; 六(二)3 福田中心区 names 法务财务, 六(二)2 香蜜湖 专业服务业; a branch of a global firm fits 五(一)1.</li>
 * <li>{@link #ENERGY_STORAGE_MAKER} — a battery energy-storage maker: 五(三)4 (储能 under 低碳创新技术) and 六(二)8
 * 安托山 (高效储能).</li>
 * <li>{@link #GAME_STUDIO} — a mobile-game and e-sports studio moving its HQ: 五(二)3 数字创意 (动漫游戏, 电竞);
 * 六(二)6 大金沙-车公庙 names 数字创意 and 数字内容 and takes HQs, 六(二)7 八卦岭 only 数字内容; 五(一)3 wants digital
 * content HQs.</li>
 * <li>{@link #BIOTECH} — an antibody and cell-therapy developer setting up R&D: 五(三)3 生物医药; 六(二)1 河套 (生命科学,
 * 医疗科技, cell and gene therapy in 专栏7); 五(一)3 wants biomedicine R&D HQs.</li>
 * <li>{@link #ENGINEERING_CONSULTANCY} — an internationally top-20 engineering consultancy: 五(四)1 全过程工程咨询,
 * 专栏9 (建筑及工程咨询, international top 20) and 专栏10 (top 50); 六(二)2 香蜜湖 names 专业服务业 and multinational
 * management.</li>
 * <li>{@link #KEYWORDS_ONLY_CHIP_TRADER} — no industry code, only Chinese activity text: 集成电路设计 and
 * 电子元器件交易 point to 五(二)1 and 六(二)4 华强-上步.</li>
 * </ul>
 */
public final class ExampleFirms {

    /**
     * A firm and what the plan says about it: the refs the top SECTION and the top ZONE may have, and the HQ kinds and
     * targets (by code) that must be among its matches.
     */
    public record ExampleFirm(String key, MatchProfile profile, Set<String> firstSection, Set<String> firstZone,
                              Set<String> hqKinds, Set<String> targets) {
    }

    public static final ExampleFirm SEMICONDUCTOR_DESIGN_HOUSE = new ExampleFirm("semiconductor-design-house",
            MatchProfile.builder()
                    .industry("sci-tech.semiconductor.ic-design")
                    .activity("集成电路设计与EDA工具研发", "SoC chip design for smartphones")
                    .presence(PresenceKind.RD_CENTER)
                    .ranking(RankingMembership.member("national-high-tech-enterprise"))
                    .spaceNeedM2(1500.0)
                    .build(),
            Set.of("五(二)1"), Set.of("六(二)4"), Set.of(), Set.of("national-high-tech-enterprises"));

    public static final ExampleFirm GLOBAL_BANK_REGIONAL_HQ = new ExampleFirm("global-bank-regional-hq",
            MatchProfile.builder()
                    .industry("finance.banking")
                    .activity("商业银行", "wealth management and private banking")
                    .presence(PresenceKind.REGIONAL_HQ)
                    .ranking(RankingMembership.of("fortune-global-500", RankingScope.INTERNATIONAL, null, 48))
                    .spaceNeedM2(6000.0)
                    .build(),
            Set.of("五(二)2"), Set.of("六(二)3", "六(二)2"), Set.of("五(一)1"),
            Set.of("fortune-global-500", "licensed-financial-institutions"));

    public static final ExampleFirm HONG_KONG_LAW_FIRM = new ExampleFirm("hong-kong-law-firm",
            MatchProfile.builder()
                    .industry("professional.legal")
                    .activity("跨境争议解决与仲裁", "cross-border commercial litigation")
                    .presence(PresenceKind.BRANCH)
                    .ranking(RankingMembership.of("hk-law-firm-ranking", RankingScope.HONG_KONG, "professional.legal", 7))
                    .build(),
            Set.of("五(四)1"), Set.of("六(二)3", "六(二)2"), Set.of("五(一)1"),
            Set.of("top-professional-firms-50", "top-professional-firms-100"));

    public static final ExampleFirm ENERGY_STORAGE_MAKER = new ExampleFirm("energy-storage-maker",
            MatchProfile.builder()
                    .industry("green-plus.low-carbon-tech.energy-storage")
                    .activity("储能系统集成与锂电池研发", "battery energy storage systems for industrial parks")
                    .presence(PresenceKind.RD_CENTER)
                    .build(),
            Set.of("五(三)4"), Set.of("六(二)8"), Set.of(), Set.of());

    public static final ExampleFirm GAME_STUDIO = new ExampleFirm("game-studio",
            MatchProfile.builder()
                    .industry("fashion.digital-creative.digital-content.games-animation")
                    .activity("手游研发与发行", "电竞赛事运营")
                    .presence(PresenceKind.GLOBAL_HQ)
                    .build(),
            Set.of("五(二)3"), Set.of("六(二)6"), Set.of("五(一)3"), Set.of());

    public static final ExampleFirm BIOTECH = new ExampleFirm("biotech",
            MatchProfile.builder()
                    .industry("health-plus.biomedicine")
                    .activity("抗体药物与细胞治疗研发", "clinical-stage biologics")
                    .presence(PresenceKind.RD_CENTER)
                    .build(),
            Set.of("五(三)3"), Set.of("六(二)1"), Set.of("五(一)3"), Set.of());

    public static final ExampleFirm ENGINEERING_CONSULTANCY = new ExampleFirm("engineering-consultancy",
            MatchProfile.builder()
                    .industry("professional.engineering-consulting")
                    .activity("全过程工程咨询", "architectural design and cost consultancy")
                    .presence(PresenceKind.REGIONAL_HQ)
                    .ranking(RankingMembership.of("enr-top-international-design-firms", RankingScope.INTERNATIONAL,
                            "professional.engineering-consulting", 12))
                    .build(),
            Set.of("五(四)1"), Set.of("六(二)2"), Set.of("五(一)1"),
            Set.of("top-professional-firms-50", "top-professional-firms-100"));

    public static final ExampleFirm KEYWORDS_ONLY_CHIP_TRADER = new ExampleFirm("keywords-only-chip-trader",
            MatchProfile.builder()
                    .activity("从事集成电路设计及电子元器件交易")
                    .build(),
            Set.of("五(二)1"), Set.of("六(二)4"), Set.of(), Set.of());

    public static List<ExampleFirm> all() {
        return List.of(SEMICONDUCTOR_DESIGN_HOUSE, GLOBAL_BANK_REGIONAL_HQ, HONG_KONG_LAW_FIRM, ENERGY_STORAGE_MAKER,
                GAME_STUDIO, BIOTECH, ENGINEERING_CONSULTANCY, KEYWORDS_ONLY_CHIP_TRADER);
    }

    private ExampleFirms() {
    }
}
