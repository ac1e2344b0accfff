package io.investcrm.company;

import java.util.List;

import io.investcrm.web.table.TableColumn;

/**
 * The columns of a company file, shared by the export and the import so an export reads back: the field names, the
 * headers the export writes (Chinese, or English on request) and the other headers offices use.
 */
public final class CompanyColumns {

    public static final List<TableColumn> ALL = List.of(
            TableColumn.of("nameZh", "中文名称", "Chinese name", "企业名称"),
            TableColumn.of("nameEn", "英文名称", "English name"),
            TableColumn.of("nameTc", "繁体名称", "Traditional Chinese name"),
            TableColumn.of("aliases", "别名", "Aliases", "曾用名"),
            TableColumn.of("creditCode", "统一社会信用代码", "Credit code", "信用代码"),
            TableColumn.of("hkCompanyNo", "香港公司注册编号", "HK company number", "香港公司编号"),
            TableColumn.of("lei", "LEI代码", "LEI"),
            TableColumn.of("hqCountry", "总部国家/地区", "HQ country or region", "总部国家", "总部所在地"),
            TableColumn.of("hqCity", "总部城市", "HQ city"),
            TableColumn.of("entityRole", "集团层级", "Group role"),
            TableColumn.of("parentId", "上级实体编号", "Parent id"),
            TableColumn.of("parentCreditCode", "上级信用代码", "Parent credit code"),
            TableColumn.of("presenceSought", "拟设机构类型", "Presence sought"),
            TableColumn.of("industries", "所属产业", "Industries", "产业代码", "产业", "行业"),
            TableColumn.of("businessActivities", "主营业务", "Business activities"),
            TableColumn.of("revenueCnyM", "营业收入（百万元）", "Revenue (CNY m)", "营业收入"),
            TableColumn.of("headcount", "员工人数", "Headcount"),
            TableColumn.of("spaceNeedSqm", "空间需求（平方米）", "Space need (m²)", "空间需求"),
            TableColumn.of("preferredZone", "意向片区", "Preferred zone"),
            TableColumn.of("website", "网址", "Website"));

    private CompanyColumns() {
    }
}
