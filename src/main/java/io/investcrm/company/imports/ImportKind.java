package io.investcrm.company.imports;

import java.util.List;
import java.util.Map;

import io.investcrm.company.CompanyColumns;
import io.investcrm.web.table.TableColumn;

/**
 * What a file holds, and its columns: the field names, the Chinese and English headers, and the other headers an
 * office's own spreadsheet may use. Companies share their columns with the export, so an export reads back.
 */
public enum ImportKind {
    COMPANY(CompanyColumns.ALL),
    CONTACT(List.of(
            TableColumn.of("companyId", "企业编号", "Company id"),
            TableColumn.of("companyCreditCode", "企业信用代码", "Company credit code", "统一社会信用代码"),
            TableColumn.of("name", "姓名", "Name"), TableColumn.of("title", "职务", "Title"),
            TableColumn.of("phone", "电话", "Phone", "手机"), TableColumn.of("email", "邮箱", "E-mail", "电子邮件"),
            TableColumn.of("wechat", "微信", "WeChat", "微信号"), TableColumn.of("source", "来源", "Source"),
            TableColumn.of("consent", "同意情况", "Consent", "授权"),
            TableColumn.of("consentNote", "同意说明", "Consent note"))),
    RANKING(List.of(
            TableColumn.of("rank", "排名", "Rank", "名次"),
            TableColumn.of("name", "企业名称", "Name", "名称", "中文名称"),
            TableColumn.of("nameEn", "英文名称", "English name"),
            TableColumn.of("creditCode", "统一社会信用代码", "Credit code", "信用代码"),
            TableColumn.of("hkCompanyNo", "香港公司注册编号", "HK company number"),
            TableColumn.of("lei", "LEI代码", "LEI")));

    private final List<TableColumn> columns;

    ImportKind(List<TableColumn> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns.stream().map(TableColumn::name).toList();
    }

    /** Header key (see {@link io.investcrm.web.table.TableReader#key}) → column name. */
    public Map<String, String> headerAliases() {
        return TableColumn.headerAliases(columns);
    }
}
