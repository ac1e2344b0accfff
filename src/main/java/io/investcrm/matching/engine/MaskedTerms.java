package io.investcrm.matching.engine;

import java.util.List;

/**
 * Words the keyword search must not read as evidence. Two kinds: boilerplate of business-scope texts (every
 * registration record lists 技术开发、技术咨询 or 国内贸易, whatever the firm does), and longer words that contain a
 * keyword without being in its industry (a 保险柜 is a safe, not insurance). A keyword of the plan file always wins
 * over a masked term; longer words that do belong to an industry (燃料电池, 量子点) are keywords in the plan file.
 */
final class MaskedTerms {

    static final List<String> BOILERPLATE = List.of(
            // registration records: generic activities and the legal clauses around them
            "国内贸易", "国内商业", "物资供销业", "经营进出口业务", "进出口业务", "货物进出口", "技术进出口", "货物及技术进出口",
            "技术开发", "技术咨询", "技术服务", "技术转让", "技术推广", "技术交流", "技术支持",
            "信息咨询", "商务信息咨询", "经济信息咨询", "企业形象策划", "市场营销策划", "会务服务",
            "一般经营项目", "许可经营项目", "依法须经批准的项目", "经相关部门批准后方可开展经营活动",
            "法律、行政法规", "法律、行政法规、国务院决定", "法律法规", "国务院决定", "限制的项目", "禁止的项目",
            "取得许可后方可经营", "营业执照", "自有物业租赁", "房屋租赁",
            // websites and officer notes
            "leading provider", "one-stop", "solutions provider");

    static final List<String> UNRELATED_LONGER_WORDS = List.of(
            "保险柜", "保险箱", "保险丝", "多媒体", "手机壳", "银行卡套", "电池盒", "贸易战");

    private MaskedTerms() {
    }
}
