package io.investcrm.company.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The words that name normalization strips or recognises, all in folded form (simplified, lower-case). */
final class NameLexicon {

    private NameLexicon() {
    }

    /** Chinese organisational forms; they say how a company is constituted, not which one it is. */
    static final List<String> ZH_LEGAL_FORMS = longestFirst(
            "股份有限公司", "有限责任公司", "股份合作公司", "有限公司", "股份公司", "总公司", "公司",
            "有限合伙企业", "普通合伙企业", "特殊普通合伙", "合伙企业", "个人独资企业",
            "有限合伙", "普通合伙");

    /** Forms that only ever appear in brackets, e.g. 会计师事务所(特殊普通合伙). */
    static final Set<String> ZH_BRACKET_LEGAL_FORMS = Set.of("有限责任", "股份", "特殊普通合伙", "有限合伙", "普通合伙");

    /** English and other Latin-script legal forms, as word sequences. */
    static final List<List<String>> EN_LEGAL_FORMS = longestFirstSeq(
            "limited liability company", "limited liability partnership", "public limited company",
            "limited partnership", "company limited", "private limited",
            "limited", "ltd", "llc", "llp", "lllp", "pllc", "lp", "inc", "incorporated", "corp", "corporation",
            "co", "company", "plc", "gmbh", "ag", "kg", "ohg", "se", "sa", "sas", "sarl", "srl", "spa", "nv", "bv",
            "pte", "pty", "pvt", "private", "kk", "ab", "oy", "oyj", "asa", "ltda", "sdn bhd", "bhd", "na", "ulc");

    /** Words that name a group or holding rather than an operating company; stripped for the core key only. */
    static final List<String> ZH_GROUP_WORDS = longestFirst("集团", "控股", "国际");
    static final List<List<String>> EN_GROUP_WORDS = longestFirstSeq("group", "holdings", "holding", "international", "intl");

    /** Words that end the name of a branch or office of another entity. */
    static final List<String> ZH_BRANCH_WORDS = longestFirst(
            "分公司", "分行", "支行", "分理处", "办事处", "代表处", "营业部", "分店", "分所", "分厂");
    static final List<List<String>> EN_BRANCH_WORDS = longestFirstSeq(
            "branch", "branch office", "representative office", "rep office", "liaison office");

    /** Industry words after which a bank or broker's branch qualifier starts when no legal form is written. */
    static final List<String> ZH_BRANCH_ANCHORS = List.of("银行", "证券", "保险");

    /** Places that may open a Chinese name as its administrative-division prefix. */
    static final List<String> ZH_REGIONS = longestFirst(
            "中国", "中华", "香港", "澳门", "台湾", "亚洲", "亚太", "大中华",
            "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
            "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
            "内蒙古", "广西", "西藏", "宁夏", "新疆",
            "广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江", "肇庆", "江门", "茂名", "惠州", "梅州", "汕尾",
            "河源", "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮",
            "杭州", "南京", "苏州", "无锡", "宁波", "武汉", "成都", "西安", "长沙", "郑州", "青岛", "厦门", "大连",
            "沈阳", "合肥", "福州", "济南", "昆明", "南宁", "海口", "三亚", "哈尔滨", "长春", "石家庄", "太原",
            "南昌", "贵阳", "兰州", "乌鲁木齐", "呼和浩特", "银川", "西宁", "拉萨");

    /**
     * Shenzhen districts and zones. They are also common trade names (光明乳业, 前海人寿), so they are
     * stripped only in brackets, as a branch qualifier, or with a 区 suffix.
     */
    static final List<String> ZH_DISTRICTS = longestFirst(
            "福田", "罗湖", "南山", "盐田", "宝安", "龙岗", "龙华", "坪山", "光明", "大鹏", "前海", "深汕", "河套");

    static final List<String> ZH_ADMIN_SUFFIXES = longestFirst("特别行政区", "自治区", "新区", "省", "市", "区", "县");

    static final List<List<String>> EN_REGIONS = longestFirstSeq(
            "china", "prc", "hong kong", "hongkong", "hk", "hong kong sar", "macau", "macao", "taiwan",
            "shenzhen", "guangzhou", "beijing", "shanghai", "asia", "asia pacific", "apac", "greater china",
            "singapore");

    /** A region after one of these words belongs to the name ("Bank of China"). */
    static final Set<String> EN_LINKING_WORDS = Set.of("of", "in", "for", "and", "de", "du", "des", "the");

    private static List<String> longestFirst(String... words) {
        return Stream.of(words).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static List<List<String>> longestFirstSeq(String... phrases) {
        return Stream.of(phrases)
                .map(p -> Arrays.asList(p.split(" ")))
                .sorted(Comparator.<List<String>>comparingInt(List::size).reversed())
                .map(List::copyOf)
                .toList();
    }
}
