package io.investcrm.company.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file holds, and its columns: the English names (also the export's header) and the Chinese labels people
 * write in the office's own spreadsheets.
 */
public enum ImportKind {
    COMPANY(List.of(
            col("nameZh", "中文名称", "企业名称"), col("nameEn", "英文名称"), col("nameTc", "繁体名称"),
            col("aliases", "别名", "曾用名"), col("creditCode", "统一社会信用代码", "信用代码"),
            col("hkCompanyNo", "香港公司注册编号", "香港公司编号"), col("lei", "LEI代码", "LEI"),
            col("hqCountry", "总部国家", "总部国家/地区"), col("hqCity", "总部城市"), col("entityRole", "集团层级"),
            col("parentId", "上级实体编号"), col("parentCreditCode", "上级信用代码"),
            col("presenceSought", "拟设机构类型"), col("industries", "所属产业", "产业代码"),
            col("businessActivities", "主营业务"), col("revenueCnyM", "营业收入", "营业收入（百万元）"),
            col("headcount", "员工人数"), col("spaceNeedSqm", "空间需求", "空间需求（平方米）"),
            col("preferredZone", "意向片区"), col("website", "网址"))),
    CONTACT(List.of(
            col("companyId", "企业编号"), col("companyCreditCode", "企业信用代码", "统一社会信用代码"),
            col("name", "姓名"), col("title", "职务"), col("phone", "电话", "手机"), col("email", "邮箱", "电子邮件"),
            col("wechat", "微信", "微信号"), col("source", "来源"), col("consent", "同意情况", "授权"),
            col("consentNote", "同意说明"))),
    RANKING(List.of(
            col("rank", "排名", "名次"), col("name", "企业名称", "名称", "中文名称"), col("nameEn", "英文名称"),
            col("creditCode", "统一社会信用代码", "信用代码"), col("hkCompanyNo", "香港公司注册编号"),
            col("lei", "LEI代码", "LEI")));

    private final List<String[]> columns;

    ImportKind(List<String[]> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns.stream().map(c -> c[0]).toList();
    }

    /** Header key (see {@link TableReader#key}) → column name. */
    public Map<String, String> headerAliases() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] c : columns) {
            for (String label : c) {
                m.putIfAbsent(TableReader.key(label), c[0]);
            }
        }
        return m;
    }

    private static String[] col(String... names) {
        return names;
    }
}
